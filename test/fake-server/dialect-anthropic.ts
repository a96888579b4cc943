/**
 * Anthropic Messages API (protocols.md §6.3, §8.12): `x-api-key` (or Bearer, as newer SDKs send),
 * a required `anthropic-version`, content blocks, and named stream events with `ping`s.
 */
import { anthropicErrorBody, presentedKey } from './error-bodies.ts';
import { plan, deltas, type Plan } from './respond.ts';
import { interrupt } from './stream-faults.ts';
import { field, faultHeaders, isStatusFault, messagesOf, numberField, sendJSON, sendMalformed, sendTruncatedJSON, sseFrame, Streamer, type Exchange } from './wire.ts';

function authorized(x: Exchange): boolean {
  if (x.apiKey === undefined) return true;
  const h = x.req.headers;
  return h['x-api-key'] === x.apiKey || h['authorization'] === `Bearer ${x.apiKey}`;
}

function stopReason(p: Plan, refused: boolean): string {
  if (refused) return 'refusal';
  return p.finish === 'length' ? 'max_tokens' : 'end_turn';
}

export async function handleAnthropic(x: Exchange): Promise<void> {
  if (!authorized(x)) {
    sendJSON(x.res, 401, anthropicErrorBody(401, `invalid x-api-key: ${presentedKey(x.req.headers)}`));
    return;
  }
  if (x.req.headers['anthropic-version'] === undefined) {
    sendJSON(x.res, 400, anthropicErrorBody(400, 'anthropic-version: header is required'));
    return;
  }
  const f = x.fault;
  if (isStatusFault(f)) {
    const msg = f.message ?? `fake ${f.status} (key ${presentedKey(x.req.headers)})`;
    sendJSON(x.res, f.status, anthropicErrorBody(f.status, msg, f.code), faultHeaders(f));
    return;
  }
  const maxTokens = numberField(x.body, 'max_tokens');
  if (maxTokens === undefined) {
    sendJSON(x.res, 400, anthropicErrorBody(400, 'max_tokens: Field required'));
    return;
  }
  const model = String(field(x.body, 'model') ?? 'claude-fake');
  const system = field(x.body, 'system');
  const messages = [...(typeof system === 'string' ? [{ role: 'system', content: system }] : []), ...messagesOf(x.body)];
  // Thinking blocks only when the request switches thinking on, as the real API does.
  const p = plan({ model, messages }, x.respond, maxTokens, field(field(x.body, 'thinking'), 'type') === 'enabled');
  const refused = f !== undefined && 'kind' in f && f.kind === 'content-filter';
  const usage = { input_tokens: p.inputTokens, output_tokens: p.outputTokens };
  const stream = field(x.body, 'stream') === true;

  if (!stream) {
    if (f !== undefined && 'kind' in f && f.kind === 'malformed') return sendMalformed(x.res);
    if (f !== undefined && 'kind' in f && f.kind === 'error-frame') {
      sendJSON(x.res, 529, anthropicErrorBody(529, 'Overloaded'));
      return;
    }
    const content: Record<string, unknown>[] = [];
    if (p.reasoning !== '') content.push({ type: 'thinking', thinking: p.reasoning, signature: 'sig-fake' });
    if (x.redactedThinking) content.push({ type: 'redacted_thinking', data: 'ZW5jcnlwdGVk' });
    if (!refused && p.content !== '') content.push({ type: 'text', text: p.content });
    const body = { id: `msg_fake_${x.n}`, type: 'message', role: 'assistant', model, content, stop_reason: stopReason(p, refused), stop_sequence: null, usage };
    if (f !== undefined && 'kind' in f && f.kind === 'truncate') return sendTruncatedJSON(x.res, body);
    sendJSON(x.res, 200, body);
    x.completed();
    return;
  }

  const s = new Streamer(x.res, x.chunkDelayMs);
  s.start();
  const ev = (type: string, data: Record<string, unknown>): string => sseFrame(JSON.stringify({ type, ...data }), type);
  const errorFrames = (): string[] => [ev('error', { error: { type: 'overloaded_error', message: 'Overloaded' } })];
  await s.write(ev('message_start', { message: { id: `msg_fake_${x.n}`, type: 'message', role: 'assistant', model, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: p.inputTokens, output_tokens: 1 } } }));
  if (f !== undefined && 'kind' in f && f.kind === 'malformed') {
    await s.write('event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"한\n\n');
    s.end();
    return;
  }
  let sent = 0;
  let index = 0;
  const block = async (start: Record<string, unknown>, pieces: Record<string, unknown>[], after: Record<string, unknown>[] = []): Promise<boolean> => {
    await s.write(ev('content_block_start', { index, content_block: start }));
    for (const delta of pieces) {
      if (await interrupt(f, sent, s, errorFrames)) return false;
      if (sent === 1) await s.write(ev('ping', {}));
      if (!(await s.write(ev('content_block_delta', { index, delta })))) return false;
      sent++;
    }
    for (const delta of after) await s.write(ev('content_block_delta', { index, delta }));
    await s.write(ev('content_block_stop', { index }));
    index++;
    return true;
  };
  if (p.reasoning !== '') {
    const ok = await block({ type: 'thinking', thinking: '' }, deltas(p.reasoning).map((t) => ({ type: 'thinking_delta', thinking: t })), [{ type: 'signature_delta', signature: 'sig-fake' }]);
    if (!ok) return;
  }
  if (x.redactedThinking) {
    await s.write(ev('content_block_start', { index, content_block: { type: 'redacted_thinking', data: 'ZW5jcnlwdGVk' } }));
    await s.write(ev('content_block_stop', { index }));
    index++;
  }
  if (!refused && p.content !== '') {
    if (!(await block({ type: 'text', text: '' }, deltas(p.content).map((t) => ({ type: 'text_delta', text: t }))))) return;
  }
  if (await interrupt(f, sent, s, errorFrames)) return;
  await s.write(ev('message_delta', { delta: { stop_reason: stopReason(p, refused), stop_sequence: null }, usage: { output_tokens: p.outputTokens } }));
  await s.write(ev('message_stop', {}));
  s.end();
  x.completed();
}
