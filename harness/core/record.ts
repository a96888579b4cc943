/**
 * A record: one (model, item) outcome, one line of records.jsonl.
 *
 * Records are the source of truth of a run: items.csv and summary.csv are derived from them,
 * and they hold everything needed to re-score without calling the model again (messages,
 * raw output, gold). Records from several files merge without duplicates: the same `key`
 * is the same unit of work.
 */
import type { ChatMessage, FinishReason, GenerationParams } from './adapter.ts';
import type { AdapterErrorCode } from './errors.ts';
import type { Gold } from './pack.ts';

export const RECORD_SCHEMA_VERSION = 1;

/**
 * - `ok`: parsed and scored.
 * - `unparsed`: the output could not be read into the gold's shape (scored as wrong).
 * - `incomplete`: cut off (max tokens) before an answer, e.g. inside a thinking block.
 * - `filtered`: the provider refused for content policy.
 * - `error`: no usable answer after retries.
 * All but `ok` count as wrong answers; `incomplete`, `filtered` and `error` count in `n_error`.
 */
export const RECORD_STATUSES = ['ok', 'unparsed', 'incomplete', 'filtered', 'error'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

/** The statuses that count in `n_error`. */
export const ERROR_STATUSES: ReadonlySet<string> = new Set<RecordStatus>(['error', 'incomplete', 'filtered']);

/**
 * Whether a resumed run asks a finished unit again (its request key unchanged): an error asks
 * again under --retry-errors, or when no attempt was made (its model had been stopped).
 */
export function asksAgain(r: { status: string; attempts: number }, retryErrors: boolean): boolean {
  return ERROR_STATUSES.has(r.status) && (retryErrors || r.attempts === 0);
}

export interface RunRecord {
  schema_version: number;
  run_id: string;
  /** Request key: hash of the model spec, rendered messages and generation parameters. */
  key: string;
  model: string;
  task: string;
  task_version: string;
  domain: string;
  item_id: string;
  messages: ChatMessage[];
  params: GenerationParams;
  output: string | null;
  reasoning: string | null;
  finish_reason: FinishReason | null;
  parsed: unknown;
  gold: Gold;
  status: RecordStatus;
  error: { code: AdapterErrorCode | 'parse'; status?: number; message: string } | null;
  /** Per-item scores (e.g. `f1.char`, `correct`) for drill-down; task scores are corpus-level. */
  scores: Record<string, number>;
  /** Share of Hangul among the letters of the answer (null when it has no letters). */
  korean_ratio: number | null;
  latency_ms: number | null;
  ttft_ms: number | null;
  usage: { input_tokens: number; output_tokens: number; reasoning_tokens?: number } | null;
  /** Attempts made (1 = no retry). */
  attempts: number;
  warnings: string[];
  started_at: string;
  finished_at: string;
}
