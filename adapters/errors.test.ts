import { describe, expect, it } from 'vitest';
import { AdapterError } from '../harness/core/errors.ts';
import { startDeadline } from './deadline.ts';
import { errorFromResponse, errorFromStreamFrame, errorFromThrown } from './errors.ts';

const KEY = 'sk-kseval-test-0123456789abcdef';

function fail(status: number, body: unknown, headers: Record<string, string> = {}): AdapterError {
  return errorFromResponse({ provider: 'p', status, headers: new Headers(headers), bodyText: JSON.stringify(body), secrets: [KEY] });
}

describe('errorFromResponse: status codes', () => {
  it.each([
    [400, 'bad_request', false],
    [401, 'auth', false],
    [403, 'forbidden', false],
    [404, 'not_found', false],
    [408, 'timeout', true],
    [409, 'conflict', true],
    [413, 'bad_request', false],
    [422, 'bad_request', false],
    [429, 'rate_limited', true],
    [500, 'server_error', true],
    [502, 'server_error', true],
    [503, 'server_error', true],
    [504, 'server_error', true],
    [529, 'overloaded', true],
    [418, 'bad_request', false],
  ])('%d → %s (retryable %s)', (status, code, retryable) => {
    const e = fail(status, { error: { message: 'x' } });
    expect(e).toBeInstanceOf(AdapterError);
    expect([e.code, e.retryable, e.status]).toEqual([code, retryable, status]);
  });
});

describe('errorFromResponse: machine-readable codes beat the status', () => {
  it.each([
    ['OpenAI insufficient_quota 429', 429, { error: { type: 'insufficient_quota', code: 'insufficient_quota', message: 'quota' } }, 'quota', false, 'insufficient_quota'],
    ['OpenAI rate_limit_exceeded 429', 429, { error: { type: 'requests', code: 'rate_limit_exceeded', message: 'slow down' } }, 'rate_limited', true, 'rate_limit_exceeded'],
    ['OpenAI context_length_exceeded 400', 400, { error: { code: 'context_length_exceeded', message: 'too long' } }, 'context_length', false, 'context_length_exceeded'],
    ['Anthropic spend limit 429', 429, { type: 'error', error: { type: 'rate_limit_error', message: 'spend', details: { error_code: 'enforced_spend_limit_reached' } } }, 'quota', false, 'enforced_spend_limit_reached'],
    ['Anthropic overloaded 529', 529, { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }, 'overloaded', true, 'overloaded_error'],
    ['TGI overloaded 429', 429, { error: 'Model is overloaded', error_type: 'overloaded' }, 'overloaded', true, 'overloaded'],
    ['CLOVA 42901', 429, { status: { code: '42901', message: 'rate exceeded' } }, 'rate_limited', true, '42901'],
    ['CLOVA 40003 context', 400, { status: { code: '40003', message: 'Text too long' } }, 'context_length', false, '40003'],
    ['CLOVA 40005 policy', 400, { status: { code: '40005', message: 'Unavailable output' } }, 'content_filter', false, '40005'],
    ['CLOVA 40006 policy', 400, { status: { code: '40006', message: 'Unavailable output' } }, 'content_filter', false, '40006'],
    ['CLOVA 40080 model not found', 400, { status: { code: '40080', message: 'Model not found' } }, 'not_found', false, '40080'],
    ['CLOVA 40082 model fade out', 400, { status: { code: '40082', message: 'model fade out' } }, 'not_found', false, '40082'],
    ['CLOVA 40100', 401, { status: { code: '40100', message: 'Unauthorized' } }, 'auth', false, '40100'],
    ['CLOVA 40103', 401, { status: { code: '40103', message: 'Invalid token' } }, 'auth', false, '40103'],
    ['CLOVA 40301', 403, { status: { code: '40301', message: 'No ownership' } }, 'forbidden', false, '40301'],
    ['CLOVA 40001 by status', 400, { status: { code: '40001', message: 'Invalid parameter' } }, 'bad_request', false, '40001'],
    ['CLOVA failure inside a 200 borrows the status class', 200, { status: { code: '50000', message: 'Internal' } }, 'server_error', true, '50000'],
    ['Gemini array', 400, [{ error: { code: 400, message: 'bad', status: 'INVALID_ARGUMENT' } }], 'bad_request', false, 'INVALID_ARGUMENT'],
  ])('%s', (_name, status, body, code, retryable, providerCode) => {
    const e = fail(status, body);
    expect([e.code, e.retryable, e.providerCode]).toEqual([code, retryable, providerCode]);
  });

  it('never decides from message text', () => {
    expect(fail(400, { error: { message: 'rate limit exceeded, retry later' } }).code).toBe('bad_request');
    expect(fail(429, { error: { message: 'insufficient_quota' } }).code).toBe('rate_limited');
  });

  it('x-should-retry overrides the table', () => {
    expect(fail(500, {}, { 'x-should-retry': 'false' }).retryable).toBe(false);
    expect(fail(400, {}, { 'x-should-retry': 'true' }).retryable).toBe(true);
  });

  it('retryAfterMs only on retryable outcomes', () => {
    expect(fail(429, { error: { code: 'rate_limit_exceeded' } }, { 'retry-after': '3' }).retryAfterMs).toBe(3_000);
    expect(fail(503, {}, { 'retry-after-ms': '250' }).retryAfterMs).toBe(250);
    expect(fail(429, { error: { code: 'insufficient_quota' } }, { 'retry-after': '3' }).retryAfterMs).toBeUndefined();
  });

  it('keeps the message readable and the key out of it', () => {
    const e = fail(401, { error: { message: `Incorrect API key provided: ${KEY}. 키를 확인하세요.`, code: 'invalid_api_key' } });
    expect(e.message).toContain('Incorrect API key provided');
    expect(e.message).toContain('키를 확인하세요');
    expect(e.message).not.toContain(KEY);
    expect(JSON.stringify(e)).not.toContain(KEY);
  });

  it('non-JSON bodies become the message', () => {
    const e = errorFromResponse({ provider: 'p', status: 502, headers: new Headers(), bodyText: '<html>Bad Gateway</html>', secrets: [] });
    expect(e.message).toContain('Bad Gateway');
    expect(e.code).toBe('server_error');
  });
});

