/**
 * Secrets: API keys come from the environment only, and never reach a byte kseval writes or
 * prints. For each adapter kind (openai-compatible, clova-studio v3 and v1 with its second
 * gateway key, anthropic) a run uses sentinel keys against the fake server of that protocol:
 *
 * - with the right key, behind faults whose error bodies echo the key (the fake server puts the
 *   key it received into its 5xx/429 messages), then answers, streamed and not;
 * - with a wrong key, so that the 401 body echoes the sentinel back;
 * - `models check` and `run --json` too.
 *
 * Then every file in the run directory and everything printed is searched for the sentinels
 * (whole, and their distinctive middle, in case something printed a prefix or a suffix).
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeServer, type Dialect, type FakeServer, type Fault } from './fake-server/index.ts';
import { FIXTURE_PACKS, cli, tmp } from './helpers/cli.ts';

const KEY_ENV = 'KSEVAL_SECRET_KEY';
const KEY2_ENV = 'KSEVAL_SECRET_KEY2';

interface Kind {
  name: string;
  dialect: Dialect;
  adapter: string;
  model: string;
  /** Config lines after the common ones. */
  extra: (s: FakeServer) => string[];
  baseURL: (s: FakeServer) => string;
  /** Uses the second (gateway) key. */
  twoKeys?: boolean;
}

const KINDS: Kind[] = [
  { name: 'openai-compatible', dialect: 'openai', adapter: 'openai-compatible', model: 'fake-model', baseURL: (s) => s.url, extra: () => [] },
  { name: 'openai-compatible (vLLM, streamed)', dialect: 'vllm', adapter: 'openai-compatible', model: 'fake-model', baseURL: (s) => s.url, extra: () => ['    stream: true'] },
  { name: 'clova-studio v3', dialect: 'clova-v3', adapter: 'clova-studio', model: 'HCX-005', baseURL: (s) => s.origin, extra: () => [] },
  { name: 'clova-studio v3 (streamed)', dialect: 'clova-v3', adapter: 'clova-studio', model: 'HCX-005', baseURL: (s) => s.origin, extra: () => ['    stream: true'] },
  { name: 'clova-studio v1 (two keys)', dialect: 'clova-v1', adapter: 'clova-studio', model: 'HCX-003', baseURL: (s) => s.origin, extra: () => ['    options: { apiVersion: v1, appPrefix: testapp }', `    apiKeyEnv2: ${KEY2_ENV}`], twoKeys: true },
  { name: 'anthropic', dialect: 'anthropic', adapter: 'anthropic', model: 'claude-fake', baseURL: (s) => s.origin, extra: () => [] },
  { name: 'anthropic (streamed)', dialect: 'anthropic', adapter: 'anthropic', model: 'claude-fake', baseURL: (s) => s.origin, extra: () => ['    stream: true'] },
];

/** Each run gets fresh sentinels; the middle part is what a prefix/suffix leak would still show. */
function sentinels(tag: string): { key: string; key2: string; parts: string[] } {
  const rnd = Math.random().toString(36).slice(2, 10);
  const key = `sk-SENTINEL-${tag}-${rnd}-KEEPOUT`;
  const key2 = `gw-SENTINEL2-${tag}-${rnd}-KEEPOUT`;
  return { key, key2, parts: [key, key2, `SENTINEL-${tag}-${rnd}`, `SENTINEL2-${tag}-${rnd}`, `${rnd}-KEEPOUT`] };
}

/** Every byte under `dir`, as text (binary files too: a key would be ASCII in them). */
function allBytes(dir: string): string {
  let out = '';
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    out += statSync(p).isDirectory() ? allBytes(p) : `\n--- ${name}\n${readFileSync(p).toString('latin1')}`;
  }
  return out;
}

function writeConfig(dir: string, kind: Kind, server: FakeServer): string {
  const file = path.join(dir, 'kseval.config.yaml');
  writeFileSync(
    file,
    [
      'models:',
      '  - id: secret-model',
      `    adapter: ${kind.adapter}`,
      `    model: ${kind.model}`,
      `    baseURL: ${kind.baseURL(server)}`,
      `    apiKeyEnv: ${KEY_ENV}`,
      '    vendor: Test',
      '    origin: sovereign',
      '    residency: kr',
      '    openWeights: false',
      ...kind.extra(server),
      'retries: { max: 3, baseDelayMs: 5, maxDelayMs: 50, deadlineMs: 20000 }',
      'timeoutMs: 5000',
      '',
    ].join('\n'),
  );
  return file;
}

/** Faults whose bodies echo the key (the fake server's default messages do): within the 3 retries. */
const ECHOING: Fault[] = [{ status: 500 }, { status: 429, retryAfter: '0' }, { status: 503 }];

let servers: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
  delete process.env[KEY_ENV];
  delete process.env[KEY2_ENV];
});

