/**
 * Every scripted fault, on every wire protocol, becomes the right AdapterError: code,
 * retryable, retry delay. And no key ever leaks into an error, even though the fake server
 * echoes the key it received in every error body.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ModelSpec } from '../harness/core/model.ts';
import type { AdapterKeys } from '../adapters/registry-types.ts';
import { startFakeServer, type Dialect, type ErrorEnvelope, type FakeServer, type Fault } from './fake-server/index.ts';
import { adapterFor, ask, CLOVA_GW_KEY, expectNoKey, failure, KEY, spec, WRONG_KEY } from './adapters-support.ts';

interface Protocol {
  name: string;
  dialect: Dialect;
  spec: (s: FakeServer, fields?: Record<string, unknown>) => ModelSpec;
  keys: AdapterKeys;
  /** The provider code each dialect puts on a plain 429. */
  code429: string;
}

const PROTOCOLS: Protocol[] = [
  { name: 'openai-compatible (vLLM)', dialect: 'vllm', spec: (s, f = {}) => spec({ adapter: 'openai-compatible', baseURL: s.url, ...f }), keys: { apiKey: KEY }, code429: 'rate_limit_exceeded' },
  { name: 'clova-studio v3', dialect: 'clova-v3', spec: (s, f = {}) => spec({ adapter: 'clova-studio', model: 'HCX-005', baseURL: s.origin, ...f }), keys: { apiKey: KEY }, code429: '42901' },
  { name: 'clova-studio v1 legacy keys', dialect: 'clova-v1', spec: (s, f = {}) => spec({ adapter: 'clova-studio', model: 'HCX-003', baseURL: s.origin, options: { apiVersion: 'v1', appPrefix: 'testapp' }, ...f }), keys: { apiKey: KEY, apiKey2: CLOVA_GW_KEY }, code429: '42901' },
  { name: 'anthropic', dialect: 'anthropic', spec: (s, f = {}) => spec({ adapter: 'anthropic', baseURL: s.origin, ...f }), keys: { apiKey: KEY }, code429: 'rate_limit_error' },
];

type Expect = { code: string; retryable: boolean; retryAfterMs?: number; status?: number };

