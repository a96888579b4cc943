/**
 * Anthropic Messages API shapes (protocols.md §6.3): a message is a list of content blocks
 * (`text`, `thinking`, `redacted_thinking`, `tool_use`, and whatever is added later), a
 * `stop_reason`, and usage whose cached input is reported apart from `input_tokens`.
 */
import { z } from 'zod';
import type { Usage } from '../harness/core/adapter.ts';

export const BlockSchema = z.object({
  type: z.string(),
  text: z.string().nullish(),
  thinking: z.string().nullish(),
});

export const AnthropicUsageSchema = z.object({
  input_tokens: z.number().nullish(),
  output_tokens: z.number().nullish(),
  cache_read_input_tokens: z.number().nullish(),
  cache_creation_input_tokens: z.number().nullish(),
});
type AnthropicUsage = z.infer<typeof AnthropicUsageSchema>;

export const MessageSchema = z.object({
  model: z.string().nullish(),
  content: z.array(BlockSchema),
  stop_reason: z.string().nullish(),
  usage: AnthropicUsageSchema.nullish(),
});

export const StreamEventSchemas = {
  message_start: z.object({ message: z.object({ usage: AnthropicUsageSchema.nullish() }) }),
  content_block_start: z.object({ index: z.number(), content_block: BlockSchema }),
  content_block_delta: z.object({
    index: z.number(),
    delta: z.object({ type: z.string(), text: z.string().nullish(), thinking: z.string().nullish() }),
  }),
  message_delta: z.object({ delta: z.object({ stop_reason: z.string().nullish() }), usage: AnthropicUsageSchema.nullish() }),
};

/** Cached input is billed and counted apart from `input_tokens`; the prompt is all three. */
export function anthropicUsage(u: AnthropicUsage | null | undefined): Usage | undefined {
  if (!u || (u.input_tokens == null && u.output_tokens == null)) return undefined;
  return {
    inputTokens: (u.input_tokens ?? 0) + (u.cache_read_input_tokens ?? 0) + (u.cache_creation_input_tokens ?? 0),
    outputTokens: u.output_tokens ?? 0,
  };
}

export interface Blocks {
  text: string;
  thinking: string[];
  redacted: number;
}

export function readBlocks(blocks: readonly z.infer<typeof BlockSchema>[]): Blocks {
  const out: Blocks = { text: '', thinking: [], redacted: 0 };
  for (const b of blocks) {
    if (b.type === 'text') out.text += b.text ?? '';
    else if (b.type === 'thinking' && b.thinking) out.thinking.push(b.thinking);
    else if (b.type === 'redacted_thinking') out.redacted++;
  }
  return out;
}
