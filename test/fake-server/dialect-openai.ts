/**
 * The OpenAI chat-completions dialect and its presets: vLLM (new and pre-0.10.1), Ollama /v1,
 * llama.cpp, Upstage, CLOVA's OpenAI layer, TGI, Gemini's compatible layer and SKT's guest API.
 */
import { errorBody, presentedKey } from './error-bodies.ts';
import { plan, deltas, type Plan } from './respond.ts';
import { interrupt } from './stream-faults.ts';
import type { Dialect, OpenAIVariant } from './types.ts';
import { field, faultHeaders, isStatusFault, messagesOf, numberField, sendJSON, sendMalformed, sendTruncatedJSON, sseFrame, Streamer, type Exchange } from './wire.ts';

export const OPENAI_PRESETS: Partial<Record<Dialect, OpenAIVariant>> = {
  openai: { reasoningField: 'reasoning', errorEnvelope: 'openai', usageInStream: 'auto', extras: false, pings: false, done: true },
  vllm: { reasoningField: 'reasoning', errorEnvelope: 'openai', usageInStream: 'auto', extras: true, pings: false, done: true },
  'vllm-legacy': { reasoningField: 'reasoning_content', errorEnvelope: 'flat', usageInStream: 'auto', extras: true, pings: false, done: true },
  ollama: { reasoningField: 'reasoning', errorEnvelope: 'openai', usageInStream: 'auto', extras: false, pings: false, done: true },
  llamacpp: { reasoningField: 'reasoning_content', errorEnvelope: 'openai', usageInStream: 'auto', extras: true, pings: true, done: true },
  upstage: { reasoningField: 'reasoning', errorEnvelope: 'openai', usageInStream: 'auto', extras: false, pings: false, done: true },
  'clova-openai': { reasoningField: 'thinking_content', errorEnvelope: 'status', usageInStream: 'auto', extras: false, pings: false, done: true },
  tgi: { reasoningField: 'none', errorEnvelope: 'string', usageInStream: 'never', extras: false, pings: false, done: true },
  gemini: { reasoningField: 'none', errorEnvelope: 'array', usageInStream: 'auto', extras: false, pings: false, done: true },
  sktax: { reasoningField: 'reasoning_content', errorEnvelope: 'openai', usageInStream: 'auto', extras: true, pings: false, done: true },
};

const CREATED = 1_760_000_000;

/** The content string for inline variants: where the tags go, and no closing tag when cut inside thinking. */
function inlineContent(p: Plan, variant: OpenAIVariant): string {
  if (p.reasoning === '') return p.content;
  const close = variant.reasoningField === 'inline-thought-no-open' ? '</thought>' : '</think>';
  const open = variant.reasoningField === 'inline' ? '<think>' : '';
  return `${open}${p.reasoning}${p.cutInReasoning ? '' : `${close}\n\n`}${p.content}`;
}

const FIELD_VARIANTS = new Set(['reasoning', 'reasoning_content', 'thinking_content']);

function usage(p: Plan): Record<string, unknown> {
  return {
    prompt_tokens: p.inputTokens,
    completion_tokens: p.outputTokens,
    total_tokens: p.inputTokens + p.outputTokens,
    completion_tokens_details: { reasoning_tokens: p.reasoningTokens },
  };
}

function authorized(x: Exchange): boolean {
  return x.apiKey === undefined || x.req.headers['authorization'] === `Bearer ${x.apiKey}`;
}

