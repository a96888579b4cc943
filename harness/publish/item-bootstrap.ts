/**
 * Bootstrap replicates from items.csv per-item scores (METRICS.md, Uncertainty), for the two
 * places the leaderboard cannot reuse a run's own intervals: domain/overall scores recombined
 * from tasks of several runs, and paired comparisons across runs.
 *
 * items.csv carries one score per item, not the corpus-level statistics, so a replicate of a
 * task is the mean per-item score of the resample. Where that mean equals the task's primary
 * metric (accuracy, character F1, sentence F1, …) this is the METRICS.md bootstrap itself;
 * where it does not (macro or micro F1 over labels, entities or fields), the replicates are
 * shifted by (primary − mean item score) and the interval is flagged approximate.
 *
 * Items are sorted by id and resampled with a seeded stream named after the task, so every
 * model's replicate r of a task draws the same item positions.
 */
import { resamples } from '../scoring/bootstrap.ts';
import { itemKey, type ItemSet, type TaskResult } from './board.ts';

/** Per-item scores are written with 6 decimals. */
const SAME = 2e-6;

export interface TaskReplicates {
  reps: Float64Array;
  /** The mean per-item score equals the primary metric: the bootstrap is exact, not approximate. */
  exact: boolean;
}

function meanOf(scores: Float64Array): number {
  let s = 0;
  for (let i = 0; i < scores.length; i++) s += scores[i]!;
  return s / scores.length;
}

export class ItemBootstrap {
  private readonly cache = new Map<string, TaskReplicates | null>();

  constructor(
    private readonly items: Map<string, ItemSet>,
    readonly seed: number,
    readonly b: number,
  ) {}

  has(t: TaskResult): boolean {
    return this.items.has(itemKey(t.runId, t.model, t.task));
  }

  set(t: TaskResult): ItemSet | undefined {
    return this.items.get(itemKey(t.runId, t.model, t.task));
  }

  /** Replicates of a task's primary metric, or null without usable items. */
  task(t: TaskResult): TaskReplicates | null {
    const key = itemKey(t.runId, t.model, t.task);
    if (this.cache.has(key)) return this.cache.get(key)!;
    const set = this.items.get(key);
    let out: TaskReplicates | null = null;
    if (set && set.scores.length > 0) {
      const n = set.scores.length;
      const shift = t.value - meanOf(set.scores);
      const exact = Math.abs(shift) <= SAME;
      const reps = new Float64Array(this.b);
      let r = 0;
      for (const counts of resamples(n, this.b, this.seed, `leaderboard:${t.task}`)) {
        let s = 0;
        for (let i = 0; i < n; i++) s += counts[i]! * set.scores[i]!;
        reps[r++] = s / n + (exact ? 0 : shift);
      }
      out = { reps, exact };
    }
    this.cache.set(key, out);
    return out;
  }

  /**
   * Paired replicates of (mean score of a − mean score of b) over the items both have, or null
   * when they share none. Each replicate draws one resample of the shared item ids for both.
   */
  paired(a: TaskResult, b: TaskResult): { reps: Float64Array; observed: number; n: number } | null {
    const sa = this.set(a);
    const sb = this.set(b);
    if (!sa || !sb) return null;
    const indexB = new Map(sb.ids.map((id, i) => [id, i]));
    const xa: number[] = [];
    const xb: number[] = [];
    sa.ids.forEach((id, i) => {
      const j = indexB.get(id);
      if (j === undefined) return;
      xa.push(sa.scores[i]!);
      xb.push(sb.scores[j]!);
    });
    const n = xa.length;
    if (n === 0) return null;
    const d = Float64Array.from(xa, (v, i) => v - xb[i]!);
    const reps = new Float64Array(this.b);
    let r = 0;
    for (const counts of resamples(n, this.b, this.seed, `leaderboard-paired:${a.task}`)) {
      let s = 0;
      for (let i = 0; i < n; i++) s += counts[i]! * d[i]!;
      reps[r++] = s / n;
    }
    return { reps, observed: meanOf(d), n };
  }
}
