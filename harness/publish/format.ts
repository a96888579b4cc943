/**
 * How numbers read on the published board, shared by the Markdown and HTML pages so that both
 * say exactly the same thing. Scores are shown ×100 with one decimal; intervals in brackets,
 * `≈` marks an approximate interval, `n/a` an unavailable one. Locale-independent on purpose
 * (same inputs → same bytes on every machine).
 */
import type { BoardRow, Comparison, Cost, ScoreCell } from './board.ts';
import { formatRank } from './rank.ts';

export const pct = (x: number): string => (x * 100).toFixed(1);

const MINUS = '−';
const signed = (x: number): string => {
  const s = pct(Math.abs(x));
  return s === '0.0' ? '0.0' : `${x < 0 ? MINUS : '+'}${s}`;
};

export function intervalText(cell: ScoreCell): string {
  if (!cell.ci) return '[n/a]';
  return `${cell.interval === 'bootstrap-approx' ? '≈' : ''}[${pct(cell.ci[0])}–${pct(cell.ci[1])}]`;
}

export const scoreText = (cell: ScoreCell): string => `${pct(cell.value)} ${intervalText(cell)}`;

export const rankText = (cell: ScoreCell): string => formatRank(cell.rank);

export const rateText = (part: number, whole: number): string => (whole > 0 ? `${((part / whole) * 100).toFixed(1)}%` : '—');

/** UTC calendar date of an ISO time. */
export const dateText = (iso: string): string => new Date(iso).toISOString().slice(0, 10);

const group = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export function costText(cost: Cost | null): string {
  if (!cost) return '—';
  const x = cost.per1000Items;
  if (cost.currency === 'KRW') return `₩${group(String(Math.round(x)))}`;
  const [whole, frac] = x.toFixed(x < 1 ? 3 : 2).split('.') as [string, string];
  return `$${group(whole)}.${frac}`;
}

export const openWeightsText = (v: boolean | null): string => (v === null ? 'unknown' : v ? 'yes' : 'no');

export const RESIDENCY_TEXT: Record<string, string> = { kr: 'Korea', abroad: 'abroad', local: 'local' };

export const deltaText = (c: Comparison): string => `${signed(c.delta)} [${signed(c.ciLow)}, ${signed(c.ciHigh)}]`;

/** ▲ better / ▼ worse than the baseline after Holm's correction; empty otherwise. */
export const markerText = (c: Comparison): string => (c.significantHolm ? (c.delta > 0 ? '▲' : '▼') : '');

export const pText = (p: number): string => (p < 0.001 ? '<0.001' : p.toFixed(3));

export const runsText = (row: BoardRow): string => row.runIds.join(', ');

/** One line per row: which run and pack version each task result came from. */
export function provenanceText(row: BoardRow): string {
  const byRun = new Map<string, string[]>();
  for (const t of row.tasks) byRun.set(t.runId, [...(byRun.get(t.runId) ?? []), `${t.task}@${t.version}`]);
  return [...byRun].map(([run, tasks]) => `${run}: ${tasks.join(', ')}`).join('; ');
}

export const RANK_RULE =
  'Rank ranges: best = 1 + the number of models whose interval lies wholly above this one (their ci_low > its ci_high); worst = the number of models whose ci_high ≥ its ci_low (itself included). Overlapping intervals share ranks; a model without an interval counts as [0, 100].';

export const INTERVAL_NOTE =
  'Scores ×100 with 95% percentile bootstrap intervals. Domain = mean of its tasks’ primary metrics; overall = mean of domains. Intervals come from each run’s summary.csv when all of a cell’s tasks come from one run; otherwise they are recomputed from items.csv (≈ marks an approximation for corpus-level metrics) or shown as n/a.';

export const COMPARISON_METHOD =
  'Paired percentile bootstrap over the items both models have in items.csv, resampled within each task with one draw of item ids per replicate for both models (seeded); a domain replicate is the mean of its tasks’ differences. Uses the per-item `score` column: for tasks whose primary metric is corpus-level (macro/micro F1), the difference is in mean per-item score, an approximation of the metric’s difference (`approximate: true`). Two-sided p = min(1, 2·min(share Δ* ≤ 0, share Δ* ≥ 0)); Holm’s correction across the domains compared for each model; `significant_holm` = p_holm < 0.05.';

/** What the arrows and ≈ in the comparison columns mean (Markdown and HTML pages). */
export const COMPARISON_NOTE =
  '▲/▼: better/worse than the baseline with Holm-adjusted p < 0.05 across the domains compared for that model. ≈: the mean per-item score stands in for a corpus-level metric.';
