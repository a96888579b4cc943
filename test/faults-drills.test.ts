/**
 * Fault drills: whole `kseval run`s (in-process `cli()`, real HTTP on loopback) against a fake
 * OpenAI-compatible server that misbehaves on purpose, one table row per fault. Whatever the
 * fault, the run finishes and its books balance:
 *
 * - one record per planned (model, item) — nothing scored twice, nothing lost;
 * - every record is scored (`ok`/`unparsed`) or carries its error status;
 * - `attempts` in each record equals the requests the server saw for that item;
 * - summary.csv: `n` is the number of planned items and `n_error` the error/filtered/incomplete
 *   records (so `n - n_error` were answered);
 * - items.csv agrees with the records.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunRecord } from '../harness/core/record.ts';
import { startFakeServer, type FakeServer, type Fault, type RecordedRequest } from './fake-server/index.ts';
import { cli, tmp, writeConfig } from './helpers/cli.ts';

const LABELS = ['일반경쟁', '제한경쟁', '지명경쟁', '수의계약'];
const ITEMS = 6;
/** Items whose requests the fault script targets: the even ones. The odd ones are controls. */
const TARGETED = new Set([0, 2, 4]);
const KEY_ENV = 'KSEVAL_FAULTS_KEY';
const RETRIES_MAX = 3;

const goldOf = (i: number) => LABELS[i % LABELS.length]!;
const marker = (i: number) => `사업번호 F-${String(i).padStart(3, '0')}`;

/** A pack of ITEMS classification items, each prompt carrying a marker the server can read. */
function writePack(root: string): string {
  const dir = path.join(root, 'tasks', 'drill', 'faults');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'pack.yaml'),
    [
      'id: drill/faults',
      'version: 1.0.0',
      'domain: drill',
      'title: { ko: 장애 훈련, en: Fault drill }',
      'description: 장애 주입 시험용 팩',
      'license: CC0-1.0',
      'kind: classification',
      `labels: [${LABELS.join(', ')}]`,
      'prompt:',
      '  system: 계약방법을 고르세요.',
      '  template: "{{text}}\\n{{labels}}"',
      'metrics: [accuracy, f1.macro]',
      '',
    ].join('\n'),
  );
  const lines = Array.from({ length: ITEMS }, (_, i) => JSON.stringify({ id: `f${i}`, split: 'test', input: { text: `${marker(i)}: 물품 구매 건` }, gold: goldOf(i) }));
  writeFileSync(path.join(dir, 'items.jsonl'), lines.join('\n') + '\n');
  return dir;
}

/** Which item a request asks about (-1 for anything else). */
function itemOf(body: unknown): number {
  const messages = (body as { messages?: Array<{ content?: unknown }> } | undefined)?.messages ?? [];
  const text = messages.map((m) => (typeof m.content === 'string' ? m.content : '')).join('\n');
  const m = /F-(\d{3})/.exec(text);
  return m ? Number(m[1]) : -1;
}

interface Drill {
  name: string;
  fault: Fault | undefined;
  /** How many requests of each targeted item get the fault (Infinity: all of them). */
  times: number;
  /** What a targeted item ends as, and after how many requests. */
  expect: { status: RunRecord['status']; attempts: number; code?: string };
  stream?: boolean;
  /** Per-model timeoutMs (for hangs). */
  timeoutMs?: number;
  /** Also check that the retry waited at least this long (Retry-After honoured). */
  minGapMs?: number;
  /** Targeted items think past max_tokens (20) and never answer: `incomplete`. */
  longThinking?: boolean;
}

const ALL = Number.POSITIVE_INFINITY;
const FAILED = RETRIES_MAX + 1;

