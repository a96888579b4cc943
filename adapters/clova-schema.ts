/**
 * CLOVA Studio native response shapes (protocols.md §1.3, §1.4), v1 and v3 in one set of
 * loose schemas: v1 reports `stopReason` and `inputLength`/`outputLength`, v3 `finishReason`
 * and camelCase `usage`; HCX-007 adds `thinkingContent`.
 */
import { z } from 'zod';
import type { Usage } from '../harness/core/adapter.ts';

const Code = z.union([z.string(), z.number()]);

const MessageSchema = z.object({ content: z.string().nullish(), thinkingContent: z.string().nullish() });

const AiFilterSchema = z.object({
  groupName: z.string().nullish(),
  name: z.string().nullish(),
  score: Code.nullish(),
  result: z.string().nullish(),
});

export const ResultSchema = z.object({
  message: MessageSchema.nullish(),
  finishReason: z.string().nullish(),
  stopReason: z.string().nullish(),
  usage: z
    .object({
      promptTokens: z.number().nullish(),
      completionTokens: z.number().nullish(),
      // The reasoning-token key is [U]: read both places it has been reported.
      thinkingTokens: z.number().nullish(),
      completionTokensDetails: z.object({ thinkingTokens: z.number().nullish() }).nullish(),
    })
    .nullish(),
  inputLength: z.number().nullish(),
  outputLength: z.number().nullish(),
  aiFilter: z.array(AiFilterSchema).nullish(),
});
export type ClovaResult = z.infer<typeof ResultSchema>;

export const EnvelopeSchema = z.object({
  status: z.object({ code: Code, message: z.string().nullish() }).nullish(),
  result: ResultSchema.nullish(),
});

export const TokenFrameSchema = z.object({ message: MessageSchema.nullish(), finishReason: z.string().nullish() });

/** `20000 OK` and `20400 No content` are the success codes; anything else in a 200 is a failure. */
export const OK_CODES = new Set(['20000', '20400']);

export function clovaUsage(r: ClovaResult): Usage | undefined {
  const u = r.usage;
  if (u && (u.promptTokens != null || u.completionTokens != null)) {
    const thinking = u.completionTokensDetails?.thinkingTokens ?? u.thinkingTokens;
    return {
      inputTokens: u.promptTokens ?? 0,
      outputTokens: u.completionTokens ?? 0,
      ...(typeof thinking === 'number' ? { reasoningTokens: thinking } : {}),
    };
  }
  if (r.inputLength != null || r.outputLength != null) return { inputTokens: r.inputLength ?? 0, outputTokens: r.outputLength ?? 0 };
  return undefined;
}

/** AI filter scores are informational; a flagged one becomes a warning on the Generation. */
export function aiFilterWarnings(r: ClovaResult): string[] {
  return (r.aiFilter ?? [])
    .filter((f) => f.result != null && f.result !== 'OK')
    .map((f) => `CLOVA AI filter ${f.groupName ?? '?'}/${f.name ?? '?'}: ${f.result ?? ''} (score ${String(f.score ?? '?')})`);
}
