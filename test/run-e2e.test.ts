/**
 * kseval run end to end: offline on the reference systems, and against a fake
 * OpenAI-compatible server over real HTTP (errors, rate limits, auth, missing keys).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from './fake-server/index.ts';
import { cli, FIXTURE_PACKS, tmp, writeConfig } from './helpers/cli.ts';

const FILES = ['manifest.json', 'records.jsonl', 'items.csv', 'summary.csv'];
const readCsv = (f: string) => parse(readFileSync(f, 'utf8'), { columns: true }) as Record<string, string>[];
const records = (dir: string) => readFileSync(path.join(dir, 'records.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

/** Answers the fixture prompts correctly where it can: the first label the prompt lists. */
const goldish = (content: string) => (content.includes('계약방법') ? '수의계약입니다.' : content.includes('적용 법조') ? '형법 제329조' : '[]');

let servers: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
  delete process.env.KSEVAL_FAKE_KEY;
  delete process.env.KSEVAL_OTHER_KEY;
});

describe('kseval run (offline, reference systems)', () => {
  it('writes the four result files and a summary with intervals', async () => {
    const runDir = path.join(tmp(), 'run');
    const r = await cli(['run', '--no-tui', '--pack', FIXTURE_PACKS, '--run-dir', runDir]);
    expect(r.code, r.err).toBe(0);
    for (const f of FILES) expect(existsSync(path.join(runDir, f))).toBe(true);
    const summary = readCsv(path.join(runDir, 'summary.csv'));
    const models = new Set(summary.map((s) => s.model));
    expect(models).toEqual(new Set(['builtin/majority', 'builtin/lexical']));
    const overall = summary.filter((s) => s.level === 'overall');
    expect(overall).toHaveLength(2);
    for (const o of overall) expect(Number(o.ci_low)).toBeLessThanOrEqual(Number(o.value));
    expect(r.out).toMatch(/builtin\/lexical +demo\/spans +f1\.entity\.exact/);
    const items = readCsv(path.join(runDir, 'items.csv'));
    expect(items.length).toBe(2 * 17);
  });

  it('is reproducible: the same packs and seed give the same summary values', async () => {
    const a = path.join(tmp(), 'a');
    const b = path.join(tmp(), 'b');
    await cli(['run', '--no-tui', '--pack', FIXTURE_PACKS, '--run-dir', a, '--seed', '5']);
    await cli(['run', '--no-tui', '--pack', FIXTURE_PACKS, '--run-dir', b, '--seed', '5']);
    const strip = (d: string) => readCsv(path.join(d, 'summary.csv')).map(({ run_id, created_at, ...rest }) => rest);
    expect(strip(a)).toEqual(strip(b));
  });

  it('--json prints one summary object on stdout', async () => {
    const r = await cli(['run', '--json', '--pack', FIXTURE_PACKS, '--run-dir', path.join(tmp(), 'j'), '--models', 'builtin/lexical']);
    expect(r.code).toBe(0);
    const obj = JSON.parse(r.out) as { summary: { rows: unknown[] } };
    expect(obj.summary.rows.length).toBeGreaterThan(0);
  });

  it('bad flags and unknown models are exit 2 with a clear line', async () => {
    expect((await cli(['run', '--no-tui', '--pack', FIXTURE_PACKS, '--models', 'gpt-9'])).err).toMatch(/unknown model 'gpt-9' — see `kseval models list`/);
    expect((await cli(['run', '--no-tui', '--pack', FIXTURE_PACKS, '--limit', 'x'])).code).toBe(2);
    expect((await cli(['run', '--no-tui', '--pack', '/nonexistent'])).err).toMatch(/no pack\.yaml found/);
  });
});

