/**
 * Turns an attempt's result into a record: thinking kept apart, parsed into the gold's shape,
 * per-item scores, and a status that says exactly what happened.
 */
import type { ChatMessage, Generation, GenerationParams } from '../core/adapter.ts';
import type { AdapterErrorCode } from '../core/errors.ts';
import type { Item, TaskPack } from '../core/pack.ts';
import { RECORD_SCHEMA_VERSION, type RecordStatus, type RunRecord } from '../core/record.ts';
import { parseOutput } from '../scoring/parsers.ts';
import { SCORERS } from '../scoring/score-task.ts';
import { koreanRatio } from '../text/hangul.ts';
import { splitThinking } from '../text/thinking.ts';
import type { AttemptResult } from './attempt.ts';

/** Errors that stop a whole model: asking again with the same key or model cannot help. */
export const STOPS_MODEL: ReadonlySet<AdapterErrorCode> = new Set(['auth', 'forbidden', 'not_found', 'quota']);

export interface UnitContext {
  runId: string;
  model: string;
  pack: TaskPack;
  item: Item;
  key: string;
  messages: ChatMessage[];
  params: GenerationParams;
  startedAt: string;
}

/**
 * Max tokens reached while still thinking: no answer yet, or (templates that open the thinking
 * block in the prompt and were cut before `</think>`) every output token was a thinking token.
 */
function cutInThinking(g: Generation, answer: string, reasoning: string | null): boolean {
  if (g.finishReason !== 'length') return false;
  if (answer === '' && reasoning) return true;
  const u = g.usage;
  return !!u && u.outputTokens > 0 && (u.reasoningTokens ?? 0) >= u.outputTokens;
}

export function buildRecord(ctx: UnitContext, result: AttemptResult): RunRecord {
  if (!result.ok) {
    const e = result.error;
    return makeRecord(ctx, result.attempts, {
      output: null,
      reasoning: null,
      finish_reason: null,
      parsed: null,
      status: e.code === 'content_filter' ? 'filtered' : 'error',
      error: { code: e.code, ...(e.status ? { status: e.status } : {}), message: e.message },
      scores: { score: 0 },
      korean_ratio: null,
      latency_ms: null,
      ttft_ms: null,
      usage: null,
      warnings: [],
    });
  }
  const g = result.generation;
  const split = splitThinking(g.text);
  let reasoning = [g.reasoning, split.reasoning].filter((r): r is string => !!r && r.trim() !== '').join('\n') || null;
  const answer = split.answer;
  let status: RecordStatus;
  let parsed: unknown = null;
  let error: RunRecord['error'] = null;
  if (g.finishReason === 'content_filter') {
    status = 'filtered';
    error = { code: 'content_filter', message: 'the provider refused for content policy' };
  } else if (split.unterminated || cutInThinking(g, answer, reasoning)) {
    status = 'incomplete';
    // Text cut before `</think>` with the tag opened by the template is thinking, not an answer.
    if (!reasoning && answer) reasoning = answer;
    error = { code: 'parse', message: 'cut off inside the thinking block (max tokens reached before an answer)' };
  } else {
    const p = parseOutput(ctx.pack, answer);
    if (p.ok) {
      status = 'ok';
      parsed = p.value;
    } else {
      status = 'unparsed';
      error = { code: 'parse', message: p.reason };
    }
  }
  const scoring = SCORERS[ctx.pack.kind](ctx.pack, [{ gold: ctx.item.gold, input: ctx.item.input, parsed: status === 'ok' ? parsed : null }]);
  return makeRecord(ctx, result.attempts, {
    output: g.text,
    reasoning,
    finish_reason: g.finishReason,
    parsed,
    status,
    error,
    scores: { score: scoring.itemScore[0]!, ...scoring.perItem[0] },
    korean_ratio: koreanRatio(answer),
    latency_ms: g.latencyMs,
    ttft_ms: g.ttftMs ?? null,
    usage: g.usage ? { input_tokens: g.usage.inputTokens, output_tokens: g.usage.outputTokens, ...(g.usage.reasoningTokens !== undefined ? { reasoning_tokens: g.usage.reasoningTokens } : {}) } : null,
    warnings: g.warnings,
  });
}

type RecordBody = Pick<RunRecord, 'output' | 'reasoning' | 'finish_reason' | 'parsed' | 'status' | 'error' | 'scores' | 'korean_ratio' | 'latency_ms' | 'ttft_ms' | 'usage' | 'warnings'>;

/**
 * The record as one object literal, fields in schema order. Not `{ ...base, ...rest }`: V8 spreads
 * of these ~25-key objects cost ~20 µs each (measured in bench/), a tenth of the runner's own
 * per-item time at 0 ms latency.
 */
function makeRecord(ctx: UnitContext, attempts: number, o: RecordBody): RunRecord {
  return {
    schema_version: RECORD_SCHEMA_VERSION,
    run_id: ctx.runId,
    key: ctx.key,
    model: ctx.model,
    task: ctx.pack.id,
    task_version: ctx.pack.version,
    domain: ctx.pack.domain,
    item_id: ctx.item.id,
    messages: ctx.messages,
    params: ctx.params,
    gold: ctx.item.gold,
    attempts,
    started_at: ctx.startedAt,
    finished_at: new Date().toISOString(),
    output: o.output,
    reasoning: o.reasoning,
    finish_reason: o.finish_reason,
    parsed: o.parsed,
    status: o.status,
    error: o.error,
    scores: o.scores,
    korean_ratio: o.korean_ratio,
    latency_ms: o.latency_ms,
    ttft_ms: o.ttft_ms,
    usage: o.usage,
    warnings: o.warnings,
  };
}
