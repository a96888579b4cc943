/**
 * CLOVA Studio native chat completions, v1 and v3 (protocols.md §1.3–1.6):
 * `/{testapp|serviceapp}?/v{1,3}/chat-completions/{model}`, Bearer or the legacy key pair,
 * `status`/`result` envelope, SSE with `token` / `result` (the WHOLE message again) / `signal` / `error`.
 */
import { CLOVA_CODES, errorBody, presentedKey } from './error-bodies.ts';
import { plan, deltas, type Plan } from './respond.ts';
import { interrupt } from './stream-faults.ts';
import { field, faultHeaders, isStatusFault, messagesOf, numberField, sendJSON, sendMalformed, sendTruncatedJSON, sseFrame, Streamer, type Exchange } from './wire.ts';

export const CLOVA_PATH = /^\/(?:(testapp|serviceapp)\/)?(v1|v3)\/chat-completions\/([^/?]+)$/;

const CREATED_MS = 1_753_800_000_123;
const SEED = 1_550_623_478;

function status(code: string, message: string): unknown {
  return { status: { code, message } };
}

function authorized(x: Exchange): boolean {
  if (x.apiKey === undefined) return true;
  const h = x.req.headers;
  if (h['authorization'] === `Bearer ${x.apiKey}`) return true;
  return h['x-ncp-clovastudio-api-key'] === x.apiKey && (x.apiKey2 === undefined || h['x-ncp-apigw-api-key'] === x.apiKey2);
}

function usageV3(p: Plan): Record<string, unknown> {
  return {
    promptTokens: p.inputTokens,
    completionTokens: p.outputTokens,
    totalTokens: p.inputTokens + p.outputTokens,
    completionTokensDetails: { thinkingTokens: p.reasoningTokens },
  };
}

function resultBody(version: string, p: Plan, withThinking: boolean): Record<string, unknown> {
  const message: Record<string, unknown> = { role: 'assistant', content: p.content };
  if (version === 'v1') {
    return { message, inputLength: p.inputTokens, outputLength: p.outputTokens, stopReason: p.finish === 'length' ? 'length' : 'end_token', seed: SEED, aiFilter: [] };
  }
  if (withThinking) message['thinkingContent'] = p.reasoning;
  return { message, finishReason: p.finish, created: CREATED_MS, seed: SEED, usage: usageV3(p), aiFilter: [] };
}

export async function handleClova(x: Exchange, version: 'v1' | 'v3', model: string): Promise<void> {
  if (!authorized(x)) {
    sendJSON(x.res, 401, status('40100', `Unauthorized: invalid API key ${presentedKey(x.req.headers)}`));
    return;
  }
  const f = x.fault;
  if (isStatusFault(f)) {
    const msg = f.message ?? `fake ${f.status} (key ${presentedKey(x.req.headers)})`;
    sendJSON(x.res, f.status, errorBody('status', f.status, msg, f.code ?? CLOVA_CODES[f.status]), faultHeaders(f));
    return;
  }
  if (field(x.body, 'maxTokens') !== undefined && field(x.body, 'maxCompletionTokens') !== undefined) {
    sendJSON(x.res, 400, status('40001', 'Invalid parameter: maxTokens and maxCompletionTokens cannot be used together'));
    return;
  }
  if (f !== undefined && 'kind' in f && f.kind === 'content-filter') {
    sendJSON(x.res, 400, status('40005', 'Unavailable output (policy)'));
    return;
  }
  // Only v3 with thinking switched on (HCX-007) returns thinking text.
  const effort = field(field(x.body, 'thinking'), 'effort');
  const withThinking = version === 'v3' && effort !== undefined && effort !== 'none';
  const maxTokens = numberField(x.body, 'maxCompletionTokens', 'maxTokens');
  const p = plan({ model, messages: messagesOf(x.body) }, x.respond, maxTokens, withThinking);
  const stream = String(x.req.headers['accept'] ?? '').includes('text/event-stream');

  if (!stream) {
    if (f !== undefined && 'kind' in f && f.kind === 'malformed') return sendMalformed(x.res);
    if (f !== undefined && 'kind' in f && f.kind === 'error-frame') {
      sendJSON(x.res, 500, status('50000', 'Internal server error'));
      return;
    }
    const body = { status: { code: '20000', message: 'OK' }, result: resultBody(version, p, withThinking) };
    if (f !== undefined && 'kind' in f && f.kind === 'truncate') return sendTruncatedJSON(x.res, body);
    sendJSON(x.res, 200, body);
    x.completed();
    return;
  }

  const s = new Streamer(x.res, x.chunkDelayMs);
  s.start();
  const id = `fake-${x.n}`;
  const token = (message: Record<string, unknown>): string =>
    sseFrame(JSON.stringify(version === 'v1' ? { message: { role: 'assistant', ...message } } : { message: { role: 'assistant', content: '', ...message }, finishReason: null, created: CREATED_MS, seed: SEED, usage: null }), 'token', id);
  const errorFrames = (): string[] => [sseFrame(JSON.stringify(status('50000', 'Internal server error during stream')), 'error', id)];
  if (f !== undefined && 'kind' in f && f.kind === 'malformed') {
    await s.write(sseFrame('{"message":{"role":"assistant","content":"한', 'token', id));
    s.end();
    return;
  }
  const pieces = [...deltas(p.reasoning).map((d) => ({ thinkingContent: d })), ...deltas(p.content).map((d) => ({ content: d }))];
  let sent = 0;
  for (const piece of pieces) {
    if (await interrupt(f, sent, s, errorFrames)) return;
    if (!(await s.write(token(piece)))) return;
    sent++;
  }
  if (await interrupt(f, sent, s, errorFrames)) return;
  await s.write(sseFrame(JSON.stringify(resultBody(version, p, withThinking)), 'result', id));
  if (x.clovaSignal) await s.write(sseFrame(JSON.stringify({ data: '[DONE]' }), 'signal', id));
  s.end();
  x.completed();
}
