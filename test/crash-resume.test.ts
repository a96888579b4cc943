/**
 * Crash safety: `kseval run` (the real binary) is SIGKILLed at random points — after a random
 * number of records, or after a random delay that may fall in start-up, mid-run or the final
 * writes — sometimes twice, sometimes with a torn line appended as a power cut would leave it,
 * and then resumed. Each trial checks:
 *
 * - no finished record is lost: every complete line on disk at the kill is in the final file;
 * - no finished request is repeated: items with a record are never asked again (counted at the
 *   fake server);
 * - one record per unit, and the final summary.csv equals an uninterrupted run's (value columns);
 * - result files are never half-written: manifest.json, items.csv, summary.csv are whole
 *   whenever they exist, even right after a kill.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManifestSchema } from '../harness/results/manifest.ts';
import { startFakeServer, type FakeServer } from './fake-server/index.ts';
import { BIN, FIXTURE_PACKS, ROOT, cli, tmp, writeConfig } from './helpers/cli.ts';
import { createPrng } from '../harness/scoring/prng.ts';

const KEY_ENV = 'KSEVAL_CRASH_KEY';
const TRIALS = 24;
const PARALLEL = 3;
const UNITS = 17; // test items across the fixture packs, one model

/** Answers the fixture prompts, right for some items and wrong for others. */
const answer = (content: string) => (content.includes('계약방법') ? '수의계약' : content.includes('적용 법조') ? '형법 제329조' : content.includes('질문') ? '7.1%' : '[]');
const lastUser = (body: unknown): string => {
  const msgs = (body as { messages?: Array<{ role: string; content: string }> } | undefined)?.messages ?? [];
  return msgs.filter((m) => m.role === 'user').at(-1)?.content ?? '';
};
const recordPrompt = (line: string): string => {
  const r = JSON.parse(line) as { messages: Array<{ role: string; content: string }> };
  return r.messages.filter((m) => m.role === 'user').at(-1)!.content;
};

/** The harness's seeded PRNG: repeatable draws for the same seed. */
function prng(seed: number): () => number {
  const g = createPrng(seed, 'test');
  return () => g.next();
}

const summaryValues = (dir: string) =>
  (parse(readFileSync(path.join(dir, 'summary.csv'), 'utf8'), { columns: true }) as Record<string, string>[]).map(({ run_id: _r, created_at: _c, ...rest }) => rest);

const completeLines = (file: string): string[] => {
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8');
  return text.slice(0, text.lastIndexOf('\n') + 1).split('\n').filter((l) => l.trim());
};

type Kill = { after: 'records'; records: number } | { after: 'delay'; ms: number };

/** Runs the real binary and SIGKILLs it at the chosen point; resolves once it is gone. */
function runAndKill(args: string[], recordsFile: string, kill: Kill): Promise<{ signal: NodeJS.Signals | null; code: number | null; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, [KEY_ENV]: 'crash-key' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    let timer: NodeJS.Timeout | undefined;
    if (kill.after === 'delay') timer = setTimeout(() => child.kill('SIGKILL'), kill.ms);
    else {
      timer = setInterval(() => {
        if (existsSync(recordsFile) && completeLines(recordsFile).length >= kill.records) child.kill('SIGKILL');
      }, 2);
    }
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearInterval(timer);
      resolve({ signal, code, err });
    });
  });
}

/** Files a kill may leave must be whole whenever they exist. */
function checkWholeFiles(runDir: string): void {
  const manifest = path.join(runDir, 'manifest.json');
  if (existsSync(manifest)) expect(ManifestSchema.safeParse(JSON.parse(readFileSync(manifest, 'utf8'))).success, 'manifest.json is whole').toBe(true);
  const items = path.join(runDir, 'items.csv');
  if (existsSync(items)) expect(parse(readFileSync(items, 'utf8'), { columns: true }) as unknown[], 'items.csv is whole').toHaveLength(UNITS);
  const summary = path.join(runDir, 'summary.csv');
  if (existsSync(summary)) expect(parse(readFileSync(summary, 'utf8'), { columns: true }) as unknown[], 'summary.csv is whole').toHaveLength(reference.length);
  const records = path.join(runDir, 'records.jsonl');
  for (const line of completeLines(records)) expect(() => JSON.parse(line) as unknown).not.toThrow();
}

let reference: Record<string, string>[];
const servers: FakeServer[] = [];

beforeAll(async () => {
  const server = await startFakeServer({ respond: ({ messages }) => ({ content: answer(messages.at(-1)!.content) }) });
  servers.push(server);
  const dir = tmp('kseval-crash-ref-');
  const config = writeConfig(dir, [{ id: 'fake', baseURL: server.url, keyEnv: KEY_ENV }]);
  process.env[KEY_ENV] = 'crash-key';
  const runDir = path.join(dir, 'full');
  const r = await cli(['run', '--no-tui', '--config', config, '--pack', FIXTURE_PACKS, '--models', 'fake', '--concurrency', '2', '--seed', '9', '--run-dir', runDir]);
  expect(r.code, r.err).toBe(0);
  expect(server.requests).toHaveLength(UNITS);
  reference = summaryValues(runDir);
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  delete process.env[KEY_ENV];
});