const DRILLS: Drill[] = [
  { name: '429 with Retry-After', fault: { status: 429, retryAfter: '1' }, times: 1, expect: { status: 'ok', attempts: 2 }, minGapMs: 180 },
  { name: '429 without Retry-After', fault: { status: 429 }, times: 2, expect: { status: 'ok', attempts: 3 } },
  { name: '429 every time', fault: { status: 429 }, times: ALL, expect: { status: 'error', attempts: FAILED, code: 'rate_limited' } },
  { name: '500', fault: { status: 500 }, times: 2, expect: { status: 'ok', attempts: 3 } },
  { name: '502', fault: { status: 502 }, times: 1, expect: { status: 'ok', attempts: 2 } },
  { name: '503', fault: { status: 503 }, times: 3, expect: { status: 'ok', attempts: 4 } },
  { name: '529 overloaded', fault: { status: 529 }, times: 1, expect: { status: 'ok', attempts: 2 } },
  { name: '500 every time', fault: { status: 500 }, times: ALL, expect: { status: 'error', attempts: FAILED, code: 'server_error' } },
  { name: 'connection reset', fault: { kind: 'reset' }, times: 1, expect: { status: 'ok', attempts: 2 } },
  { name: 'connection reset every time', fault: { kind: 'reset' }, times: ALL, expect: { status: 'error', attempts: FAILED, code: 'network' } },
  { name: 'timeout (hang past timeoutMs)', fault: { kind: 'hang' }, times: 1, timeoutMs: 400, expect: { status: 'ok', attempts: 2 } },
  { name: 'timeout every time', fault: { kind: 'hang' }, times: ALL, timeoutMs: 250, expect: { status: 'error', attempts: FAILED, code: 'timeout' } },
  { name: 'malformed JSON', fault: { kind: 'malformed' }, times: 1, expect: { status: 'ok', attempts: 2 } },
  { name: 'truncated body', fault: { kind: 'truncate' }, times: 1, expect: { status: 'ok', attempts: 2 } },
  { name: 'truncated stream', fault: { kind: 'truncate' }, times: 1, stream: true, expect: { status: 'ok', attempts: 2 } },
  { name: 'truncated stream every time', fault: { kind: 'truncate' }, times: ALL, stream: true, expect: { status: 'error', attempts: FAILED, code: 'stream_error' } },
  { name: 'reset mid-stream', fault: { kind: 'reset', after: 2 }, times: 1, stream: true, expect: { status: 'ok', attempts: 2 } },
  { name: 'error frame mid-stream', fault: { kind: 'error-frame', after: 1 }, times: 1, stream: true, expect: { status: 'ok', attempts: 2 } },
  { name: 'content filter', fault: { kind: 'content-filter' }, times: ALL, expect: { status: 'filtered', attempts: 1, code: 'content_filter' } },
  { name: 'content filter (stream)', fault: { kind: 'content-filter' }, times: ALL, stream: true, expect: { status: 'filtered', attempts: 1, code: 'content_filter' } },
  { name: 'cut off while thinking (max_tokens)', fault: undefined, times: 0, longThinking: true, expect: { status: 'incomplete', attempts: 1, code: 'parse' } },
  { name: '400 bad request (not retried)', fault: { status: 400 }, times: ALL, expect: { status: 'error', attempts: 1, code: 'bad_request' } },
];

interface Script {
  server: FakeServer;
  /** Requests seen per item. */
  seen: Map<number, number>;
  /** Arrival times per item. */
  times: Map<number, number[]>;
}

/** A fake server that answers every item with its gold label, after `times` faults for the targeted items. */
async function scriptedServer(fault: Fault | undefined, times: number, opts: { apiKey?: string; targets?: ReadonlySet<number>; longThinking?: boolean } = {}): Promise<Script> {
  const targets = opts.targets ?? TARGETED;
  const seen = new Map<number, number>();
  const arrivals = new Map<number, number[]>();
  const server = await startFakeServer({
    apiKey: opts.apiKey,
    respond: ({ messages }) => {
      const i = itemOf({ messages });
      const reasoning = opts.longThinking && targets.has(i) ? '조건을 하나씩 검토합니다. '.repeat(10) : '';
      return { content: i >= 0 ? `${goldOf(i)}입니다.` : '모름', reasoning };
    },
    faults: (_n: number, req: RecordedRequest) => {
      const i = itemOf(req.body);
      const k = (seen.get(i) ?? 0) + 1;
      seen.set(i, k);
      arrivals.set(i, [...(arrivals.get(i) ?? []), Date.now()]);
      return fault && targets.has(i) && k <= times ? fault : undefined;
    },
  });
  return { server, seen, times: arrivals };
}

