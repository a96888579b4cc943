/**
 * Zod schemas for OpenAI-style chat responses, loose enough for every server that speaks it.
 *
 * Non-strict objects on purpose (vLLM adds `stop_reason`, llama.cpp `timings`, SKT
 * `prompt_logprobs`), nullable where servers send `null` (SKT's `reasoning_content: null`),
 * optional where servers omit (Gemini sometimes drops `message` or `completion_tokens`).
 */
import { z } from 'zod';
import type { Usage } from '../harness/core/adapter.ts';

/** The three names thinking text travels under (protocols.md §5.5.1), read in this order. */
const ReasoningFields = {
  reasoning: z.string().nullish(),
  reasoning_content: z.string().nullish(),
  thinking_content: z.string().nullish(),
};

const MessageSchema = z.object({ content: z.string().nullish(), refusal: z.string().nullish(), ...ReasoningFields });

export const UsageSchema = z.object({
  prompt_tokens: z.number().nullish(),
  completion_tokens: z.number().nullish(),
  completion_tokens_details: z.object({ reasoning_tokens: z.number().nullish() }).nullish(),
});

export const CompletionSchema = z.object({
  model: z.string().nullish(),
  choices: z.array(z.object({ message: MessageSchema.nullish(), finish_reason: z.string().nullish() })).min(1),
  usage: UsageSchema.nullish(),
});

export const ChunkSchema = z.object({
  choices: z.array(z.object({ index: z.number().nullish(), delta: MessageSchema.nullish(), finish_reason: z.string().nullish() })).nullish(),
  usage: UsageSchema.nullish(),
});

export type ChatMessageFields = z.infer<typeof MessageSchema>;

export function pickReasoning(m: ChatMessageFields | null | undefined): string | undefined {
  if (!m) return undefined;
  // `||` not `??`: an empty string in the first field must not hide text in the next.
  return m.reasoning || m.reasoning_content || m.thinking_content || undefined;
}

export function toUsage(u: z.infer<typeof UsageSchema> | null | undefined): Usage | undefined {
  if (!u || (u.prompt_tokens == null && u.completion_tokens == null)) return undefined;
  const reasoning = u.completion_tokens_details?.reasoning_tokens;
  return {
    inputTokens: u.prompt_tokens ?? 0,
    outputTokens: u.completion_tokens ?? 0,
    ...(typeof reasoning === 'number' ? { reasoningTokens: reasoning } : {}),
  };
}

/** Any of the error envelopes in a data frame (protocols.md §5.5.4: errors inside a 200 stream). */
export function isErrorFrame(value: unknown): boolean {
  if (Array.isArray(value)) return true;
  if (value === null || typeof value !== 'object') return false;
  return ('error' in value && value.error != null) || ('object' in value && value.object === 'error');
}
