/**
 * The leaderboard's data model, from validated CSV rows to the board that the Markdown, HTML
 * and JSON renderers draw. Renderers only read a `Board`; everything numeric is decided before.
 *
 * Vocabulary:
 * - a *task result* is one (run, model, task) cell: the task's primary metric from summary.csv
 *   (the first metric row of that task, as `kseval run` writes `pack.metrics` in order);
 * - a *row* is one model (or one model × run with `--all-runs`) and the task results merged into it;
 * - a *column* is a domain (or overall) over one exact set of `task@version`: rows whose task sets
 *   differ are never averaged into the same column (mixed pack versions become separate columns).
 */
import type { z } from 'zod';
import type { Origin, Pricing, Residency } from '../core/model.ts';
import type { ItemRowSchema, SummaryRowSchema } from './csv-schemas.ts';

/** Where a value came from in an input file (for error messages and provenance). */
export interface SourceLine {
  file: string;
  line: number;
}

/** One validated summary.csv row. Intervals are null when the file left them empty. */
export type SummaryCsvRow = Omit<z.output<typeof SummaryRowSchema>, 'schema_version'> & SourceLine;

/** One validated items.csv row (the columns the leaderboard uses). */
export type ItemCsvRow = Omit<z.output<typeof ItemRowSchema>, 'schema_version'> & SourceLine;

/** What the manifest of a run says about one model (run directories only). */
export interface ManifestModel {
  openWeights: boolean;
  pricing?: Pricing;
}

export interface RunInfo {
  runId: string;
  createdAt: string;
  /** manifest.json of the run, when its directory was given. */
  manifestFile?: string;
  models: Map<string, ManifestModel>;
}

/** One (run, model, task): the task's primary metric and counts. */
export interface TaskResult {
  runId: string;
  createdAt: string;
  model: string;
  vendor: string;
  origin: Origin;
  residency: Residency;
  domain: string;
  task: string;
  version: string;
  metric: string;
  value: number;
  ciLow: number | null;
  ciHigh: number | null;
  n: number;
  nError: number;
  nUnparsed: number;
  source: SourceLine;
}

/** A domain or overall row of summary.csv, keyed by the exact task set it averages. */
export interface AggregateResult {
  runId: string;
  model: string;
  level: 'domain' | 'overall';
  domain: string;
  /** Sorted `task@version` tokens from the row's pack_version cell. */
  tasks: string[];
  value: number;
  ciLow: number | null;
  ciHigh: number | null;
}

/** Everything read from the inputs, validated and cross-checked. */
export interface Inputs {
  files: InputFileInfo[];
  runs: Map<string, RunInfo>;
  tasks: TaskResult[];
  aggregates: AggregateResult[];
  /** Per-item scores and tokens, keyed by `itemKey(run, model, task)`. */
  items: Map<string, ItemSet>;
  warnings: string[];
}

export interface InputFileInfo {
  /** As given or found, relative to the working directory when inside it. */
  path: string;
  kind: 'summary' | 'items' | 'manifest';
  sha256: string;
  bytes: number;
  runIds: string[];
}

/** The items of one (run, model, task), sorted by item id. */
export interface ItemSet {
  ids: string[];
  scores: Float64Array;
  /** Rows that carry both token counts, and their sums. */
  withUsage: number;
  inputTokens: number;
  outputTokens: number;
}

export const itemKey = (runId: string, model: string, task: string): string => `${runId}\u0000${model}\u0000${task}`;
export const taskToken = (task: string, version: string): string => `${task}@${version}`;

/** A merged leaderboard row before scoring. */
export interface MergedRow {
  /** Stable id: the model id, or `model @ run` with --all-runs. */
  id: string;
  model: string;
  vendor: string;
  origin: Origin;
  residency: Residency;
  /** The run the row's identity (vendor, origin, residency) was taken from: its latest. */
  latestRunId: string;
  runIds: string[];
  tasks: TaskResult[];
}

export interface Column {
  id: string;
  level: 'domain' | 'overall';
  /** Empty for overall. */
  domain: string;
  label: string;
  /** Sorted `task@version` tokens the column averages. */
  tasks: string[];
}

/**
 * How a cell's interval was obtained:
 * - `summary`: copied from the run's own summary.csv domain/overall row (one run, same task set);
 * - `bootstrap`: recomputed from items.csv per-item scores, which equal the task metrics here;
 * - `bootstrap-approx`: recomputed from items.csv where a task's primary metric is corpus-level
 *   (e.g. macro F1): the per-item-score bootstrap, shifted to the metric, approximates it;
 * - `unavailable`: tasks from several runs and no usable items.csv: no interval is shown.
 */
export type IntervalMethod = 'summary' | 'bootstrap' | 'bootstrap-approx' | 'unavailable';

export interface ScoreCell {
  value: number;
  ci: [number, number] | null;
  interval: IntervalMethod;
  /** Rank range within the column (see rank.ts). */
  rank: [number, number];
  sources: TaskResult[];
}

export interface Cost {
  currency: 'USD' | 'KRW';
  per1000Items: number;
  itemsWithUsage: number;
  inputTokens: number;
  outputTokens: number;
}

export interface BoardRow extends MergedRow {
  openWeights: boolean | null;
  runDate: string;
  cells: Map<string, ScoreCell>;
  /** The overall column this row is ranked in. */
  overallColumn: string;
  items: number;
  nError: number;
  nUnparsed: number;
  cost: Cost | null;
  /** Why cost is unknown, when it is. */
  costNote?: string;
}

export interface Comparison {
  row: string;
  model: string;
  baselineRow: string;
  baseline: string;
  column: string;
  domain: string;
  /** Mean of the bootstrap differences (METRICS.md: "report the mean Δ"). */
  delta: number;
  /** Difference of the two models' mean per-item scores on the shared items. */
  deltaObserved: number;
  ciLow: number;
  ciHigh: number;
  p: number;
  pHolm: number;
  nItems: number;
  excludesZero: boolean;
  significantHolm: boolean;
  /** A task's primary metric is corpus-level (not the mean per-item score): Δ approximates it. */
  approximate: boolean;
}

export interface MissingComparison {
  row: string;
  column: string;
  reason: string;
}

export interface Board {
  seed: number;
  bootstrap: number;
  allRuns: boolean;
  packVersions: string[];
  files: InputFileInfo[];
  runs: RunInfo[];
  columns: Column[];
  rows: BoardRow[];
  comparisons: Comparison[];
  missingComparisons: MissingComparison[];
  warnings: string[];
}
