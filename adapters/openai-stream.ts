/**
 * Reads an OpenAI-style chat stream into one answer.
 *
 * We parse the SSE ourselves (adapters/sse.ts) instead of iterating the SDK's `Stream`, because
 * the SDK hides what we must know: it ends quietly when the connection drops before `[DONE]`,
 * returns quietly when aborted (so a timeout looks like a short answer), and logs unparsable
 * frames to the console. Here every one of those is an `AdapterError`.
 *
 * Handled: the usage chunk with `choices: []` (stream_options.include_usage), `: ping` comments,
 * reasoning deltas under any of the three field names, an error object in a data frame (vLLM,
 * TGI), and a stream that ends without a finish_reason (→ `stream_error`, retryable).
 */
import type { z } from 'zod';
import { frameJSON, type StreamContext } from './http.ts';
import { errorFromStreamFrame, errorFromThrown, malformedResponse, streamCutOff } from './errors.ts';
import { ChunkSchema, isErrorFrame, pickReasoning, type UsageSchema } from './openai-schema.ts';
import { readSSE } from './sse.ts';

export interface StreamedChat {
  content: string;
  reasoning: string;
  finishReason?: string;
  usage?: z.infer<typeof UsageSchema>;
  ttftMs?: number;
  sawDone: boolean;
  frames: number;
  model?: string;
}


export async function readChatStream(response: Response, ctx: StreamContext): Promise<StreamedChat> {
  const out: StreamedChat = { content: '', reasoning: '', sawDone: false, frames: 0 };
  if (!response.body) throw streamCutOff(ctx.provider, 'the response had no body');
  try {
    for await (const frame of readSSE(response.body)) {
      out.frames++;
      if (frame.data.trim() === '[DONE]') {
        out.sawDone = true;
        break;
      }
      const json = frameJSON(frame.data, ctx.provider);
      if (isErrorFrame(json)) throw errorFromStreamFrame(ctx.provider, json, ctx.secrets);
      const chunk = ChunkSchema.safeParse(json);
      if (!chunk.success) throw malformedResponse(ctx.provider, `stream chunk: ${chunk.error.issues[0]?.message ?? 'bad shape'}`, false, ctx.secrets);
      if (chunk.data.usage) out.usage = chunk.data.usage;
      const choice = chunk.data.choices?.find((c) => (c.index ?? 0) === 0);
      if (!choice) continue;
      const text = choice.delta?.content ?? '';
      const thought = pickReasoning(choice.delta) ?? '';
      if (out.ttftMs === undefined && (text !== '' || thought !== '')) out.ttftMs = performance.now() - ctx.startedAt;
      out.content += text;
      out.reasoning += thought;
      if (choice.finish_reason) out.finishReason = choice.finish_reason;
    }
  } catch (err) {
    throw errorFromThrown(err, { ...ctx, phase: 'stream' });
  }
  if (out.finishReason === undefined) {
    throw streamCutOff(ctx.provider, out.sawDone ? '[DONE] arrived before any finish_reason' : 'no finish_reason and no [DONE]');
  }
  return out;
}