export async function handleOpenAI(x: Exchange): Promise<void> {
  const v = x.openai;
  if (!authorized(x)) {
    const got = presentedKey(x.req.headers);
    sendJSON(x.res, 401, errorBody(v.errorEnvelope, 401, `Incorrect API key provided: ${got}. Check your key.`));
    return;
  }
  const f = x.fault;
  if (isStatusFault(f)) {
    const msg = f.message ?? `fake ${f.status} (request key ${presentedKey(x.req.headers)})`;
    sendJSON(x.res, f.status, errorBody(v.errorEnvelope, f.status, msg, f.code), faultHeaders(f));
    return;
  }
  const model = String(field(x.body, 'model') ?? 'fake-model');
  const stream = field(x.body, 'stream') === true;
  const maxTokens = numberField(x.body, 'max_completion_tokens', 'max_tokens');
  const p = plan({ model, messages: messagesOf(x.body) }, x.respond, maxTokens, v.reasoningField !== 'none');
  const filtered = f !== undefined && 'kind' in f && f.kind === 'content-filter';
  const finish = filtered ? 'content_filter' : p.finish;
  const extrasChoice = v.extras ? { stop_reason: null } : {};
  const extrasTop = v.extras ? { timings: { prompt_n: p.inputTokens, predicted_n: p.outputTokens, predicted_ms: 12.5 }, prompt_logprobs: null } : {};
  const byField = FIELD_VARIANTS.has(v.reasoningField);

  if (!stream) {
    if (f !== undefined && 'kind' in f && f.kind === 'malformed') return sendMalformed(x.res);
    if (f !== undefined && 'kind' in f && f.kind === 'error-frame') {
      sendJSON(x.res, 500, errorBody(v.errorEnvelope, 500, 'fake error in place of a frame'));
      return;
    }
    const message: Record<string, unknown> = { role: 'assistant', content: filtered ? '' : byField ? p.content : inlineContent(p, v) };
    if (byField && !filtered) message[v.reasoningField] = p.reasoning === '' ? null : p.reasoning;
    const body = {
      id: `chatcmpl-fake-${x.n}`,
      object: 'chat.completion',
      created: CREATED,
      model,
      choices: [{ index: 0, message, logprobs: null, finish_reason: finish, ...extrasChoice }],
      usage: usage(p),
      ...extrasTop,
    };
    if (f !== undefined && 'kind' in f && f.kind === 'truncate') return sendTruncatedJSON(x.res, body);
    sendJSON(x.res, 200, body);
    x.completed();
    return;
  }

  const s = new Streamer(x.res, x.chunkDelayMs);
  s.start();
  const chunk = (delta: Record<string, unknown>, finishReason: string | null = null): string =>
    sseFrame(
      JSON.stringify({
        id: `chatcmpl-fake-${x.n}`,
        object: 'chat.completion.chunk',
        created: CREATED,
        model,
        choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason, ...(finishReason ? extrasChoice : {}) }],
      }),
    );
  const errorFrames = (): string[] => [
    sseFrame(JSON.stringify(errorBody(v.errorEnvelope === 'flat' || v.errorEnvelope === 'string' ? v.errorEnvelope : 'openai', 500, 'fake mid-stream failure'))),
    sseFrame('[DONE]'),
  ];
  await s.write(chunk({ role: 'assistant', content: '' }));
  if (f !== undefined && 'kind' in f && f.kind === 'malformed') {
    await s.write(sseFrame('{"id":"chatcmpl-broken","choices":[{"delta":{"content":"한'));
    s.end();
    return;
  }
  const pieces: Record<string, unknown>[] = filtered
    ? []
    : byField
      ? [...deltas(p.reasoning).map((d) => ({ [v.reasoningField]: d })), ...deltas(p.content).map((d) => ({ content: d }))]
      : deltas(inlineContent(p, v)).map((d) => ({ content: d }));
  let sent = 0;
  for (const delta of pieces) {
    if (await interrupt(f, sent, s, errorFrames)) return;
    if (v.pings && sent % 2 === 1) await s.write(': ping\n\n');
    if (!(await s.write(chunk(delta)))) return;
    sent++;
  }
  if (await interrupt(f, sent, s, errorFrames)) return;
  await s.write(chunk({}, finish));
  const wantUsage = v.usageInStream === 'always' || (v.usageInStream === 'auto' && field(field(x.body, 'stream_options'), 'include_usage') === true);
  if (wantUsage) {
    await s.write(sseFrame(JSON.stringify({ id: `chatcmpl-fake-${x.n}`, object: 'chat.completion.chunk', created: CREATED, model, choices: [], usage: usage(p) })));
  }
  if (v.done) await s.write(sseFrame('[DONE]'));
  s.end();
  x.completed();
}

export function handleOpenAIModels(x: Exchange): void {
  sendJSON(x.res, 200, { object: 'list', data: [{ id: 'fake-model', object: 'model', created: CREATED, owned_by: 'kseval-fake', max_model_len: 32768 }] });
}
