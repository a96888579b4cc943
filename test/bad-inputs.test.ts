/**
 * The bad-input corpus (test/bad-inputs/manifest.json): broken packs, configs, prediction files,
 * leaderboard CSVs and run directories. For each case kseval must:
 *
 * - exit 2 with one-line errors (`error: file:line: what — what to do`), naming the file and
 *   line where a file is involved;
 * - never print a stack trace (`at …` frames) or an internal error;
 * - never hang (cases that could are run through the real binary under a timeout);
 * - never write a file outside the run directory (the sandbox around it stays as it was).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, FIXTURE_PACKS, ROOT, cli, tmp } from './helpers/cli.ts';

const HERE = path.join(ROOT, 'test', 'bad-inputs');
const TIMEOUT_MS = 30_000;

interface Case {
  name: string;
  args: string[];
  /** Regex one error line must match. */
  error: string;
  /** File suffix (and `:line`) the error line must name; null when no file is involved. */
  where: string | null;
  generate?: string;
  binary?: boolean;
  /** Text that must appear nowhere in the output (e.g. a key written into a config). */
  forbid?: string;
  skip?: string;
}

const { cases } = JSON.parse(readFileSync(path.join(HERE, 'manifest.json'), 'utf8')) as { cases: Case[] };

const PACK_YAML = (id: string, extra = '') =>
  [`id: ${id}`, 'version: 1.0.0', `domain: ${id.split('/')[0]}`, 'title: { ko: 시험, en: Test }', 'description: 생성된 잘못된 입력', 'license: CC0-1.0', 'kind: classification', 'labels: [가결, 부결]', 'prompt:', '  system: 분류하세요.', '  template: "{{text}}"', 'metrics: [accuracy]', extra].join('\n') + '\n';
const ITEM = '{"id": "a1", "split": "test", "input": {"text": "안건 1"}, "gold": "가결"}\n';

/** Inputs too big or too odd to keep in git, written into the case's sandbox. */
const GENERATORS: Record<string, (dir: string) => Promise<string>> = {
  'big-line': async (dir) => {
    const pack = path.join(dir, 'bad', 'big-line');
    mkdirSync(pack, { recursive: true });
    writeFileSync(path.join(pack, 'pack.yaml'), PACK_YAML('bad/big-line'));
    writeFileSync(path.join(pack, 'items.jsonl'), ITEM + `{"id": "a2", "split": "test", "input": {"text": "${'가'.repeat(10 * 2 ** 20 / 3)}"}, "gold": "가결"}\n`);
    return pack;
  },
  'big-yaml': async (dir) => {
    const pack = path.join(dir, 'bad', 'big-yaml');
    mkdirSync(pack, { recursive: true });
    writeFileSync(path.join(pack, 'pack.yaml'), PACK_YAML('bad/big-yaml', `source: "${'가'.repeat(700_000)}"`));
    writeFileSync(path.join(pack, 'items.jsonl'), ITEM);
    return pack;
  },
  'deep-yaml': async (dir) => {
    const pack = path.join(dir, 'bad', 'deep-yaml');
    mkdirSync(pack, { recursive: true });
    writeFileSync(path.join(pack, 'pack.yaml'), PACK_YAML('bad/deep-yaml', `source: ${'['.repeat(100_000)}${']'.repeat(100_000)}`));
    writeFileSync(path.join(pack, 'items.jsonl'), ITEM);
    return pack;
  },
  /** A finished run whose records.jsonl has a damaged line in the middle. */
  'corrupt-records': async (dir) => {
    const run = path.join(dir, 'finished');
    const r = await cli(['run', '--no-tui', '--pack', path.join(FIXTURE_PACKS, 'demo', 'classify'), '--models', 'builtin/lexical', '--run-dir', run]);
    if (r.code !== 0) throw new Error(r.err);
    const file = path.join(run, 'records.jsonl');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[1] = lines[1]!.slice(0, 40);
    writeFileSync(file, lines.join('\n'));
    return run;
  },
  'bad-manifest': async (dir) => {
    const run = path.join(dir, 'finished');
    const r = await cli(['run', '--no-tui', '--pack', path.join(FIXTURE_PACKS, 'demo', 'classify'), '--models', 'builtin/lexical', '--run-dir', run]);
    if (r.code !== 0) throw new Error(r.err);
    writeFileSync(path.join(run, 'manifest.json'), '{"schema_version": 1, "run_id": 5}\n');
    return run;
  },
};

