/**
 * Building a CLOVA Studio native request: URL (version, optional app prefix, model in the
 * path), headers (Bearer or the legacy key pair, a request id), and the camelCase body whose
 * field names differ between v1 and v3 (protocols.md §1.1, §1.3, §1.4).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ChatMessage, GenerationParams } from '../harness/core/adapter.ts';
import type { AdapterKeys } from './registry-types.ts';

export const ClovaOptionsSchema = z.object({
  apiVersion: z.enum(['v1', 'v3']).default('v3'),
  /** Legacy keys were bound to a test or service app; current keys need no prefix. */
  appPrefix: z.enum(['testapp', 'serviceapp', '']).default(''),
  /** HCX-007 counts thinking in `maxCompletionTokens`; the two fields cannot be combined. */
  maxTokensField: z.enum(['maxTokens', 'maxCompletionTokens']).default('maxTokens'),
  /** HCX-007 `thinking.effort` (`none | low | medium | high`; `high` is [T]). */
  thinkingEffort: z.enum(['none', 'low', 'medium', 'high']).optional(),
  /** Default: `legacy` when a second key (apiKeyEnv2) is configured, else `bearer`. */
  authStyle: z.enum(['bearer', 'legacy']).optional(),
  includeAiFilters: z.boolean().optional(),
  inlineThinking: z.boolean().default(true),
  dropParams: z.array(z.string()).default([]),
  headers: z.record(z.string(), z.string()).default({}),
});
export type ClovaOptions = z.infer<typeof ClovaOptionsSchema>;

export const DEFAULT_CLOVA_BASE_URL = 'https://clovastudio.stream.ntruss.com';

export function clovaURL(baseURL: string | undefined, o: ClovaOptions, model: string): string {
  const base = (baseURL ?? DEFAULT_CLOVA_BASE_URL).replace(/\/+$/, '');
  const prefix = o.appPrefix === '' ? '' : `/${o.appPrefix}`;
  return `${base}${prefix}/${o.apiVersion}/chat-completions/${encodeURIComponent(model)}`;
}

export function clovaHeaders(keys: AdapterKeys, o: ClovaOptions, stream: boolean): Record<string, string> {
  const style = o.authStyle ?? (keys.apiKey2 ? 'legacy' : 'bearer');
  const auth: Record<string, string> =
    style === 'legacy'
      ? {
          'X-NCP-CLOVASTUDIO-API-KEY': keys.apiKey ?? '',
          ...(keys.apiKey2 ? { 'X-NCP-APIGW-API-KEY': keys.apiKey2 } : {}),
        }
      : keys.apiKey
        ? { Authorization: `Bearer ${keys.apiKey}` }
        : {};
  return {
    ...o.headers,
    ...auth,
    // Streaming is negotiated by Accept, not by a body flag (protocols.md §1.1).
    Accept: stream ? 'text/event-stream' : 'application/json',
    'X-NCP-CLOVASTUDIO-REQUEST-ID': `kseval-${randomUUID()}`,
  };
}

/** v1 wants 0 < temperature ≤ 1 [V]; an eval at temperature 0 is sent as the smallest allowed value. */
const V1_MIN_TEMPERATURE = 0.01;

export function clovaBody(messages: ChatMessage[], p: GenerationParams, o: ClovaOptions): { body: Record<string, unknown>; warnings: string[] } {
  const warnings: string[] = [];
  const v1 = o.apiVersion === 'v1';
  const body: Record<string, unknown> = { ...(p.extra ?? {}) };
  body['messages'] = messages;
  if (p.temperature !== undefined) {
    const t = v1 && p.temperature < V1_MIN_TEMPERATURE ? V1_MIN_TEMPERATURE : p.temperature;
    if (t !== p.temperature) warnings.push(`temperature ${p.temperature} sent as ${t}: CLOVA v1 requires 0 < temperature`);
    body['temperature'] = t;
  }
  if (p.top_p !== undefined) body['topP'] = p.top_p;
  if (p.top_k !== undefined) body['topK'] = p.top_k;
  if (p.seed !== undefined) body['seed'] = p.seed;
  if (p.repetition_penalty !== undefined) body[v1 ? 'repeatPenalty' : 'repetitionPenalty'] = p.repetition_penalty;
  if (p.stop !== undefined) body[v1 ? 'stopBefore' : 'stop'] = p.stop;
  if (p.max_tokens !== undefined) body[v1 ? 'maxTokens' : o.maxTokensField] = p.max_tokens;
  if (o.thinkingEffort !== undefined) {
    if (v1) warnings.push('thinkingEffort ignored: CLOVA v1 has no thinking setting');
    else body['thinking'] = { effort: o.thinkingEffort };
  }
  if (o.includeAiFilters !== undefined) body['includeAiFilters'] = o.includeAiFilters;
  return { body, warnings };
}
