/**
 * Scores with uncertainty, as written to summary.csv (one row per model × level × metric).
 */
import type { Origin, Residency } from './model.ts';

export const SUMMARY_SCHEMA_VERSION = 1;

export interface ScoreRow {
  model: string;
  vendor: string;
  origin: Origin;
  residency: Residency;
  level: 'task' | 'domain' | 'overall';
  /** Empty for `overall`. */
  domain: string;
  /** Empty for `domain` and `overall`. */
  task: string;
  metric: string;
  /** Fraction in [0, 1]. */
  value: number;
  ci_low: number;
  ci_high: number;
  /** Planned test items (the denominator). */
  n: number;
  n_error: number;
  n_unparsed: number;
  pack_version: string;
}

/** A sovereign model against the best global baseline of the run, per domain (paired bootstrap). */
export interface PairedDiff {
  model: string;
  baseline: string;
  domain: string;
  delta: number;
  ci_low: number;
  ci_high: number;
  p: number;
  /** Holm-adjusted p across the domains compared for this model. */
  p_holm: number;
  n: number;
}

export interface RunSummary {
  runId: string;
  createdAt: string;
  seed: number;
  bootstrap: number;
  rows: ScoreRow[];
  comparisons: PairedDiff[];
  /** Per (model): counts, tokens and cost. */
  models: Array<{
    model: string;
    items: number;
    ok: number;
    errors: number;
    unparsed: number;
    inputTokens: number;
    outputTokens: number;
    cost?: { amount: number; currency: string };
    stopped?: string;
  }>;
}
