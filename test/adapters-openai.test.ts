/**
 * openai-compatible adapter against the fake server over real HTTP: every server preset,
 * every place thinking text hides, streaming details, and parameter mapping.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { defaultRespond, startFakeServer, type Dialect, type FakeServer, type FakeServerOptions, type ReasoningField } from './fake-server/index.ts';
import { plan } from './fake-server/respond.ts';
import { adapterFor, ask, expectNoKey, failure, KEY, QUESTION, spec } from './adapters-support.ts';

const MESSAGES = [{ role: 'system', content: '간결하게 답하세요.' }, { role: 'user', content: QUESTION }];

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(opts: FakeServerOptions): Promise<FakeServer> {
  server = await startFakeServer({ apiKey: KEY, ...opts });
  return server;
}

function openaiSpec(s: FakeServer, fields: Record<string, unknown> = {}) {
  return spec({ adapter: 'openai-compatible', baseURL: s.url, ...fields });
}

describe('every OpenAI-compatible preset answers, with usage and thinking kept apart', () => {
  const presets: [Dialect, boolean][] = [
    ['openai', true], ['vllm', true], ['vllm-legacy', true], ['ollama', true], ['llamacpp', true], ['upstage', true],
    ['clova-openai', true], ['sktax', true], ['tgi', false], ['gemini', false],
  ];
  for (const stream of [false, true]) {
    it.each(presets)(`%s (stream: ${stream})`, async (dialect, thinks) => {
      const s = await serve({ dialect });
      const g = await ask(adapterFor(openaiSpec(s, { stream })));
      const p = plan({ model: 'test-model', messages: MESSAGES }, defaultRespond, undefined, thinks);
      expect(g.text).toBe(p.content);
      expect(g.reasoning).toBe(thinks ? p.reasoning : undefined);
      expect(g.finishReason).toBe('stop');
      if (dialect === 'tgi' && stream) expect(g.usage).toBeUndefined();
      else expect(g.usage).toEqual({ inputTokens: p.inputTokens, outputTokens: p.outputTokens, reasoningTokens: p.reasoningTokens });
      if (stream) expect(g.ttftMs).toBeGreaterThan(0);
      expect(g.latencyMs).toBeGreaterThan(0);
      expectNoKey(g);
    });
  }
});

describe('thinking under any field name, or inline', () => {
  const answer = { content: '서울입니다.', reasoning: '대한민국의 수도를 묻는 질문이다.' };
  const fields: ReasoningField[] = ['reasoning', 'reasoning_content', 'thinking_content', 'inline', 'inline-no-open', 'inline-thought-no-open'];
  for (const stream of [false, true]) {
    it.each(fields)(`%s (stream: ${stream})`, async (reasoningField) => {
      const s = await serve({ dialect: 'openai', openai: { reasoningField }, respond: () => answer });
      const g = await ask(adapterFor(openaiSpec(s, { stream })));
      expect(g.text).toBe(answer.content);
      expect(g.reasoning).toBe(answer.reasoning);
      expect(g.text).not.toContain('</');
    });
  }
});

describe('a token limit inside an unterminated thinking block is `length` with no answer', () => {
  const long = { content: '서울입니다.', reasoning: '대한민국의 수도를 묻는 질문이다. 헌법에는 명시되어 있지 않지만 관습헌법상 서울이다.' };
  const cases: [ReasoningField, Record<string, unknown>][] = [
    ['reasoning', {}],
    ['reasoning_content', {}],
    ['thinking_content', {}],
    ['inline', {}],
    ['inline-no-open', { chat_template_kwargs: { enable_thinking: true } }],
    ['inline-thought-no-open', { chat_template_kwargs: { enable_thinking: true } }],
  ];
  for (const stream of [false, true]) {
    it.each(cases)(`%s (stream: ${stream})`, async (reasoningField, extra) => {
      const s = await serve({ dialect: 'vllm', openai: { reasoningField }, respond: () => long });
      const g = await ask(adapterFor(openaiSpec(s, { stream })), { max_tokens: 5, extra });
      expect(g.finishReason).toBe('length');
      expect(g.text).toBe('');
      // Inline thinking comes back trimmed (splitThinking); field thinking as sent.
      expect(g.reasoning?.trim()).toBe([...long.reasoning].slice(0, 10).join('').trim());
    });
  }

  it('a tagless cut-off without a thinking template stays a (cut) answer', async () => {
    const s = await serve({ dialect: 'vllm', openai: { reasoningField: 'inline-no-open' }, respond: () => long });
    const g = await ask(adapterFor(openaiSpec(s)), { max_tokens: 5 });
    expect(g.finishReason).toBe('length');
    expect(g.text).toBe([...long.reasoning].slice(0, 10).join(''));
  });

  it('a cut inside the answer keeps the thinking and the partial answer', async () => {
    const s = await serve({ dialect: 'vllm', respond: () => long });
    const budget = Math.ceil(([...long.reasoning].length + 3) / 2);
    const g = await ask(adapterFor(openaiSpec(s)), { max_tokens: budget });
    expect(g.finishReason).toBe('length');
    expect(g.reasoning).toBe(long.reasoning);
    expect(long.content.startsWith(g.text)).toBe(true);
    expect(g.text.length).toBeGreaterThan(0);
  });
});

describe('streaming details', () => {
  const hangul = '가나다라마바사아자차카타파하 — 한국어 답변 🇰🇷 끝.';

  it('decodes Hangul and emoji split inside characters across TCP writes', async () => {
    const s = await serve({ dialect: 'vllm', respond: () => ({ content: hangul, reasoning: '생각: 한글 바이트 경계' }) });
    const g = await ask(adapterFor(openaiSpec(s, { stream: true })));
    expect(g.text).toBe(hangul);
    expect(g.reasoning).toBe('생각: 한글 바이트 경계');
  });

  it('records time to first token before the end of the answer', async () => {
    const s = await serve({ dialect: 'vllm', chunkDelayMs: 10, respond: () => ({ content: hangul }) });
    const g = await ask(adapterFor(openaiSpec(s, { stream: true })));
    expect(g.ttftMs).toBeGreaterThan(0);
    expect(g.ttftMs).toBeLessThan(g.latencyMs / 2);
  });

  it('asks for usage in the stream and reads the usage-only chunk', async () => {
    const s = await serve({ dialect: 'vllm' });
    const g = await ask(adapterFor(openaiSpec(s, { stream: true })));
    expect(s.requests[0]?.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(g.usage?.outputTokens).toBeGreaterThan(0);
  });

  it('can leave stream_options out for servers that reject it', async () => {
    const s = await serve({ dialect: 'tgi' });
    const g = await ask(adapterFor(openaiSpec(s, { stream: true, options: { streamUsage: false } })));
    expect(s.requests[0]?.body).not.toHaveProperty('stream_options');
    expect(g.usage).toBeUndefined();
  });

  it('ignores `: ping` comment lines (llama.cpp)', async () => {
    const s = await serve({ dialect: 'llamacpp', respond: () => hangul });
    const g = await ask(adapterFor(openaiSpec(s, { stream: true })));
    expect(g.text).toBe(hangul);
  });

  it('accepts a finished stream without [DONE], with a warning', async () => {
    const s = await serve({ dialect: 'openai', openai: { done: false } });
    const g = await ask(adapterFor(openaiSpec(s, { stream: true })));
    expect(g.finishReason).toBe('stop');
    expect(g.warnings.join(' ')).toMatch(/\[DONE\]/);
  });

  it.each([
    ['truncated stream', { kind: 'truncate' as const }],
    ['error frame after two deltas', { kind: 'error-frame' as const, after: 2 }],
    ['connection reset mid-stream', { kind: 'reset' as const, after: 2 }],
    ['broken frame', { kind: 'malformed' as const }],
  ])('%s → stream_error, retryable, never a short answer', async (_name, fault) => {
    const s = await serve({ dialect: 'vllm', faults: [fault] });
    const e = await failure(ask(adapterFor(openaiSpec(s, { stream: true }))));
    expect(e.code).toBe('stream_error');
    expect(e.retryable).toBe(true);
    expectNoKey(e);
  });
});

describe('request mapping', () => {
  it('maps params, merges the spec defaults and passes extra through', async () => {
    const s = await serve({ dialect: 'vllm' });
    const a = adapterFor(openaiSpec(s, { params: { temperature: 0.6, top_p: 0.95, extra: { chat_template_kwargs: { enable_thinking: true } } } }));
    await ask(a, { temperature: 0, max_tokens: 64, stop: ['끝'], seed: 42, top_k: 20, repetition_penalty: 1.05, extra: { reasoning_effort: 'low', model: 'hijack', messages: [] } });
    expect(s.requests[0]?.body).toEqual({
      model: 'test-model',
      messages: MESSAGES,
      stream: false,
      temperature: 0,
      top_p: 0.95,
      max_tokens: 64,
      stop: ['끝'],
      seed: 42,
      top_k: 20,
      repetition_penalty: 1.05,
      chat_template_kwargs: { enable_thinking: true },
      reasoning_effort: 'low',
    });
  });

  it('uses max_completion_tokens and drops rejected params with a warning (OpenAI reasoning models)', async () => {
    const s = await serve({ dialect: 'openai' });
    const a = adapterFor(openaiSpec(s, { options: { maxTokensField: 'max_completion_tokens', dropParams: ['temperature', 'top_p'] } }));
    const g = await ask(a, { temperature: 0, top_p: 1, max_tokens: 32 });
    expect(s.requests[0]?.body).toMatchObject({ max_completion_tokens: 32 });
    expect(s.requests[0]?.body).not.toHaveProperty('temperature');
    expect(s.requests[0]?.body).not.toHaveProperty('max_tokens');
    expect(g.warnings.filter((w) => w.includes('not sent'))).toHaveLength(2);
  });

  it('sends the key as Bearer, a dummy key to keyless servers, and never retries by itself', async () => {
    const s = await serve({ dialect: 'ollama', apiKey: undefined, faults: [undefined, { status: 500 }] });
    await ask(adapterFor(openaiSpec(s), {}));
    expect(s.requests[0]?.headers['authorization']).toBe('Bearer kseval-no-key');
    const e = await failure(ask(adapterFor(openaiSpec(s), {})));
    expect(e.code).toBe('server_error');
    expect(s.requests).toHaveLength(2);
    expect(s.requests[1]?.attempt).toBe('0');
  });

  it('rejects options of the wrong type with a message naming the model', () => {
    expect(() => adapterFor(spec({ id: 'bad', adapter: 'openai-compatible', options: { maxTokensField: 'tokens' } }))).toThrow(/model bad: options.maxTokensField/);
  });

  it('keeps the key out of raw request and response', async () => {
    const s = await serve({ dialect: 'vllm', respond: ({ messages }) => `키 확인: ${messages.length}` });
    const g = await ask(adapterFor(openaiSpec(s)));
    expect(g.raw?.request).toMatchObject({ url: `${s.url}/chat/completions` });
    expectNoKey(g.raw);
  });
});