describe('kseval run against a fake OpenAI-compatible server', () => {
  beforeAll(() => {});

  it('scores answers from the wire, retries 429 with Retry-After, counts attempts', async () => {
    const server = await startFakeServer({ respond: ({ messages }) => ({ content: goldish(messages.at(-1)!.content) }), faults: (n) => (n < 2 ? { status: 429, retryAfter: '0' } : undefined) });
    servers.push(server);
    process.env.KSEVAL_FAKE_KEY = 'sk-test-sentinel-1234567890';
    const dir = tmp();
    const config = writeConfig(dir, [{ id: 'fake-solar', baseURL: server.url }]);
    const runDir = path.join(dir, 'run');
    const r = await cli(['run', '--no-tui', '--config', config, '--pack', path.join(FIXTURE_PACKS, 'demo', 'classify'), '--models', 'fake-solar', '--run-dir', runDir, '--concurrency', '1']);
    expect(r.code, r.err + r.out).toBe(0);
    const recs = records(runDir);
    expect(recs).toHaveLength(4);
    expect(recs.map((x) => x.attempts).sort()).toEqual([1, 1, 1, 3]);
    expect(recs.every((x) => x.status === 'ok')).toBe(true);
    expect(server.requests.filter((q) => q.path.endsWith('/chat/completions'))).toHaveLength(6);
    const acc = readCsv(path.join(runDir, 'summary.csv')).find((s) => s.metric === 'accuracy')!;
    expect(Number(acc.value)).toBeCloseTo(0.5, 6); // 2 of the 4 test golds are 수의계약
    const all = ['manifest.json', 'records.jsonl', 'items.csv', 'summary.csv'].map((f) => readFileSync(path.join(runDir, f), 'utf8')).join('') + r.out + r.err;
    expect(all).not.toContain('sk-test-sentinel');
  });

  it('an auth failure stops that model with the env var named; the others go on; a missing key is skipped', async () => {
    const good = await startFakeServer({ respond: () => ({ content: '수의계약' }) });
    const bad = await startFakeServer({ apiKey: 'expected-key' });
    servers.push(good, bad);
    process.env.KSEVAL_FAKE_KEY = 'wrong-key-abcdef';
    const dir = tmp();
    const config = writeConfig(dir, [
      { id: 'good', baseURL: good.url, origin: 'global' },
      { id: 'bad', baseURL: bad.url },
      { id: 'nokey', baseURL: good.url, keyEnv: 'KSEVAL_OTHER_KEY' },
    ]);
    const runDir = path.join(dir, 'run');
    const r = await cli(['run', '--no-tui', '--config', config, '--pack', path.join(FIXTURE_PACKS, 'demo', 'classify'), '--models', 'good,bad,nokey', '--run-dir', runDir]);
    expect(r.out).toMatch(/skipped nokey: no API key: set KSEVAL_OTHER_KEY/);
    expect(r.out).toMatch(/stopped bad: authentication failed \(401\): check KSEVAL_FAKE_KEY/);
    expect(bad.requests.length).toBeLessThanOrEqual(4);
    const recs = records(runDir);
    expect(recs.filter((x) => x.model === 'good').every((x) => x.status === 'ok')).toBe(true);
    expect(recs.filter((x) => x.model === 'bad').every((x) => x.status === 'error')).toBe(true);
    expect(r.code).toBe(1); // half the items failed: beyond the error budget
    expect(r.out + r.err).not.toContain('wrong-key-abcdef');
  });

  it('a model whose endpoint is down ends every item as an error, retried a bounded number of times', async () => {
    const down = await startFakeServer({ faults: () => ({ status: 503 }) });
    servers.push(down);
    process.env.KSEVAL_FAKE_KEY = 'k';
    const dir = tmp();
    const config = writeConfig(dir, [{ id: 'down', baseURL: down.url }]);
    const runDir = path.join(dir, 'run');
    const r = await cli(['run', '--no-tui', '--config', config, '--pack', path.join(FIXTURE_PACKS, 'demo', 'classify'), '--models', 'down,builtin/lexical', '--run-dir', runDir]);
    expect(r.code).toBe(1);
    const recs = records(runDir);
    const downRecs = recs.filter((x) => x.model === 'down');
    expect(downRecs).toHaveLength(4);
    expect(downRecs.every((x) => x.status === 'error' && x.attempts === 4)).toBe(true);
    expect(down.requests.length).toBe(16);
    const row = readCsv(path.join(runDir, 'summary.csv')).find((s) => s.model === 'down' && s.metric === 'accuracy')!;
    expect(Number(row.n)).toBe(4);
    expect(Number(row.n_error)).toBe(4);
    expect(recs.filter((x) => x.model === 'builtin/lexical')).toHaveLength(4);
  });
});
