/** Runs the CLI in-process (fast) or as the real binary (for kill/resume and TTY tests). */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../harness/cli/main.ts';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'kseval.js');
export const FIXTURE_PACKS = path.join(ROOT, 'test', 'fixtures', 'packs');

export async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t.endsWith('\n') ? t : `${t}\n`), err: (t) => (err += t.endsWith('\n') ? t : `${t}\n`), isTTY: false });
  return { code, out, err };
}

export function tmp(prefix = 'kseval-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** A kseval.config.yaml with one openai-compatible model per entry, pointing at a fake server. */
export function writeConfig(dir: string, models: Array<{ id: string; baseURL: string; origin?: string; keyEnv?: string; model?: string; adapter?: string; extra?: string }>, extra = ''): string {
  const file = path.join(dir, 'kseval.config.yaml');
  const lines = ['models:'];
  for (const m of models) {
    lines.push(
      `  - id: ${m.id}`,
      `    adapter: ${m.adapter ?? 'openai-compatible'}`,
      `    model: ${m.model ?? 'fake-model'}`,
      `    baseURL: ${m.baseURL}`,
      `    apiKeyEnv: ${m.keyEnv ?? 'KSEVAL_FAKE_KEY'}`,
      `    vendor: Test`,
      `    origin: ${m.origin ?? 'sovereign'}`,
      `    residency: kr`,
      `    openWeights: false`,
      ...(m.extra ? [m.extra] : []),
    );
  }
  lines.push('retries: { max: 3, baseDelayMs: 5, maxDelayMs: 200, deadlineMs: 20000 }', 'timeoutMs: 5000', extra);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

/** Spawns the real binary; resolves with exit code and output. */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv = {}, onStdout?: (chunk: string, kill: () => void) => void): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      onStdout?.(d.toString(), () => child.kill('SIGKILL'));
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code, signal) => resolve({ code, signal, out, err }));
  });
}
