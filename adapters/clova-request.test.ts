import { describe, expect, it } from 'vitest';
import { clovaBody, clovaHeaders, clovaURL, ClovaOptionsSchema } from './clova-request.ts';

const opts = (o: Record<string, unknown>) => ClovaOptionsSchema.parse(o);

describe('clovaURL', () => {
  it.each([
    [{}, 'https://clovastudio.stream.ntruss.com/v3/chat-completions/HCX-005'],
    [{ apiVersion: 'v1' }, 'https://clovastudio.stream.ntruss.com/v1/chat-completions/HCX-005'],
    [{ apiVersion: 'v1', appPrefix: 'testapp' }, 'https://clovastudio.stream.ntruss.com/testapp/v1/chat-completions/HCX-005'],
    [{ appPrefix: 'serviceapp' }, 'https://clovastudio.stream.ntruss.com/serviceapp/v3/chat-completions/HCX-005'],
  ])('%j', (o, url) => expect(clovaURL(undefined, opts(o), 'HCX-005')).toBe(url));

  it('keeps a custom host (gov cloud) and trims its slash', () => {
    expect(clovaURL('https://clovastudio.stream.gov-ntruss.com/', opts({}), 'HCX-007')).toBe('https://clovastudio.stream.gov-ntruss.com/v3/chat-completions/HCX-007');
  });
});

describe('clovaHeaders', () => {
  it('Bearer for current keys, the legacy pair when a second key is given', () => {
    expect(clovaHeaders({ apiKey: 'nv-1' }, opts({}), false)).toMatchObject({ Authorization: 'Bearer nv-1', Accept: 'application/json' });
    const legacy = clovaHeaders({ apiKey: 'a', apiKey2: 'b' }, opts({}), true);
    expect(legacy).toMatchObject({ 'X-NCP-CLOVASTUDIO-API-KEY': 'a', 'X-NCP-APIGW-API-KEY': 'b', Accept: 'text/event-stream' });
    expect(legacy).not.toHaveProperty('Authorization');
  });

  it('a fresh request id each time', () => {
    const a = clovaHeaders({ apiKey: 'k' }, opts({}), false)['X-NCP-CLOVASTUDIO-REQUEST-ID'];
    const b = clovaHeaders({ apiKey: 'k' }, opts({}), false)['X-NCP-CLOVASTUDIO-REQUEST-ID'];
    expect(a).toMatch(/^kseval-[0-9a-f-]{36}$/);
    expect(a).not.toBe(b);
  });
});

describe('clovaBody', () => {
  const messages = [{ role: 'user' as const, content: '안녕' }];
  const params = { temperature: 0, top_p: 0.8, top_k: 0, max_tokens: 256, stop: ['끝'], seed: 7, repetition_penalty: 1.1, extra: { includeAiFilters: true } };

  it('v3 names', () => {
    const { body, warnings } = clovaBody(messages, params, opts({ maxTokensField: 'maxCompletionTokens', thinkingEffort: 'low' }));
    expect(body).toEqual({ messages, temperature: 0, topP: 0.8, topK: 0, maxCompletionTokens: 256, stop: ['끝'], seed: 7, repetitionPenalty: 1.1, thinking: { effort: 'low' }, includeAiFilters: true });
    expect(warnings).toEqual([]);
  });

  it('v1 names, and temperature 0 raised to the smallest value v1 accepts', () => {
    const { body, warnings } = clovaBody(messages, params, opts({ apiVersion: 'v1', thinkingEffort: 'low' }));
    expect(body).toEqual({ messages, temperature: 0.01, topP: 0.8, topK: 0, maxTokens: 256, stopBefore: ['끝'], seed: 7, repeatPenalty: 1.1, includeAiFilters: true });
    expect(warnings).toHaveLength(2);
  });
});
