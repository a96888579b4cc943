/**
 * leaderboard.json: the board for machines, documented in SCHEMA.md (`schema_version` 1).
 * Numbers are rounded to 6 decimals and keys come in a fixed order, so the same inputs and seed
 * give the same bytes. Every input file is listed with its sha256.
 */
import type { Board, BoardRow, ScoreCell, TaskResult } from './board.ts';
import { COMPARISON_METHOD, INTERVAL_NOTE, RANK_RULE } from './format.ts';
import { ALPHA } from './paired.ts';

export const LEADERBOARD_SCHEMA_VERSION = 1;

const r6 = (x: number): number | null => (Number.isFinite(x) ? Number(x.toFixed(6)) : null);
const r6n = (x: number | null): number | null => (x === null ? null : r6(x));

function taskJson(t: TaskResult) {
  return {
    task: t.task,
    pack_version: t.version,
    domain: t.domain,
    run_id: t.runId,
    created_at: t.createdAt,
    metric: t.metric,
    value: r6(t.value),
    ci_low: r6n(t.ciLow),
    ci_high: r6n(t.ciHigh),
    n: t.n,
    n_error: t.nError,
    n_unparsed: t.nUnparsed,
    source: `${t.source.file}:${t.source.line}`,
  };
}

function cellJson(cell: ScoreCell) {
  return {
    value: r6(cell.value),
    ci_low: cell.ci ? r6(cell.ci[0]) : null,
    ci_high: cell.ci ? r6(cell.ci[1]) : null,
    interval: cell.interval,
    rank: cell.rank,
    run_ids: [...new Set(cell.sources.map((t) => t.runId))],
    tasks: cell.sources.map((t) => `${t.task}@${t.version}`),
  };
}

function rowJson(row: BoardRow) {
  return {
    id: row.id,
    model: row.model,
    vendor: row.vendor,
    origin: row.origin,
    residency: row.residency,
    open_weights: row.openWeights,
    run_ids: row.runIds,
    latest_run_id: row.latestRunId,
    run_date: row.runDate,
    overall_column: row.overallColumn,
    rank: row.cells.get(row.overallColumn)!.rank,
    items: row.items,
    n_error: row.nError,
    n_unparsed: row.nUnparsed,
    error_rate: row.items > 0 ? r6(row.nError / row.items) : null,
    unparsed_rate: row.items > 0 ? r6(row.nUnparsed / row.items) : null,
    cost: row.cost
      ? { currency: row.cost.currency, per_1000_items: r6(row.cost.per1000Items), items_with_usage: row.cost.itemsWithUsage, input_tokens: row.cost.inputTokens, output_tokens: row.cost.outputTokens }
      : null,
    cost_note: row.costNote ?? null,
    cells: Object.fromEntries([...row.cells].map(([id, cell]) => [id, cellJson(cell)])),
    tasks: row.tasks.map(taskJson),
  };
}

export function boardJson(board: Board, harnessVersion: string) {
  return {
    schema_version: LEADERBOARD_SCHEMA_VERSION,
    generator: { name: 'kseval', version: harnessVersion },
    method: {
      scores: INTERVAL_NOTE,
      rank_rule: RANK_RULE,
      comparison: COMPARISON_METHOD,
      bootstrap: board.bootstrap,
      seed: board.seed,
      alpha: ALPHA,
    },
    options: { all_runs: board.allRuns, pack_versions: board.packVersions },
    inputs: board.files.map((f) => ({ path: f.path, kind: f.kind, sha256: f.sha256, bytes: f.bytes, run_ids: f.runIds })),
    runs: board.runs.map((r) => ({ run_id: r.runId, created_at: r.createdAt, manifest: r.manifestFile ?? null })),
    columns: board.columns.map((c) => ({ id: c.id, level: c.level, domain: c.domain, label: c.label, tasks: c.tasks })),
    rows: board.rows.map(rowJson),
    comparisons: board.comparisons.map((c) => ({
      row: c.row,
      model: c.model,
      baseline_row: c.baselineRow,
      baseline: c.baseline,
      column: c.column,
      domain: c.domain,
      delta: r6(c.delta),
      delta_observed: r6(c.deltaObserved),
      ci_low: r6(c.ciLow),
      ci_high: r6(c.ciHigh),
      p: r6(c.p),
      p_holm: r6(c.pHolm),
      n_items: c.nItems,
      excludes_zero: c.excludesZero,
      significant_holm: c.significantHolm,
      approximate: c.approximate,
      method: 'paired-bootstrap-mean-item-score',
    })),
    missing_comparisons: board.missingComparisons,
    warnings: board.warnings,
  };
}

export const renderJson = (board: Board, harnessVersion: string): string => JSON.stringify(boardJson(board, harnessVersion), null, 2) + '\n';
