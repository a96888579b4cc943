/**
 * Each sovereign row against the best global baseline of each domain column: the global row
 * with the highest domain score in that column (ties: the smaller row id). Same column means
 * the same tasks at the same pack versions, so the two are scored on the same items.
 *
 * For each task, the items both rows have in items.csv (an error counts as a wrong answer, as in
 * the run's own scoring) are resampled together (paired bootstrap, seeded); a domain replicate
 * is the mean of its tasks' replicate differences. Reported: the mean Δ of the replicates, its
 * 95% percentile interval, the two-sided p (scoring/bootstrap.ts `pValue`) and the Holm-adjusted
 * p across the domains compared for that row. The marker (`significantHolm`) is p_holm < 0.05.
 * Per-item scores are used: for corpus-level metrics this compares mean per-item scores, an
 * approximation stated in leaderboard.json's `comparison_method`.
 */
import { holm, interval, pValue } from '../scoring/bootstrap.ts';
import type { Column, Comparison, MergedRow, MissingComparison, ScoreCell } from './board.ts';
import type { ItemBootstrap } from './item-bootstrap.ts';
import { byValueDesc } from './rank.ts';

export const ALPHA = 0.05;

export interface ComparedRow extends MergedRow {
  cells: Map<string, ScoreCell>;
}

export function compareToBaselines(rows: ComparedRow[], columns: Column[], boot: ItemBootstrap): { comparisons: Comparison[]; missing: MissingComparison[] } {
  const comparisons: Comparison[] = [];
  const missing: MissingComparison[] = [];
  const anyGlobal = rows.some((r) => r.origin === 'global');
  const domainColumns = columns.filter((c) => c.level === 'domain');
  const bestGlobal = new Map<string, ComparedRow>();
  for (const column of domainColumns) {
    const globals = rows.filter((r) => r.origin === 'global' && r.cells.has(column.id));
    if (globals.length > 0) bestGlobal.set(column.id, globals.sort(byValueDesc((r) => r.cells.get(column.id)!.value, (r) => r.id))[0]!);
  }
  for (const row of rows.filter((r) => r.origin === 'sovereign')) {
    const mine: Comparison[] = [];
    for (const column of domainColumns) {
      const cell = row.cells.get(column.id);
      if (!cell) continue;
      const best = bestGlobal.get(column.id);
      if (!best) {
        if (anyGlobal) missing.push({ row: row.id, column: column.id, reason: 'no global baseline has this column' });
        continue;
      }
      const theirs = best.cells.get(column.id)!;
      const perTask: Array<{ reps: Float64Array; observed: number; n: number }> = [];
      let reason = '';
      for (const t of cell.sources) {
        const other = theirs.sources.find((s) => s.task === t.task);
        if (!other || !boot.has(t) || !boot.has(other)) {
          reason = `no usable items.csv for ${t.task} of ${!boot.has(t) ? row.id : best.id}`;
          break;
        }
        const p = boot.paired(t, other);
        if (!p) {
          reason = `no shared items in ${t.task}`;
          break;
        }
        perTask.push(p);
      }
      if (reason) {
        missing.push({ row: row.id, column: column.id, reason });
        continue;
      }
      const deltas = new Float64Array(boot.b);
      for (let r = 0; r < boot.b; r++) deltas[r] = perTask.reduce((s, p) => s + p.reps[r]!, 0) / perTask.length;
      const [lo, hi] = interval(deltas);
      mine.push({
        row: row.id,
        model: row.model,
        baselineRow: best.id,
        baseline: best.model,
        column: column.id,
        domain: column.domain,
        delta: deltas.reduce((s, v) => s + v, 0) / deltas.length,
        deltaObserved: perTask.reduce((s, p) => s + p.observed, 0) / perTask.length,
        ciLow: lo,
        ciHigh: hi,
        p: pValue(deltas),
        pHolm: NaN,
        nItems: perTask.reduce((s, p) => s + p.n, 0),
        excludesZero: lo > 0 || hi < 0,
        significantHolm: false,
        approximate: [...cell.sources, ...theirs.sources].some((t) => !boot.task(t)?.exact),
      });
    }
    const adjusted = holm(mine.map((c) => c.p));
    mine.forEach((c, i) => {
      c.pHolm = adjusted[i]!;
      c.significantHolm = c.pHolm < ALPHA;
    });
    comparisons.push(...mine);
  }
  return { comparisons, missing };
}