const readCsv = (f: string) => parse(readFileSync(f, 'utf8'), { columns: true }) as Record<string, string>[];
const readRecords = (dir: string) =>
  readFileSync(path.join(dir, 'records.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as RunRecord);

const ERRORISH = new Set(['error', 'filtered', 'incomplete']);

/** The bookkeeping every drill must satisfy, for each model of the run. */
function checkBooks(runDir: string, models: string[]): RunRecord[] {
  const records = readRecords(runDir);
  // One record per planned unit: nothing lost, nothing scored twice.
  expect(records).toHaveLength(models.length * ITEMS);
  expect(new Set(records.map((r) => `${r.model}/${r.item_id}`)).size).toBe(records.length);
  for (const r of records) {
    expect(['ok', 'unparsed', 'error', 'filtered', 'incomplete']).toContain(r.status);
    if (ERRORISH.has(r.status)) expect(r.error?.code, `${r.item_id}: an error record names its error`).toBeTruthy();
    if (r.status === 'ok') expect(r.error).toBeNull();
  }
  const summary = readCsv(path.join(runDir, 'summary.csv'));
  const items = readCsv(path.join(runDir, 'items.csv'));
  expect(items).toHaveLength(records.length);
  for (const model of models) {
    const mine = records.filter((r) => r.model === model);
    const nError = mine.filter((r) => ERRORISH.has(r.status)).length;
    const nUnparsed = mine.filter((r) => r.status === 'unparsed').length;
    const rows = summary.filter((s) => s.model === model);
    expect(rows.length, `summary rows for ${model}`).toBeGreaterThan(0);
    for (const row of rows) {
      expect(Number(row.n), `${model} ${row.level} ${row.metric} n`).toBe(ITEMS);
      expect(Number(row.n_error), `${model} ${row.level} ${row.metric} n_error`).toBe(nError);
      expect(Number(row.n_unparsed)).toBe(nUnparsed);
    }
    // Accuracy counts the answered items that were right; errors score as wrong.
    const acc = rows.find((s) => s.level === 'task' && s.metric === 'accuracy')!;
    expect(Number(acc.value)).toBeCloseTo(mine.filter((r) => r.status === 'ok' && r.scores.score === 1).length / ITEMS, 6);
    for (const r of mine) {
      const row = items.find((x) => x.model === model && x.item_id === r.item_id)!;
      expect(row.status).toBe(r.status);
      expect(Number(row.attempts)).toBe(r.attempts);
    }
  }
  return records;
}

let servers: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
  delete process.env[KEY_ENV];
});

