/**
 * Provider finish/stop reasons → the harness's `FinishReason`.
 *
 * One literal table for every protocol: OpenAI (`stop`, `length`, `content_filter`), vLLM/TGI
 * (`eos_token`, `stop_sequence`), CLOVA v1 (`end_token`, `stop_before`), Anthropic (`end_turn`,
 * `max_tokens`, `refusal`). An unknown value maps to `unknown` with a warning, so a provider that
 * adds a reason shows up in the results instead of being silently read as `stop`.
 */
import type { FinishReason, Generation } from '../harness/core/adapter.ts';
import { contentFiltered } from './errors.ts';

export const FINISH_REASONS: Record<string, FinishReason> = {
  stop: 'stop',
  eos: 'stop',
  eos_token: 'stop',
  end_token: 'stop',
  end_turn: 'stop',
  stop_before: 'stop',
  stop_sequence: 'stop',
  length: 'length',
  max_tokens: 'length',
  model_length: 'length',
  model_context_window_exceeded: 'length',
  tool_calls: 'tool_calls',
  function_call: 'tool_calls',
  tool_use: 'tool_calls',
  content_filter: 'content_filter',
  refusal: 'content_filter',
};

export function mapFinish(raw: string | null | undefined, warnings: string[]): FinishReason {
  if (raw === null || raw === undefined || raw === '') {
    warnings.push('the provider reported no finish reason');
    return 'unknown';
  }
  const known = FINISH_REASONS[raw.toLowerCase()];
  if (known) return known;
  warnings.push(`unrecognised finish reason "${raw}"`);
  return 'unknown';
}

/** `mapFinish`, and a refusal thrown as `content_filter` (`field` names the provider's field). */
export function finishOrRefuse(raw: string | null | undefined, warnings: string[], provider: string, field: string): FinishReason {
  const finishReason = mapFinish(raw, warnings);
  if (finishReason === 'content_filter') throw contentFiltered(provider, `${field} ${raw ?? ''}`);
  return finishReason;
}

/** The adapters' answer, with the optional fields left out rather than undefined. */
export function toGeneration(g: Omit<Generation, 'latencyMs' | 'reasoning' | 'usage' | 'ttftMs'> & { reasoning?: string | undefined; usage?: Generation['usage']; ttftMs?: number | undefined; startedAt: number }): Generation {
  return {
    text: g.text,
    ...(g.reasoning !== undefined ? { reasoning: g.reasoning } : {}),
    finishReason: g.finishReason,
    ...(g.usage ? { usage: g.usage } : {}),
    latencyMs: performance.now() - g.startedAt,
    ...(g.ttftMs !== undefined ? { ttftMs: g.ttftMs } : {}),
    warnings: g.warnings,
    raw: g.raw,
  };
}