/** Every file under `dir` with its size and mtime, relative paths. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const s = statSync(p);
        out.set(path.relative(dir, p), `${s.size}:${s.mtimeMs}`);
      }
    }
  };
  walk(dir);
  return out;
}

function runBinary(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string; err: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, TIMEOUT_MS);
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err, timedOut });
    });
  });
}

/** In-process, with the working directory inside the sandbox (one case at a time). */
async function runInProcess(args: string[], cwd: string): Promise<{ code: number; out: string; err: string; timedOut: boolean }> {
  const before = process.cwd();
  process.chdir(cwd);
  try {
    return { ...(await cli(args)), timedOut: false };
  } finally {
    process.chdir(before);
  }
}

const inputsBefore = snapshot(HERE);
const env = { KSEVAL_BAD_KEY: 'bad-input-key' };

beforeAll(() => {
  expect(cases.length).toBeGreaterThanOrEqual(30);
});

afterAll(() => {
  // Nothing was written next to the inputs (a path in an id, a --run-dir, an --out).
  expect(snapshot(HERE)).toEqual(inputsBefore);
});

async function check(c: Case): Promise<void> {
  const sandbox = tmp('kseval-bad-');
  const cwd = path.join(sandbox, 'cwd');
  const genDir = path.join(sandbox, 'gen');
  mkdirSync(cwd);
  mkdirSync(genDir);
  const gen = c.generate ? await GENERATORS[c.generate]!(genDir) : '';
  const fill = (a: string) =>
    a
      .replaceAll('{here}', HERE)
      .replaceAll('{fixtures}', FIXTURE_PACKS)
      .replaceAll('{run}', path.join(sandbox, 'run'))
      .replaceAll('{out}', path.join(sandbox, 'out'))
      .replaceAll('{gen}', gen);
  const args = c.args.map(fill);
  const before = snapshot(sandbox);
  const r = c.binary ? await runBinary(args, cwd, { ...env, KSEVAL_TASKS: path.join(sandbox, 'tasks') }) : await runInProcess(args, cwd);
  const shown = `${c.name}\n$ kseval ${args.join(' ')}\n${r.err}${r.out}`;

  expect(r.timedOut, `hung: ${shown}`).toBe(false);
  expect(r.code, shown).toBe(2);
  expect(r.err + r.out, `stack trace: ${shown}`).not.toMatch(/^\s+at /m);
  expect(r.err, shown).not.toMatch(/internal error/);
  // One line per problem, each `error: …`, then an optional count.
  const lines = r.err.split('\n').filter((l) => l.trim());
  expect(lines.length, shown).toBeGreaterThan(0);
  for (const l of lines) expect(l, shown).toMatch(/^(error|warning): |^\d+ problem\(s\) found\.$/);
  const hits = lines.filter((l) => new RegExp(c.error).test(l));
  expect(hits.length, `no line matches /${c.error}/: ${shown}`).toBeGreaterThan(0);
  if (c.where !== null) {
    // `dir/file:line: ` where a line applies, else `dir/file: ` (or `dir/file:` then a line).
    const where = c.where;
    const named = /:\d+$/.test(where) ? (l: string) => l.includes(`${where}: `) : (l: string) => l.includes(`${where}:`);
    expect(hits.some(named), `the error must name ${where}: ${shown}`).toBe(true);
  }
  if (c.forbid) expect(r.err + r.out, `printed ${c.forbid}`).not.toContain(c.forbid);

  // Nothing written outside the run directory / --out: not in the sandbox, not in the cwd.
  const after = snapshot(sandbox);
  const added = [...after.keys()].filter((f) => !before.has(f) && !f.startsWith(`run${path.sep}`) && !f.startsWith(`out${path.sep}`));
  const changed = [...before.keys()].filter((f) => after.get(f) !== before.get(f) && !f.startsWith(`gen${path.sep}`));
  expect(added, `files written outside the run dir: ${shown}`).toEqual([]);
  expect(changed, `inputs changed: ${shown}`).toEqual([]);
  expect(readdirSync(cwd), `files written into the working directory: ${shown}`).toEqual([]);
}

describe('bad inputs: one clear line, exit 2, no trace, no hang, no stray files', () => {
  const inProcess = cases.filter((c) => !c.binary);
  const binary = cases.filter((c) => c.binary);
  for (const c of inProcess) {
    if (c.skip) it.skip(`${c.name} (known gap: ${c.skip})`, () => {});
    else it(c.name, () => check(c));
  }
  // The real binary, four at a time: bombs, huge files, paths that could hang.
  it.concurrent.each(binary.filter((c) => !c.skip).map((c) => [c.name, c] as const))('%s (real binary)', async (_name, c) => check(c), TIMEOUT_MS + 15_000);
});