function expectClean(text: string, parts: string[], where: string): void {
  for (const p of parts) expect(text.includes(p), `${where} contains the key (${p})`).toBe(false);
}

describe('secrets: sentinel keys never reach a file or the terminal', () => {
  it.each(KINDS)('$name: right key behind faults that echo it, then a wrong key that the 401 echoes', async (kind) => {
    const s = sentinels(kind.name.replace(/[^a-z0-9]/gi, ''));
    // 1. The right key; the server's error bodies echo it back before it answers.
    const server = await startFakeServer({ dialect: kind.dialect, apiKey: s.key, apiKey2: kind.twoKeys ? s.key2 : undefined, faults: ECHOING });
    servers.push(server);
    process.env[KEY_ENV] = s.key;
    if (kind.twoKeys) process.env[KEY2_ENV] = s.key2;
    const dir = tmp('kseval-secrets-');
    const config = writeConfig(dir, kind, server);
    // Keys are read from the environment only: the config names the variable, never the value.
    expect(readFileSync(config, 'utf8')).not.toContain(s.key);
    const runDir = path.join(dir, 'run');
    const ok = await cli(['run', '--no-tui', '--config', config, '--pack', path.join(FIXTURE_PACKS, 'demo', 'classify'), '--models', 'secret-model', '--run-dir', runDir, '--concurrency', '1']);
    expect(ok.code, ok.err + ok.out).toBeLessThanOrEqual(1);
    // The faults really echoed the key, so the test would catch a leak.
    expect(server.requests.length).toBeGreaterThan(ECHOING.length);
    const records = readFileSync(path.join(runDir, 'records.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { status: string; attempts: number });
    // The key was accepted (answers came back) and the echoing faults were retried through.
    expect(records.filter((r) => r.status === 'ok' || r.status === 'unparsed').length, records.map((r) => r.status).join(' ')).toBe(records.length);
    expect(records.some((r) => r.attempts > 1)).toBe(true);
    expectClean(allBytes(runDir) + ok.out + ok.err, s.parts, `${kind.name} run (right key)`);

    // 2. --json output of the same kind of run.
    const jsonDir = path.join(dir, 'run-json');
    server.setFaults([{ status: 500 }]);
    const json = await cli(['run', '--json', '--config', config, '--pack', path.join(FIXTURE_PACKS, 'demo', 'classify'), '--models', 'secret-model', '--run-dir', jsonDir]);
    expectClean(allBytes(jsonDir) + json.out + json.err, s.parts, `${kind.name} --json`);

    // 3. A wrong key: the 401 body echoes it; the model stops with a message naming the env var.
    const strict = await startFakeServer({ dialect: kind.dialect, apiKey: 'the-key-the-server-wants', apiKey2: kind.twoKeys ? 'the-gw-key-the-server-wants' : undefined });
    servers.push(strict);
    const badConfig = writeConfig(path.join(dir), kind, strict);
    const badDir = path.join(dir, 'run-401');
    const bad = await cli(['run', '--no-tui', '--config', badConfig, '--pack', path.join(FIXTURE_PACKS, 'demo', 'classify'), '--models', 'secret-model', '--run-dir', badDir]);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(new RegExp(`stopped secret-model: authentication failed \\(401\\): check ${KEY_ENV}`));
    const recs = readFileSync(path.join(badDir, 'records.jsonl'), 'utf8');
    expect(recs).toContain('"code":"auth"');
    expectClean(allBytes(badDir) + bad.out + bad.err, s.parts, `${kind.name} run (wrong key)`);

    // 4. models check, against the strict server (401) and the good one.
    const check = await cli(['models', 'check', 'secret-model', '--config', badConfig]);
    expect(check.code).toBe(1);
    expectClean(check.out + check.err, s.parts, `${kind.name} models check (401)`);
    const checkJson = await cli(['models', 'check', 'secret-model', '--config', config, '--json']);
    expectClean(checkJson.out + checkJson.err, s.parts, `${kind.name} models check --json`);
  });

  it('a key written into the config is refused, and not echoed', async () => {
    const dir = tmp('kseval-secrets-');
    const file = path.join(dir, 'kseval.config.yaml');
    const s = sentinels('config');
    writeFileSync(file, ['models:', '  - id: m', '    adapter: openai-compatible', '    model: x', '    baseURL: http://127.0.0.1:9/v1', `    apiKey: ${s.key}`, '    vendor: T', '    origin: global', '    residency: abroad', '    openWeights: false', ''].join('\n'));
    const r = await cli(['run', '--no-tui', '--config', file, '--pack', path.join(FIXTURE_PACKS, 'demo', 'classify'), '--models', 'builtin/lexical', '--run-dir', path.join(dir, 'run')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown key apiKey/);
    expectClean(r.out + r.err, s.parts, 'config with a key');
  });
});
