/**
 * Reads an Anthropic Messages stream: named events, `ping`s anywhere, an `error` event that can
 * arrive mid-stream with HTTP 200 (overloaded), and `message_stop` as the only terminator.
 * Unknown events are ignored (Anthropic adds them); a stream that ends before `message_stop`
 * is cut off.
 */
import type { z } from 'zod';
import { StreamEventSchemas, type AnthropicUsageSchema, type Blocks } from './anthropic-schema.ts';
import { frameJSON, type StreamContext } from './http.ts';
import { errorFromStreamFrame, errorFromThrown, malformedResponse, streamCutOff } from './errors.ts';
import { readSSE } from './sse.ts';

export interface AnthropicStreamed extends Blocks {
  stopReason?: string;
  usage: z.infer<typeof AnthropicUsageSchema>;
  ttftMs?: number;
  frames: number;
}


function parse<S extends z.ZodType>(schema: S, data: string, event: string, ctx: StreamContext): z.infer<S> {
  const json = frameJSON(data, ctx.provider, `${event} frame`);
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw malformedResponse(ctx.provider, `${event} frame of unexpected shape`, false, ctx.secrets);
  return parsed.data;
}

export async function readAnthropicStream(response: Response, ctx: StreamContext): Promise<AnthropicStreamed> {
  if (!response.body) throw streamCutOff(ctx.provider, 'the response had no body');
  const out: AnthropicStreamed = { text: '', thinking: [], redacted: 0, usage: {}, frames: 0 };
  /** Thinking text per block index, so separate blocks stay separate. */
  const thinking = new Map<number, string>();
  const firstToken = (): void => {
    if (out.ttftMs === undefined) out.ttftMs = performance.now() - ctx.startedAt;
  };
  try {
    for await (const frame of readSSE(response.body)) {
      out.frames++;
      const event = frame.event ?? '';
      if (event === 'message_stop') {
        out.thinking = [...thinking.entries()].sort(([a], [b]) => a - b).map(([, t]) => t).filter((t) => t !== '');
        return out;
      }
      if (event === 'error') {
        let body: unknown;
        try {
          body = JSON.parse(frame.data);
        } catch {
          body = { error: { message: frame.data } };
        }
        throw errorFromStreamFrame(ctx.provider, body, ctx.secrets);
      }
      if (event === 'message_start') {
        const e = parse(StreamEventSchemas.message_start, frame.data, event, ctx);
        out.usage = { ...out.usage, ...(e.message.usage ?? {}) };
      } else if (event === 'content_block_start') {
        const e = parse(StreamEventSchemas.content_block_start, frame.data, event, ctx);
        if (e.content_block.type === 'redacted_thinking') out.redacted++;
        if (e.content_block.type === 'thinking') thinking.set(e.index, e.content_block.thinking ?? '');
        if (e.content_block.type === 'text') out.text += e.content_block.text ?? '';
      } else if (event === 'content_block_delta') {
        const e = parse(StreamEventSchemas.content_block_delta, frame.data, event, ctx);
        if (e.delta.type === 'text_delta' && e.delta.text) {
          firstToken();
          out.text += e.delta.text;
        } else if (e.delta.type === 'thinking_delta' && e.delta.thinking) {
          firstToken();
          thinking.set(e.index, (thinking.get(e.index) ?? '') + e.delta.thinking);
        }
      } else if (event === 'message_delta') {
        const e = parse(StreamEventSchemas.message_delta, frame.data, event, ctx);
        if (e.delta.stop_reason) out.stopReason = e.delta.stop_reason;
        // `usage.output_tokens` in message_delta is cumulative: it replaces, never adds.
        if (e.usage) out.usage = { ...out.usage, ...Object.fromEntries(Object.entries(e.usage).filter(([, v]) => v != null)) };
      }
      // `ping`, `content_block_stop` and events added later carry nothing we need.
    }
  } catch (err) {
    throw errorFromThrown(err, { ...ctx, phase: 'stream' });
  }
  throw streamCutOff(ctx.provider, 'no message_stop event');
}
