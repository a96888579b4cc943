/**
 * Percentile bootstrap (METRICS.md, Uncertainty). Items are resampled with replacement within
 * each task; the corpus-level metric is recomputed on every replicate from summed item stats.
 * Domain and overall intervals reuse the same replicates of each task, so a domain replicate
 * is the mean of its tasks' replicates.
 */
import { createPrng } from './prng.ts';
import type { SparseStats } from './task-scoring.ts';

export const DEFAULT_BOOTSTRAP = 1000;

/** Percentile with linear interpolation between order statistics (R type 7, numpy default). */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export function interval(replicates: ArrayLike<number>): [number, number] {
  const sorted = Float64Array.from(replicates).sort();
  return [percentile(sorted, 0.025), percentile(sorted, 0.975)];
}

/**
 * Draws B resamples of n items; each is a count vector (how often each item is drawn). With
 * `groupOf` (item → group), the counts are per group instead: the same draws, summed by group.
 */
export function* resamples(n: number, b: number, seed: number, stream: string, groupOf?: Uint32Array, groups = n): Generator<Uint32Array> {
  const prng = createPrng(seed, stream);
  const counts = new Uint32Array(groupOf ? groups : n);
  for (let r = 0; r < b; r++) {
    counts.fill(0);
    if (groupOf) for (let i = 0; i < n; i++) counts[groupOf[prng.int(n)]!]!++;
    else for (let i = 0; i < n; i++) counts[prng.int(n)]!++;
    yield counts;
  }
}

/**
 * Replicates of each named metric for one task. The stream is the task id, so every model's
 * resample of a task draws the same item positions (items are in the same order per task).
 *
 * The sparse item stats are packed once into flat typed arrays (CSR), so each replicate is one
 * pass over contiguous memory instead of chasing 2 arrays per item: the same additions in the
 * same order (bit-identical sums), about 3× faster at 100,000 items (bench/README.md).
 *
 * When every stat is a whole number (all kinds but short-answer, whose per-item F1 is a
 * fraction), items with the same stats vector are counted together: a replicate adds one per
 * draw to its pattern and then each of the few patterns once. Sums of whole numbers are exact
 * in any order, so the replicates are bit-identical to the item-by-item sums; the same draws
 * are made in the same order.
 */
export function bootstrapTask(
  dims: number,
  items: SparseStats[],
  metrics: Record<string, (sum: Float64Array) => number>,
  b: number,
  seed: number,
  stream: string,
): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {};
  const names = Object.keys(metrics);
  for (const name of names) out[name] = new Float64Array(b);
  const grouped = groupPatterns(items);
  const { start, idx, val } = grouped?.patterns ?? packCsr(items);
  const rows = start.length - 1;
  const sum = new Float64Array(dims);
  let r = 0;
  for (const weights of resamples(items.length, b, seed, stream, grouped?.patternOf, rows)) {
    sum.fill(0);
    for (let i = 0; i < rows; i++) {
      const w = weights[i]!;
      if (w === 0) continue;
      for (let j = start[i]!, end = start[i + 1]!; j < end; j++) sum[idx[j]!]! += w * val[j]!;
    }
    for (const name of names) out[name]![r] = metrics[name]!(sum);
    r++;
  }
  return out;
}

interface Csr {
  start: Uint32Array;
  idx: Uint32Array;
  val: Float64Array;
}

function packCsr(items: SparseStats[]): Csr {
  let nnz = 0;
  for (const s of items) nnz += s.idx.length;
  const start = new Uint32Array(items.length + 1);
  const idx = new Uint32Array(nnz);
  const val = new Float64Array(nnz);
  let k = 0;
  items.forEach((s, i) => {
    start[i] = k;
    for (let j = 0; j < s.idx.length; j++, k++) {
      idx[k] = s.idx[j]!;
      val[k] = s.val[j]!;
    }
  });
  start[items.length] = k;
  return { start, idx, val };
}

/** Distinct whole-number stats vectors and each item's, or null when grouping cannot help. */
function groupPatterns(items: SparseStats[]): { patterns: Csr; patternOf: Uint32Array } | null {
  const ids = new Map<string, number>();
  const distinct: SparseStats[] = [];
  const patternOf = new Uint32Array(items.length);
  const limit = Math.max(64, items.length >>> 3);
  for (let i = 0; i < items.length; i++) {
    const s = items[i]!;
    let key = '';
    for (let j = 0; j < s.idx.length; j++) {
      const v = s.val[j]!;
      if (!Number.isInteger(v)) return null;
      key += `${s.idx[j]}:${v},`;
    }
    let id = ids.get(key);
    if (id === undefined) {
      if (distinct.length >= limit) return null;
      id = distinct.length;
      ids.set(key, id);
      distinct.push(s);
    }
    patternOf[i] = id;
  }
  return { patterns: packCsr(distinct), patternOf };
}

/** Two-sided bootstrap p for a difference: min(1, 2·min(share Δ* ≤ 0, share Δ* ≥ 0)). */
export function pValue(deltas: ArrayLike<number>): number {
  let le = 0;
  let ge = 0;
  for (let i = 0; i < deltas.length; i++) {
    if (deltas[i]! <= 0) le++;
    if (deltas[i]! >= 0) ge++;
  }
  return Math.min(1, (2 * Math.min(le, ge)) / deltas.length);
}

/** Holm step-down adjustment; returns adjusted p-values in the input order. */
export function holm(ps: number[]): number[] {
  const order = ps.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const out = new Array<number>(ps.length);
  let running = 0;
  order.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (ps.length - rank) * p));
    out[i] = running;
  });
  return out;
}
