/**
 * Reads a CLOVA Studio SSE stream (protocols.md §1.3–1.4): `token` frames carry deltas, `result`
 * repeats the WHOLE message with usage (so it replaces the deltas, never adds to them — appending
 * would double the answer), `signal` `[DONE]` may or may not follow ([U] for v3), and
 * `event: error` carries a `status` envelope. A stream that ends before `result` is cut off.
 */
import { frameJSON, type StreamContext } from './http.ts';
import { errorFromStreamFrame, errorFromThrown, malformedResponse, streamCutOff } from './errors.ts';
import { ResultSchema, TokenFrameSchema, type ClovaResult } from './clova-schema.ts';
import { readSSE } from './sse.ts';

export interface ClovaStreamed {
  result: ClovaResult;
  /** Deltas as they arrived, kept to compare with `result` (and as a fallback if it is empty). */
  streamedContent: string;
  streamedThinking: string;
  ttftMs?: number;
  frames: number;
}


/** Some clients report `result` wrapped in the non-stream envelope; accept both. */
function unwrap(json: unknown): unknown {
  return json !== null && typeof json === 'object' && 'result' in json && json.result !== null && typeof json.result === 'object' ? json.result : json;
}

export async function readClovaStream(response: Response, ctx: StreamContext): Promise<ClovaStreamed> {
  if (!response.body) throw streamCutOff(ctx.provider, 'the response had no body');
  let streamedContent = '';
  let streamedThinking = '';
  let ttftMs: number | undefined;
  let frames = 0;
  try {
    for await (const frame of readSSE(response.body)) {
      frames++;
      const event = frame.event ?? 'token';
      if (event === 'signal') break;
      if (event === 'error') throw errorFromStreamFrame(ctx.provider, frameJSON(frame.data, ctx.provider), ctx.secrets);
      if (event === 'token') {
        const token = TokenFrameSchema.safeParse(frameJSON(frame.data, ctx.provider));
        if (!token.success) throw malformedResponse(ctx.provider, 'token frame of unexpected shape', false, ctx.secrets);
        const text = token.data.message?.content ?? '';
        const thought = token.data.message?.thinkingContent ?? '';
        if (ttftMs === undefined && (text !== '' || thought !== '')) ttftMs = performance.now() - ctx.startedAt;
        streamedContent += text;
        streamedThinking += thought;
      } else if (event === 'result') {
        const result = ResultSchema.safeParse(unwrap(frameJSON(frame.data, ctx.provider)));
        if (!result.success) throw malformedResponse(ctx.provider, 'result frame of unexpected shape', false, ctx.secrets);
        // `result` is complete: stop here rather than wait on a `signal` that v3 may never send.
        return { result: result.data, streamedContent, streamedThinking, ttftMs, frames };
      }
      // Unknown event names are skipped: providers add events.
    }
  } catch (err) {
    throw errorFromThrown(err, { ...ctx, phase: 'stream' });
  }
  throw streamCutOff(ctx.provider, 'no `result` event');
}
