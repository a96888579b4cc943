/**
 * anthropic adapter against the fake Messages API: headers, system prompt, content blocks,
 * thinking, stop reasons, named stream events with pings, and overload / rate-limit errors.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer, type FakeServerOptions } from './fake-server/index.ts';
import { adapterFor, ask, expectNoKey, failure, KEY, QUESTION, spec } from './adapters-support.ts';

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function claude(opts: FakeServerOptions = {}, fields: Record<string, unknown> = {}) {
  server = await startFakeServer({ dialect: 'anthropic', apiKey: KEY, ...opts });
  return adapterFor(spec({ adapter: 'anthropic', model: 'claude-sonnet-4-5', baseURL: server.origin, ...fields }));
}

const answer = { content: '서울입니다.', reasoning: '대한민국의 수도를 묻는다.' };

describe('request', () => {
  it('sends x-api-key, anthropic-version, top-level system and a default max_tokens', async () => {
    const a = await claude();
    await ask(a, { temperature: 0, top_k: 5, stop: ['끝'], seed: 1 });
    const req = server!.requests[0]!;
    expect(req.path).toBe('/v1/messages');
    expect(req.headers['x-api-key']).toBe(KEY);
    expect(req.headers['anthropic-version']).toBe('2023-06-01');
    expect(req.body).toEqual({
      model: 'claude-sonnet-4-5',
      max_tokens: 1024,
      system: '간결하게 답하세요.',
      messages: [{ role: 'user', content: QUESTION }],
      temperature: 0,
      top_k: 5,
      stop_sequences: ['끝'],
    });
  });

  it('takes version, beta and default max_tokens from options, accepts a base URL ending in /v1, and warns about unsupported params', async () => {
    server = await startFakeServer({ dialect: 'anthropic', apiKey: KEY });
    const a = adapterFor(spec({ adapter: 'anthropic', model: 'claude', baseURL: `${server.origin}/v1`, options: { version: '2024-01-01', beta: 'some-beta', defaultMaxTokens: 333 } }));
    const g = await ask(a, { seed: 1, repetition_penalty: 1.1 });
    const req = server.requests[0]!;
    expect(req.path).toBe('/v1/messages');
    expect(req.headers['anthropic-version']).toBe('2024-01-01');
    expect(req.headers['anthropic-beta']).toBe('some-beta');
    expect(req.body).toMatchObject({ max_tokens: 333 });
    expect(g.warnings.filter((w) => w.includes('ignored'))).toHaveLength(2);
  });
});

describe('answers', () => {
  it.each([false, true])('text blocks joined, thinking blocks → reasoning (stream: %s)', async (stream) => {
    const a = await claude({ respond: () => answer }, { stream });
    const g = await ask(a, { max_tokens: 2048, extra: { thinking: { type: 'enabled', budget_tokens: 1024 } } });
    expect(g.text).toBe(answer.content);
    expect(g.reasoning).toBe(answer.reasoning);
    expect(g.finishReason).toBe('stop');
    expect(g.usage?.outputTokens).toBeGreaterThan(0);
    if (stream) expect(g.ttftMs).toBeGreaterThan(0);
    expectNoKey(g);
  });

  it.each([false, true])('redacted_thinking is noted in warnings (stream: %s)', async (stream) => {
    const a = await claude({ respond: () => answer, redactedThinking: true }, { stream });
    const g = await ask(a, { extra: { thinking: { type: 'enabled', budget_tokens: 1024 } } });
    expect(g.text).toBe(answer.content);
    expect(g.warnings.join(' ')).toMatch(/redacted_thinking/);
  });

  it.each([false, true])('max_tokens → length; inside thinking there is no answer (stream: %s)', async (stream) => {
    const a = await claude({ respond: () => answer }, { stream });
    const g = await ask(a, { max_tokens: 3, extra: { thinking: { type: 'enabled', budget_tokens: 1024 } } });
    expect(g.finishReason).toBe('length');
    expect(g.text).toBe('');
    expect(g.reasoning).toBe([...answer.reasoning].slice(0, 6).join(''));
  });

  it.each([false, true])('refusal → content_filter, not retryable (stream: %s)', async (stream) => {
    const a = await claude({ faults: [{ kind: 'content-filter' }] }, { stream });
    const e = await failure(ask(a));
    expect({ code: e.code, retryable: e.retryable }).toEqual({ code: 'content_filter', retryable: false });
  });

  it('reads a stream with ping events and Hangul split across writes', async () => {
    const long = '가나다라마바사아자차카타파하 — 한국어로 길게 답합니다.';
    const a = await claude({ respond: () => long }, { stream: true });
    const g = await ask(a);
    expect(g.text).toBe(long);
  });
});

describe('errors', () => {
  it('529 overloaded is retryable', async () => {
    const e = await failure(ask(await claude({ faults: [{ status: 529 }] })));
    expect({ code: e.code, retryable: e.retryable, providerCode: e.providerCode }).toEqual({ code: 'overloaded', retryable: true, providerCode: 'overloaded_error' });
  });

  it('429 honours retry-after and the anthropic-ratelimit reset headers', async () => {
    const e1 = await failure(ask(await claude({ faults: [{ status: 429, retryAfter: '20' }] })));
    expect({ code: e1.code, retryAfterMs: e1.retryAfterMs }).toEqual({ code: 'rate_limited', retryAfterMs: 20_000 });
    await server?.close();
    const reset = new Date(Date.now() + 30_000).toISOString();
    const e2 = await failure(ask(await claude({ faults: [{ status: 429, headers: { 'anthropic-ratelimit-tokens-reset': reset, 'anthropic-ratelimit-tokens-remaining': '0' } }] })));
    expect(e2.retryAfterMs).toBeGreaterThan(25_000);
    expect(e2.retryAfterMs).toBeLessThanOrEqual(30_000);
  });

  it('an overloaded error event mid-stream is a retryable stream_error', async () => {
    const e = await failure(ask(await claude({ faults: [{ kind: 'error-frame', after: 1 }] }, { stream: true })));
    expect({ code: e.code, retryable: e.retryable, providerCode: e.providerCode }).toEqual({ code: 'stream_error', retryable: true, providerCode: 'overloaded_error' });
  });

  it('a missing anthropic-version would be a 400 (the fake enforces it)', async () => {
    server = await startFakeServer({ dialect: 'anthropic' });
    const res = await fetch(`${server.origin}/v1/messages`, { method: 'POST', body: JSON.stringify({ model: 'x', max_tokens: 1, messages: [] }) });
    expect(res.status).toBe(400);
  });
});