describe('errorFromStreamFrame', () => {
  it('is a retryable stream_error unless the code says retrying cannot help', () => {
    expect(errorFromStreamFrame('p', { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }, [])).toMatchObject({ code: 'stream_error', retryable: true, providerCode: 'overloaded_error' });
    expect(errorFromStreamFrame('p', { status: { code: '50000', message: 'x' } }, [])).toMatchObject({ code: 'stream_error', retryable: true });
    expect(errorFromStreamFrame('p', { status: { code: '40005', message: 'policy' } }, [])).toMatchObject({ code: 'content_filter', retryable: false });
  });
});

describe('errorFromThrown', () => {
  const ctx = (deadline: ReturnType<typeof startDeadline>, phase: 'connect' | 'stream') => ({ provider: 'p', deadline, phase, timeoutMs: 5, secrets: [KEY] });

  it('tells a timeout from a cancellation from the network', async () => {
    const timed = startDeadline(new AbortController().signal, 5);
    await new Promise((r) => setTimeout(r, 20));
    expect(errorFromThrown(new DOMException('x', 'AbortError'), ctx(timed, 'connect'))).toMatchObject({ code: 'timeout', retryable: true });

    const caller = new AbortController();
    const cancelled = startDeadline(caller.signal, 10_000);
    caller.abort();
    expect(errorFromThrown(new DOMException('x', 'AbortError'), ctx(cancelled, 'connect'))).toMatchObject({ code: 'aborted', retryable: false });
    cancelled.dispose();

    const quiet = startDeadline(new AbortController().signal, 10_000);
    const refused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    expect(errorFromThrown(refused, ctx(quiet, 'connect'))).toMatchObject({ code: 'network', retryable: true });
    expect(errorFromThrown(new TypeError('terminated'), ctx(quiet, 'stream'))).toMatchObject({ code: 'stream_error', retryable: true });
    quiet.dispose();
  });
});
