/** packs new/list/validate, score --predictions, --max-cost, --retry-errors, AIMD and incomplete answers. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KINDS } from '../harness/core/pack.ts';
import { startFakeServer, type FakeServer } from './fake-server/index.ts';
import { cli, FIXTURE_PACKS, tmp, writeConfig } from './helpers/cli.ts';

let servers: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
  delete process.env.KSEVAL_FAKE_KEY;
});
const records = (dir: string) => readFileSync(path.join(dir, 'records.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { status: string; item_id: string; attempts: number; reasoning: string | null; output: string | null });

describe('kseval packs', () => {
  it.each(KINDS)('new --kind %s scaffolds a pack that validates and runs', async (kind) => {
    const root = tmp();
    const made = await cli(['packs', 'new', `demo/${kind}-task`, '--kind', kind, '--root', root]);
    expect(made.code, made.err).toBe(0);
    const dir = path.join(root, 'demo', `${kind}-task`);
    const v = await cli(['packs', 'validate', dir]);
    expect(v.code, v.err).toBe(0);
    expect(readFileSync(path.join(dir, 'README.md'), 'utf8')).toMatch(/kseval-canary-demo-/);
    const run = await cli(['run', '--no-tui', '--pack', dir, '--models', 'builtin/lexical', '--run-dir', path.join(root, 'run')]);
    expect(run.code, run.err).toBe(0);
  });
  it('new refuses a bad id or kind with exit 2', async () => {
    expect((await cli(['packs', 'new', 'Bad Id', '--kind', 'spans', '--root', tmp()])).code).toBe(2);
    expect((await cli(['packs', 'new', 'demo/x', '--kind', 'ranking', '--root', tmp()])).err).toMatch(/unknown kind 'ranking'/);
  });
  it('list shows kind and counts; validate reports every pack', async () => {
    const l = await cli(['packs', 'list', '--root', FIXTURE_PACKS]);
    expect(l.out).toMatch(/demo\/spans\s+spans\s+3 test\s+1 shot/);
    const v = await cli(['packs', 'validate', FIXTURE_PACKS]);
    expect(v.out).toMatch(/6 pack\(s\) valid/);
  });
});

describe('kseval score', () => {
  const pack = path.join(FIXTURE_PACKS, 'demo', 'classify');
  it('scores predictions with the same parser and metrics', async () => {
    const file = path.join(tmp(), 'preds.jsonl');
    writeFileSync(file, ['{"id":"cls-003","output":"제한경쟁입니다."}', '{"id":"cls-004","output":"<think>공개 입찰</think>일반경쟁"}', '{"id":"cls-005","output":"잘 모르겠습니다"}'].join('\n'));
    const r = await cli(['score', '--pack', pack, '--predictions', file, '--json']);
    expect(r.code, r.err).toBe(0);
    const out = JSON.parse(r.out) as { missing: number; metrics: Record<string, { value: number; n_unparsed: number; n_error: number }> };
    expect(out.missing).toBe(1);
    expect(out.metrics.accuracy!.value).toBeCloseTo(2 / 4, 9);
    expect(out.metrics.accuracy!.n_unparsed).toBe(1);
    expect(out.metrics.accuracy!.n_error).toBe(1);
  });
  it('bad prediction files are exit 2 with file:line', async () => {
    const file = path.join(tmp(), 'bad.jsonl');
    writeFileSync(file, '{"id":"cls-003","output":"x"}\n{"id": 3}\nnot json\n');
    const r = await cli(['score', '--pack', pack, '--predictions', file]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${file}:2:`);
    expect(r.err).toContain(`${file}:3: not valid JSON`);
  });
});

describe('runner behaviours over HTTP', () => {
  it('--max-cost refuses to start when the worst case is too expensive', async () => {
    const s = await startFakeServer();
    servers.push(s);
    process.env.KSEVAL_FAKE_KEY = 'k';
    const dir = tmp();
    const config = writeConfig(dir, [{ id: 'pricey', baseURL: s.url, extra: '    pricing: { currency: USD, input: 1000, output: 1000 }' }]);
    const r = await cli(['run', '--no-tui', '--config', config, '--pack', FIXTURE_PACKS, '--models', 'pricey', '--max-cost', '0.5', '--run-dir', path.join(dir, 'run')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/worst-case cost of pricey is [\d.]+ USD, above --max-cost 0\.5/);
    expect(s.requests).toHaveLength(0);
  });

  it('--resume --retry-errors asks again only the items that ended in error', async () => {
    let failing = true;
    const s = await startFakeServer({ respond: () => ({ content: '수의계약' }), faults: (n) => (failing && n % 2 === 0 ? { status: 400 } : undefined) });
    servers.push(s);
    process.env.KSEVAL_FAKE_KEY = 'k';
    const dir = tmp();
    const config = writeConfig(dir, [{ id: 'flaky', baseURL: s.url }]);
    const runDir = path.join(dir, 'run');
    await cli(['run', '--no-tui', '--config', config, '--pack', path.join(FIXTURE_PACKS, 'demo', 'classify'), '--models', 'flaky', '--run-dir', runDir, '--concurrency', '1']);
    const first = records(runDir);
    const errors = first.filter((r) => r.status === 'error').length;
    expect(errors).toBe(2);
    failing = false;
    const before = s.requests.length;
    const plain = await cli(['run', '--no-tui', '--resume', runDir]);
    expect(plain.code).toBe(1);
    expect(s.requests.length).toBe(before); // nothing to do without --retry-errors
    const r = await cli(['run', '--no-tui', '--resume', runDir, '--retry-errors']);
    expect(r.code, r.err).toBe(0);
    expect(s.requests.length - before).toBe(errors);
    const csv = readFileSync(path.join(runDir, 'items.csv'), 'utf8');
    expect(csv.match(/,error,/g)).toBeNull();
  });

  it('429s shrink a model’s concurrency (visible as events) and it recovers', async () => {
    const s = await startFakeServer({ respond: () => ({ content: '수의계약' }), faults: (n) => (n >= 2 && n < 6 ? { status: 429, retryAfterMs: '5' } : undefined), latencyMs: 5 });
    servers.push(s);
    process.env.KSEVAL_FAKE_KEY = 'k';
    const dir = tmp();
    const config = writeConfig(dir, [{ id: 'limited', baseURL: s.url }]);
    const events: string[] = [];
    const { executeRun } = await import('../harness/runner/run.ts');
    const { planRun } = await import('../harness/cli/run-command.ts');
    const plan = await planRun({ config, pack: FIXTURE_PACKS, models: 'limited', concurrency: '8', runDir: path.join(dir, 'run') }, { out: () => {}, err: () => {}, isTTY: false });
    const res = await executeRun(plan, (e) => e.type === 'concurrency' && events.push(`${e.reason}:${e.limit}`), new AbortController().signal);
    expect(res.exitCode).toBe(0);
    expect(events.some((e) => e.startsWith('rate-limited:'))).toBe(true);
    expect(events.some((e) => e.startsWith('recovered:'))).toBe(true);
  });

  it('an answer cut off inside its thinking block is incomplete, not a wrong answer', async () => {
    const s = await startFakeServer({ openai: { reasoningField: 'inline-no-open' }, respond: () => ({ content: '수의계약', reasoning: '긴급 복구 공사이므로 경쟁 입찰에 부칠 여유가 없는지 따져 본다. '.repeat(20) }) });
    servers.push(s);
    process.env.KSEVAL_FAKE_KEY = 'k';
    const dir = tmp();
    const config = writeConfig(dir, [{ id: 'thinker', baseURL: s.url, extra: '    params: { max_tokens: 16 }' }]);
    const runDir = path.join(dir, 'run');
    await cli(['run', '--no-tui', '--config', config, '--pack', path.join(FIXTURE_PACKS, 'demo', 'classify'), '--models', 'thinker', '--run-dir', runDir]);
    const recs = records(runDir);
    expect(recs.every((r) => r.status === 'incomplete')).toBe(true);
    expect(recs[0]!.reasoning).toMatch(/긴급 복구/);
  });
});

describe('kseval models', () => {
  it('list --json covers the four sovereign families and three global baselines', async () => {
    const r = await cli(['models', 'list', '--json']);
    const rows = JSON.parse(r.out) as Array<{ family: string | null; origin: string; residency: string; keySet: boolean }>;
    const families = new Set(rows.filter((m) => m.origin === 'sovereign').map((m) => m.family));
    for (const f of ['exaone', 'hyperclova-x', 'solar', 'ax']) expect(families).toContain(f);
    const globals = new Set(rows.filter((m) => m.origin === 'global').map((m) => m.family));
    for (const f of ['gpt', 'claude', 'gemini']) expect(globals).toContain(f);
    expect(r.out).not.toMatch(/sk-|nv-[A-Za-z0-9]{8}/);
  });
  it('a config entry can start from a local-server preset', async () => {
    const dir = tmp();
    const file = path.join(dir, 'kseval.config.yaml');
    writeFileSync(file, 'models:\n  - id: my-exaone\n    preset: vllm\n    model: LGAI-EXAONE/EXAONE-4.0-32B\n    vendor: LG AI Research\n    origin: sovereign\n');
    const r = await cli(['models', 'list', '--json', '--config', file]);
    const m = (JSON.parse(r.out) as Array<{ id: string; baseURL: string; residency: string; openWeights: boolean }>).find((x) => x.id === 'my-exaone')!;
    expect(m).toMatchObject({ baseURL: 'http://127.0.0.1:8000/v1', residency: 'local', openWeights: true });
    writeFileSync(file, 'models:\n  - id: x\n    preset: vlm\n    model: m\n    origin: sovereign\n');
    const bad = await cli(['models', 'list', '--config', file]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain(`${file}:3: models[0]: unknown preset 'vlm'`);
  });
});
