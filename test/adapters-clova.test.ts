/**
 * clova-studio adapter against the fake CLOVA Studio: v1 and v3, with and without the
 * testapp/serviceapp prefix, Bearer and legacy key pair, request ids, thinking, usage, and SSE
 * whose `result` frame repeats the whole message.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { defaultRespond, startFakeServer, type FakeServer } from './fake-server/index.ts';
import { plan } from './fake-server/respond.ts';
import { adapterFor, ask, CLOVA_GW_KEY, CLOVA_KEY, expectNoKey, failure, QUESTION, spec } from './adapters-support.ts';

const MESSAGES = [{ role: 'system', content: '간결하게 답하세요.' }, { role: 'user', content: QUESTION }];

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

type Version = 'v1' | 'v3';
type Prefix = '' | 'testapp' | 'serviceapp';
type KeyStyle = 'bearer' | 'legacy';

const matrix: [Version, Prefix, KeyStyle, boolean][] = [];
for (const v of ['v1', 'v3'] as const)
  for (const prefix of ['', 'testapp', 'serviceapp'] as const)
    for (const style of ['bearer', 'legacy'] as const) for (const stream of [false, true]) matrix.push([v, prefix, style, stream]);

describe('every version × prefix × key style × streaming', () => {
  it.each(matrix)('%s prefix=%j keys=%s stream=%s', async (version, appPrefix, style, stream) => {
    server = await startFakeServer({ dialect: version === 'v1' ? 'clova-v1' : 'clova-v3', apiKey: CLOVA_KEY, apiKey2: style === 'legacy' ? CLOVA_GW_KEY : undefined });
    const model = version === 'v1' ? 'HCX-003' : 'HCX-005';
    const keys = style === 'legacy' ? { apiKey: CLOVA_KEY, apiKey2: CLOVA_GW_KEY } : { apiKey: CLOVA_KEY };
    const a = adapterFor(spec({ adapter: 'clova-studio', model, baseURL: server.origin, stream, options: { apiVersion: version, appPrefix } }), keys);
    const g = await ask(a, { temperature: 0.5, max_tokens: 200 });
    const p = plan({ model, messages: MESSAGES }, defaultRespond, 200, false);

    expect(g.text).toBe(p.content);
    expect(g.reasoning).toBeUndefined();
    expect(g.finishReason).toBe('stop');
    expect(g.usage).toMatchObject({ inputTokens: p.inputTokens, outputTokens: p.outputTokens });
    if (stream) expect(g.ttftMs).toBeGreaterThan(0);

    const req = server.requests[0]!;
    expect(req.path).toBe(`${appPrefix ? `/${appPrefix}` : ''}/${version}/chat-completions/${model}`);
    expect(req.headers['x-ncp-clovastudio-request-id']).toMatch(/^kseval-/);
    expect(req.headers['accept']).toBe(stream ? 'text/event-stream' : 'application/json');
    if (style === 'bearer') {
      expect(req.headers['authorization']).toBe(`Bearer ${CLOVA_KEY}`);
    } else {
      expect(req.headers['x-ncp-clovastudio-api-key']).toBe(CLOVA_KEY);
      expect(req.headers['x-ncp-apigw-api-key']).toBe(CLOVA_GW_KEY);
      expect(req.headers['authorization']).toBeUndefined();
    }
    expect(req.body).toMatchObject({ messages: MESSAGES, temperature: 0.5, maxTokens: 200 });
    expect(req.body).not.toHaveProperty('model');
    expectNoKey(g);
  });
});

describe('HCX-007 thinking (v3)', () => {
  const answer = { content: '정답은 3.9입니다.', reasoning: '3.12와 3.9를 비교하면 3.9가 더 크다.' };

  it.each([false, true])('thinkingContent → reasoning, maxCompletionTokens, thinking effort (stream: %s)', async (stream) => {
    server = await startFakeServer({ dialect: 'clova-v3', apiKey: CLOVA_KEY, respond: () => answer });
    const a = adapterFor(spec({ adapter: 'clova-studio', model: 'HCX-007', baseURL: server.origin, stream, options: { maxTokensField: 'maxCompletionTokens', thinkingEffort: 'low' } }), { apiKey: CLOVA_KEY });
    const g = await ask(a, { max_tokens: 512 });
    expect(g.text).toBe(answer.content);
    expect(g.reasoning).toBe(answer.reasoning);
    expect(g.usage?.reasoningTokens).toBe(Math.ceil([...answer.reasoning].length / 2));
    expect(server.requests[0]?.body).toMatchObject({ maxCompletionTokens: 512, thinking: { effort: 'low' } });
    expect(server.requests[0]?.body).not.toHaveProperty('maxTokens');
  });

  it.each([false, true])('a limit inside the thinking is `length` with no answer (stream: %s)', async (stream) => {
    server = await startFakeServer({ dialect: 'clova-v3', apiKey: CLOVA_KEY, respond: () => answer });
    const a = adapterFor(spec({ adapter: 'clova-studio', model: 'HCX-007', baseURL: server.origin, stream, options: { maxTokensField: 'maxCompletionTokens', thinkingEffort: 'medium' } }), { apiKey: CLOVA_KEY });
    const g = await ask(a, { max_tokens: 4 });
    expect(g.finishReason).toBe('length');
    expect(g.text).toBe('');
    expect(g.reasoning).toBe([...answer.reasoning].slice(0, 8).join(''));
  });
});

describe('CLOVA stream quirks', () => {
  const long = '대한민국의 수도는 서울특별시이며, 행정수도 논의는 세종특별자치시와 관련이 있습니다.';

  it('does not double the text when `result` repeats the whole message', async () => {
    server = await startFakeServer({ dialect: 'clova-v3', apiKey: CLOVA_KEY, respond: () => long });
    const g = await ask(adapterFor(spec({ adapter: 'clova-studio', model: 'HCX-005', baseURL: server.origin, stream: true }), { apiKey: CLOVA_KEY }));
    expect(g.text).toBe(long);
  });

  it.each([true, false])('works with and without the trailing `signal` [DONE] (signal: %s)', async (clovaSignal) => {
    server = await startFakeServer({ dialect: 'clova-v1', apiKey: CLOVA_KEY, clovaSignal, respond: () => long });
    const g = await ask(adapterFor(spec({ adapter: 'clova-studio', model: 'HCX-003', baseURL: server.origin, stream: true, options: { apiVersion: 'v1' } }), { apiKey: CLOVA_KEY }));
    expect(g.text).toBe(long);
  });

  it('`event: error` mid-stream is a retryable stream_error carrying the CLOVA code', async () => {
    server = await startFakeServer({ dialect: 'clova-v3', apiKey: CLOVA_KEY, faults: [{ kind: 'error-frame', after: 1 }] });
    const e = await failure(ask(adapterFor(spec({ adapter: 'clova-studio', model: 'HCX-005', baseURL: server.origin, stream: true }), { apiKey: CLOVA_KEY })));
    expect({ code: e.code, retryable: e.retryable, providerCode: e.providerCode }).toEqual({ code: 'stream_error', retryable: true, providerCode: '50000' });
  });
});

describe('v1 body names and parameter limits', () => {
  it('sends repeatPenalty/stopBefore and raises temperature 0 to 0.01 with a warning', async () => {
    server = await startFakeServer({ dialect: 'clova-v1', apiKey: CLOVA_KEY });
    const a = adapterFor(spec({ adapter: 'clova-studio', model: 'HCX-003', baseURL: server.origin, options: { apiVersion: 'v1' } }), { apiKey: CLOVA_KEY });
    const g = await ask(a, { temperature: 0, repetition_penalty: 5, stop: ['\n\n'], top_k: 0, seed: 3 });
    expect(server.requests[0]?.body).toMatchObject({ temperature: 0.01, repeatPenalty: 5, stopBefore: ['\n\n'], topK: 0, seed: 3 });
    expect(g.warnings.join(' ')).toMatch(/temperature 0 sent as 0.01/);
  });

  it('maxTokens together with maxCompletionTokens is a 400 from the server, not retried', async () => {
    server = await startFakeServer({ dialect: 'clova-v3', apiKey: CLOVA_KEY });
    const a = adapterFor(spec({ adapter: 'clova-studio', model: 'HCX-007', baseURL: server.origin, options: { maxTokensField: 'maxCompletionTokens' } }), { apiKey: CLOVA_KEY });
    const e = await failure(ask(a, { max_tokens: 10, extra: { maxTokens: 10 } }));
    expect({ code: e.code, retryable: e.retryable, providerCode: e.providerCode }).toEqual({ code: 'bad_request', retryable: false, providerCode: '40001' });
  });

  it('a v3-only model on the v1 path is not found', async () => {
    server = await startFakeServer({ dialect: 'clova-v3', apiKey: CLOVA_KEY });
    const a = adapterFor(spec({ adapter: 'clova-studio', model: 'HCX-005', baseURL: server.origin, options: { apiVersion: 'v1' } }), { apiKey: CLOVA_KEY });
    const e = await failure(ask(a));
    expect(e.code).toBe('not_found');
  });
});