interface Trial {
  n: number;
  latencyMs: number;
  kill: Kill;
  /** Kill the first resume too. */
  killResume?: Kill;
  /** Append a torn half line after the kill, as a power cut mid-write would leave. */
  torn: boolean;
}

const random = prng(20261123);
const TRIAL_PLANS: Trial[] = Array.from({ length: TRIALS }, (_, n) => {
  const kill: Kill = n % 3 === 2 ? { after: 'delay', ms: 500 + Math.floor(random() * 1500) } : { after: 'records', records: Math.floor(random() * (UNITS + 1)) };
  const killResume: Kill | undefined = n % 4 === 3 ? { after: 'records', records: Math.floor(random() * (UNITS + 1)) } : undefined;
  return { n, latencyMs: 5 + Math.floor(random() * 25), kill, killResume, torn: n % 5 === 1 };
});

/** How many records each trial's first kill left on disk (-1: killed before the run started). */
const finishedAtKill: number[] = [];

async function trial(t: Trial): Promise<void> {
  const requests = new Map<string, number>();
  const server = await startFakeServer({
    latencyMs: t.latencyMs,
    respond: ({ messages }) => ({ content: answer(messages.at(-1)!.content) }),
    faults: (_n, req) => {
      const p = lastUser(req.body);
      requests.set(p, (requests.get(p) ?? 0) + 1);
      return undefined;
    },
  });
  servers.push(server);
  const dir = tmp('kseval-crash-');
  const config = writeConfig(dir, [{ id: 'fake', baseURL: server.url, keyEnv: KEY_ENV }]);
  const runDir = path.join(dir, 'run');
  const recordsFile = path.join(runDir, 'records.jsonl');
  const label = `trial ${t.n} (${JSON.stringify(t)})`;

  const killed = await runAndKill(['run', '--no-tui', '--config', config, '--pack', FIXTURE_PACKS, '--models', 'fake', '--concurrency', '2', '--seed', '9', '--run-dir', runDir], recordsFile, t.kill);
  expect(killed.err, label).not.toMatch(/\n\s+at |internal error/);
  if (!existsSync(path.join(runDir, 'manifest.json'))) {
    // Killed before the run started: nothing to resume, and nothing may have been asked.
    expect(requests.size, label).toBe(0);
    finishedAtKill.push(-1);
    return;
  }
  checkWholeFiles(runDir);
  let finished = completeLines(recordsFile);
  finishedAtKill.push(finished.length);
  if (t.torn && finished.length < UNITS) appendFileSync(recordsFile, '{"schema_version":1,"run_id":"torn","key":"');

  const finishedPrompts = () => new Set(finished.map(recordPrompt));
  const countsBefore = new Map(requests);
  if (t.killResume) {
    await runAndKill(['run', '--no-tui', '--resume', runDir], recordsFile, t.killResume);
    checkWholeFiles(runDir);
    const now = completeLines(recordsFile);
    for (const line of finished) expect(now, `${label}: a finished record survives the second kill`).toContain(line);
    for (const p of finishedPrompts()) expect(requests.get(p), `${label}: finished request not repeated`).toBe(countsBefore.get(p));
    finished = now;
    for (const [p, c] of requests) countsBefore.set(p, c);
  }

  process.env[KEY_ENV] = 'crash-key';
  const resumed = await cli(['run', '--no-tui', '--resume', runDir]);
  expect(resumed.code, `${label}: ${resumed.err}`).toBe(0);
  const final = completeLines(recordsFile);
  expect(readFileSync(recordsFile, 'utf8').endsWith('\n'), label).toBe(true);
  // No finished record lost, none repeated, one record per unit.
  for (const line of finished) expect(final, `${label}: finished record kept`).toContain(line);
  for (const p of finishedPrompts()) expect(requests.get(p), `${label}: finished request not asked again`).toBe(countsBefore.get(p));
  const units = final.map((l) => {
    const r = JSON.parse(l) as { task: string; item_id: string };
    return `${r.task}/${r.item_id}`;
  });
  expect(new Set(units).size, label).toBe(UNITS);
  expect(final, label).toHaveLength(UNITS);
  // Every item was asked (the counts per phase above say finished ones never twice).
  expect(requests.size, label).toBe(UNITS);
  expect(summaryValues(runDir), label).toEqual(reference);
  checkWholeFiles(runDir);
  // Nothing half-written is left behind: no temp files from a write the kill interrupted.
  expect(readdirSync(runDir).filter((f) => f.endsWith('.tmp')), label).toEqual([]);
}

describe('crash safety: SIGKILL at random points, then resume', () => {
  it(`${TRIALS} trials: no finished record lost or request repeated, summary equals an uninterrupted run`, async () => {
    const queue = [...TRIAL_PLANS];
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        for (let t = queue.shift(); t; t = queue.shift()) await trial(t);
      }),
    );
    // The kills really landed mid-run in most trials (not all before start or after the end).
    const midRun = finishedAtKill.filter((k) => k > 0 && k < UNITS).length;
    expect(midRun, `records on disk at each kill: ${finishedAtKill.join(' ')}`).toBeGreaterThanOrEqual(TRIALS / 3);
  }, 120_000);
});
