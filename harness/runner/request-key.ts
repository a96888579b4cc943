/**
 * The request key identifies one unit of work completely: the model spec fields that change
 * the answer, the rendered messages and the generation parameters. Same key → same unit, so
 * records from several files (resumes, workers) merge without duplicates.
 */
import { createHash } from 'node:crypto';
import type { ChatMessage, GenerationParams } from '../core/adapter.ts';
import type { ModelSpec } from '../core/model.ts';

/** JSON with object keys sorted, so that key order never changes a hash. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function requestKey(spec: ModelSpec, messages: ChatMessage[], params: GenerationParams): string {
  const identity = { adapter: spec.adapter, model: spec.model, baseURL: spec.baseURL ?? null, options: spec.options ?? null };
  return createHash('sha256').update(stableJson({ identity, messages, params })).digest('hex').slice(0, 32);
}
