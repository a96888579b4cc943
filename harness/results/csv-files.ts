/**
 * items.csv and summary.csv: derived from records, documented schemas (DESIGN.md), a
 * schema_version column first, written atomically.
 */
import { stringify } from 'csv-stringify/sync';
import type { RunRecord } from '../core/record.ts';
import type { Origin, Residency } from '../core/model.ts';
import { SUMMARY_SCHEMA_VERSION, type PairedDiff, type ScoreRow } from '../core/summary.ts';
import { AtomicWriter, writeFileAtomic } from './atomic.ts';

export const ITEMS_COLUMNS = ['schema_version', 'run_id', 'model', 'origin', 'residency', 'domain', 'task', 'item_id', 'status', 'prediction', 'gold', 'score', 'latency_ms', 'input_tokens', 'output_tokens', 'attempts', 'error'] as const;
export const SUMMARY_COLUMNS = ['schema_version', 'run_id', 'model', 'vendor', 'origin', 'residency', 'level', 'domain', 'task', 'metric', 'value', 'ci_low', 'ci_high', 'n', 'n_error', 'n_unparsed', 'pack_version', 'created_at'] as const;
export const ITEMS_SCHEMA_VERSION = 1;

/** Fractions with fixed precision so that files are byte-stable across runs. */
export const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(6) : '');

const asCell = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));

export function itemRow(r: RunRecord, model: { origin: Origin; residency: Residency }, score: number): string[] {
  return [
    String(ITEMS_SCHEMA_VERSION),
    r.run_id,
    r.model,
    model.origin,
    model.residency,
    r.domain,
    r.task,
    r.item_id,
    r.status,
    asCell(r.parsed ?? (r.status === 'unparsed' ? r.output : null)),
    asCell(r.gold),
    fmt(score),
    r.latency_ms === null ? '' : String(Math.round(r.latency_ms)),
    r.usage ? String(r.usage.input_tokens) : '',
    r.usage ? String(r.usage.output_tokens) : '',
    String(r.attempts),
    r.error ? `${r.error.code}${r.error.status ? ` ${r.error.status}` : ''}: ${r.error.message}` : '',
  ];
}

/** Rows may be any iterable (a generator streams a 100k-row file without holding it). */
export function writeItemsCsv(file: string, rows: Iterable<string[]>): void {
  const out = new AtomicWriter(file);
  try {
    out.write(stringify([[...ITEMS_COLUMNS]]));
    let batch: string[][] = [];
    for (const row of rows) {
      batch.push(row);
      if (batch.length === 1000) {
        out.write(stringify(batch));
        batch = [];
      }
    }
    if (batch.length) out.write(stringify(batch));
    out.commit();
  } catch (e) {
    out.abort();
    throw e;
  }
}

export function writeSummaryCsv(file: string, runId: string, createdAt: string, rows: ScoreRow[]): void {
  const body = rows.map((r) => [
    String(SUMMARY_SCHEMA_VERSION),
    runId,
    r.model,
    r.vendor,
    r.origin,
    r.residency,
    r.level,
    r.domain,
    r.task,
    r.metric,
    fmt(r.value),
    fmt(r.ci_low),
    fmt(r.ci_high),
    String(r.n),
    String(r.n_error),
    String(r.n_unparsed),
    r.pack_version,
    createdAt,
  ]);
  writeFileAtomic(file, stringify([[...SUMMARY_COLUMNS], ...body]));
}

export const COMPARISONS_COLUMNS = ['schema_version', 'run_id', 'model', 'baseline', 'domain', 'delta', 'ci_low', 'ci_high', 'p', 'p_holm', 'n'] as const;

/** Sovereign model − best global baseline per domain (paired bootstrap, Holm across domains). */
export function writeComparisonsCsv(file: string, runId: string, rows: PairedDiff[]): void {
  const body = rows.map((c) => [String(SUMMARY_SCHEMA_VERSION), runId, c.model, c.baseline, c.domain, fmt(c.delta), fmt(c.ci_low), fmt(c.ci_high), fmt(c.p), fmt(c.p_holm), String(c.n)]);
  writeFileAtomic(file, stringify([[...COMPARISONS_COLUMNS], ...body]));
}