describe('fault drills: kseval run against a misbehaving endpoint', () => {
  it.each(DRILLS)('$name', async (drill) => {
    const script = await scriptedServer(drill.fault, drill.times, { longThinking: drill.longThinking });
    servers.push(script.server);
    process.env[KEY_ENV] = 'drill-key';
    const dir = tmp('kseval-faults-');
    const pack = writePack(dir);
    const extra = [
      ...(drill.stream ? ['    stream: true'] : []),
      ...(drill.timeoutMs ? [`    timeoutMs: ${drill.timeoutMs}`] : []),
      ...(drill.longThinking ? ['    params: { max_tokens: 20 }'] : []),
    ].join('\n');
    const config = writeConfig(dir, [{ id: 'drilled', baseURL: script.server.url, keyEnv: KEY_ENV, extra: extra || undefined }]);
    // Fast, bounded retries: every drill stays well under a second or two.
    writeFileSync(config, readFileSync(config, 'utf8').replace(/retries: .*/, `retries: { max: ${RETRIES_MAX}, baseDelayMs: 5, maxDelayMs: 200, deadlineMs: 20000 }`));
    const runDir = path.join(dir, 'run');
    const r = await cli(['run', '--no-tui', '--config', config, '--pack', pack, '--models', 'drilled', '--run-dir', runDir, '--concurrency', '3']);
    const failed = drill.expect.status !== 'ok';
    // Half the items failing is beyond the 5% error budget: exit 1; otherwise a clean 0.
    expect(r.code, r.err + r.out).toBe(failed ? 1 : 0);
    expect(r.err).not.toMatch(/internal error|\n\s+at /);

    const records = checkBooks(runDir, ['drilled']);
    for (const rec of records) {
      const i = Number(rec.item_id.slice(1));
      // Retries are counted per item: the record's attempts are the requests the server saw.
      expect(rec.attempts, `${rec.item_id} attempts vs requests at the server`).toBe(script.seen.get(i) ?? 0);
      if (TARGETED.has(i)) {
        expect({ status: rec.status, attempts: rec.attempts }).toEqual({ status: drill.expect.status, attempts: drill.expect.attempts });
        if (drill.expect.code) expect(rec.error?.code).toBe(drill.expect.code);
      } else {
        expect({ status: rec.status, attempts: rec.attempts }).toEqual({ status: 'ok', attempts: 1 });
      }
    }
    if (drill.minGapMs !== undefined) {
      for (const i of TARGETED) {
        const [first, second] = script.times.get(i)!;
        expect(second! - first!, `item ${i}: the retry honoured Retry-After`).toBeGreaterThanOrEqual(drill.minGapMs);
      }
    }
  });

  it('an endpoint down (refused, 503 every time) does not stop the other models', async () => {
    const healthy = await scriptedServer(undefined, 0);
    const down = await scriptedServer({ status: 503 }, ALL, { targets: new Set(Array.from({ length: ITEMS }, (_, i) => i)) });
    servers.push(healthy.server, down.server);
    // A port nothing listens on: every attempt is refused.
    const refused = await startFakeServer();
    const refusedURL = refused.url;
    await refused.close();
    process.env[KEY_ENV] = 'drill-key';
    const dir = tmp('kseval-faults-');
    const pack = writePack(dir);
    const config = writeConfig(dir, [
      { id: 'healthy', baseURL: healthy.server.url, keyEnv: KEY_ENV, origin: 'global' },
      { id: 'down-503', baseURL: down.server.url, keyEnv: KEY_ENV },
      { id: 'refused', baseURL: refusedURL, keyEnv: KEY_ENV },
    ]);
    writeFileSync(config, readFileSync(config, 'utf8').replace(/retries: .*/, `retries: { max: ${RETRIES_MAX}, baseDelayMs: 5, maxDelayMs: 50, deadlineMs: 20000 }`));
    const runDir = path.join(dir, 'run');
    const r = await cli(['run', '--no-tui', '--config', config, '--pack', pack, '--models', 'healthy,down-503,refused', '--run-dir', runDir, '--concurrency', '6']);
    expect(r.code, r.err).toBe(1);
    const records = checkBooks(runDir, ['healthy', 'down-503', 'refused']);
    expect(records.filter((x) => x.model === 'healthy').every((x) => x.status === 'ok' && x.attempts === 1)).toBe(true);
    for (const model of ['down-503', 'refused']) {
      const mine = records.filter((x) => x.model === model);
      expect(mine.every((x) => x.status === 'error' && x.attempts === FAILED), model).toBe(true);
    }
    // The 503 server saw exactly the attempts recorded: bounded retries, nothing more.
    expect(down.server.requests).toHaveLength(ITEMS * FAILED);
    expect(records.filter((x) => x.model === 'refused').every((x) => x.error?.code === 'network')).toBe(true);
    expect(r.out).toMatch(/healthy\s+drill\/faults\s+accuracy 100\.0/);
  });

  it('a 401 stops the model: requests already sent are counted, the rest are recorded as not attempted', async () => {
    const script = await scriptedServer(undefined, 0, { apiKey: 'the-right-key' });
    servers.push(script.server);
    process.env[KEY_ENV] = 'a-wrong-key';
    const dir = tmp('kseval-faults-');
    const pack = writePack(dir);
    const config = writeConfig(dir, [{ id: 'unauthorized', baseURL: script.server.url, keyEnv: KEY_ENV }]);
    const runDir = path.join(dir, 'run');
    const r = await cli(['run', '--no-tui', '--config', config, '--pack', pack, '--models', 'unauthorized', '--run-dir', runDir, '--concurrency', '2']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/stopped unauthorized: authentication failed \(401\): check KSEVAL_FAULTS_KEY/);
    const records = checkBooks(runDir, ['unauthorized']);
    for (const rec of records) {
      expect(rec.status).toBe('error');
      expect(rec.error?.code).toBe('auth');
      expect(rec.attempts).toBe(script.seen.get(Number(rec.item_id.slice(1))) ?? 0);
    }
    expect(records.filter((x) => x.attempts === 0).length).toBeGreaterThan(0);
  });
});