const FAULTS: [string, Fault, Expect][] = [
  ['429 + retry-after seconds', { status: 429, retryAfter: '2' }, { code: 'rate_limited', retryable: true, retryAfterMs: 2_000, status: 429 }],
  ['429 + retry-after HTTP date', { status: 429, retryAfter: new Date(Date.now() + 600_000).toUTCString() }, { code: 'rate_limited', retryable: true, status: 429 }],
  ['429 + retry-after-ms', { status: 429, retryAfterMs: '1500' }, { code: 'rate_limited', retryable: true, retryAfterMs: 1_500 }],
  ['429 + x-ratelimit-reset-requests 6m0s', { status: 429, headers: { 'x-ratelimit-reset-requests': '6m0s', 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-tokens': '12ms' } }, { code: 'rate_limited', retryable: true, retryAfterMs: 360_000 }],
  ['500', { status: 500 }, { code: 'server_error', retryable: true, status: 500 }],
  ['502', { status: 502 }, { code: 'server_error', retryable: true, status: 502 }],
  ['503 + retry-after', { status: 503, retryAfter: '1' }, { code: 'server_error', retryable: true, retryAfterMs: 1_000 }],
  ['529 overloaded', { status: 529 }, { code: 'overloaded', retryable: true, status: 529 }],
  ['408', { status: 408 }, { code: 'timeout', retryable: true, status: 408 }],
  ['409', { status: 409 }, { code: 'conflict', retryable: true, status: 409 }],
  ['400', { status: 400 }, { code: 'bad_request', retryable: false, status: 400 }],
  ['403', { status: 403 }, { code: 'forbidden', retryable: false, status: 403 }],
  ['404', { status: 404 }, { code: 'not_found', retryable: false, status: 404 }],
  ['413', { status: 413 }, { code: 'bad_request', retryable: false, status: 413 }],
  ['422', { status: 422 }, { code: 'bad_request', retryable: false, status: 422 }],
  ['connection reset', { kind: 'reset' }, { code: 'network', retryable: true }],
  ['hang', { kind: 'hang' }, { code: 'timeout', retryable: true }],
  ['200 with broken JSON', { kind: 'malformed' }, { code: 'malformed_response', retryable: true }],
  ['body cut off', { kind: 'truncate' }, { code: 'network', retryable: true }],
  ['content filter', { kind: 'content-filter' }, { code: 'content_filter', retryable: false }],
];

const STREAM_FAULTS: [string, Fault, Expect][] = [
  ['429 before the stream', { status: 429, retryAfter: '3' }, { code: 'rate_limited', retryable: true, retryAfterMs: 3_000 }],
  ['truncated stream', { kind: 'truncate' }, { code: 'stream_error', retryable: true }],
  ['truncated right away', { kind: 'truncate', after: 0 }, { code: 'stream_error', retryable: true }],
  ['error frame after 2 deltas', { kind: 'error-frame', after: 2 }, { code: 'stream_error', retryable: true }],
  ['reset mid-stream', { kind: 'reset', after: 3 }, { code: 'stream_error', retryable: true }],
  ['broken frame', { kind: 'malformed' }, { code: 'stream_error', retryable: true }],
  ['hang', { kind: 'hang' }, { code: 'timeout', retryable: true }],
  ['content filter', { kind: 'content-filter' }, { code: 'content_filter', retryable: false }],
];

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function check(e: Awaited<ReturnType<typeof failure>>, want: Expect): void {
  expect({ code: e.code, retryable: e.retryable }).toEqual({ code: want.code, retryable: want.retryable });
  if (want.retryAfterMs !== undefined) expect(e.retryAfterMs).toBe(want.retryAfterMs);
  if (want.status !== undefined) expect(e.status).toBe(want.status);
  expectNoKey(e);
}

describe.each(PROTOCOLS)('$name', (p) => {
  it.each(FAULTS)('%s', async (_name, fault, want) => {
    server = await startFakeServer({ dialect: p.dialect, apiKey: p.keys.apiKey, apiKey2: p.keys.apiKey2, faults: [fault] });
    // A short timeout only where the fault is a hang; elsewhere a loaded CI machine must not turn the fault into a timeout.
    const e = await failure(ask(adapterFor(p.spec(server), p.keys), {}, { timeoutMs: 'kind' in fault && fault.kind === 'hang' ? 400 : 5_000 }));
    check(e, want);
    if ('status' in fault && fault.status === 429 && !fault.code) expect(e.providerCode).toBe(p.code429);
    if ('kind' in fault && fault.kind === 'hang') expect(e.message).toMatch(/400 ms/);
  });

  it.each(STREAM_FAULTS)('stream: %s', async (_name, fault, want) => {
    server = await startFakeServer({ dialect: p.dialect, apiKey: p.keys.apiKey, apiKey2: p.keys.apiKey2, faults: [fault] });
    const e = await failure(ask(adapterFor(p.spec(server, { stream: true }), p.keys), {}, { timeoutMs: 'kind' in fault && fault.kind === 'hang' ? 400 : 5_000 }));
    check(e, want);
  });

  it('a wrong key is `auth`, not retryable, and the echoed key is redacted', async () => {
    server = await startFakeServer({ dialect: p.dialect, apiKey: p.keys.apiKey, apiKey2: p.keys.apiKey2 });
    const e = await failure(ask(adapterFor(p.spec(server), { ...p.keys, apiKey: WRONG_KEY })));
    check(e, { code: 'auth', retryable: false, status: 401 });
    expect(e.message).toMatch(/\[redacted\]|401/);
  });

  it('a cancelled call is `aborted` and not retryable', async () => {
    server = await startFakeServer({ dialect: p.dialect, apiKey: p.keys.apiKey, apiKey2: p.keys.apiKey2, faults: [{ kind: 'hang' }] });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const e = await failure(ask(adapterFor(p.spec(server), p.keys), {}, { timeoutMs: 5_000 }, controller.signal));
    check(e, { code: 'aborted', retryable: false });
  });

  it('a closed port is `network`', async () => {
    server = await startFakeServer({ dialect: p.dialect });
    const dead = p.spec(server);
    await server.close();
    server = undefined;
    const e = await failure(ask(adapterFor(dead, p.keys)));
    check(e, { code: 'network', retryable: true });
  });
});

describe('spend and quota limits are not retried', () => {
  it.each([
    ['OpenAI insufficient_quota', 'vllm' as Dialect, { adapter: 'openai-compatible' }, 'insufficient_quota'],
    ['Anthropic enforced_spend_limit_reached', 'anthropic' as Dialect, { adapter: 'anthropic' }, 'enforced_spend_limit_reached'],
  ])('%s', async (_name, dialect, fields, code) => {
    server = await startFakeServer({ dialect, apiKey: KEY, faults: [{ status: 429, retryAfter: '5', code }] });
    const s = spec({ ...fields, baseURL: dialect === 'anthropic' ? server.origin : server.url });
    const e = await failure(ask(adapterFor(s)));
    check(e, { code: 'quota', retryable: false, status: 429 });
    expect(e.providerCode).toBe(code);
    expect(e.retryAfterMs).toBeUndefined();
  });

  it.each([
    ['40003', 'context_length', false],
    ['40080', 'not_found', false],
    ['40082', 'not_found', false],
    ['40103', 'auth', false],
    ['40006', 'content_filter', false],
    ['42901', 'rate_limited', true],
  ])('CLOVA status.code %s → %s', async (code, want, retryable) => {
    server = await startFakeServer({ dialect: 'clova-v3', apiKey: KEY, faults: [{ status: Number(code.slice(0, 3)), code }] });
    const e = await failure(ask(adapterFor(spec({ adapter: 'clova-studio', model: 'HCX-007', baseURL: server.origin }))));
    check(e, { code: want, retryable });
    expect(e.providerCode).toBe(code);
  });
});

describe('every OpenAI-style error envelope is read for its message and code', () => {
  it.each<[ErrorEnvelope, string]>([
    ['openai', 'rate_limit_exceeded'],
    ['flat', 'BadRequestError'],
    ['string', 'rate_limit_exceeded'],
    ['status', '42901'],
    ['array', 'RESOURCE_EXHAUSTED'],
  ])('%s', async (errorEnvelope, providerCode) => {
    server = await startFakeServer({ dialect: 'openai', apiKey: KEY, openai: { errorEnvelope }, faults: [{ status: 429, retryAfter: '1', message: `요청이 너무 많습니다 (key ${KEY})` }] });
    const e = await failure(ask(adapterFor(spec({ adapter: 'openai-compatible', baseURL: server.url }))));
    check(e, { code: 'rate_limited', retryable: true, retryAfterMs: 1_000, status: 429 });
    expect(e.providerCode).toBe(providerCode);
    expect(e.message).toContain('요청이 너무 많습니다');
  });
});
