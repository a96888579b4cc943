/**
 * Corpus-level scoring as sufficient statistics.
 *
 * Every metric in METRICS.md is a function of counts summed over items (TP/FP/FN per label,
 * exact-match counts, per-item F1 sums). Each item contributes a sparse vector; a task score
 * is the metric applied to the sum. A bootstrap replicate is the same sum with resampled
 * weights, so resampling never re-parses or re-aligns anything.
 */
import type { Gold, TaskPack } from '../core/pack.ts';

export interface SparseStats {
  idx: number[];
  val: number[];
}

export interface ScoringEntry {
  gold: Gold;
  /** Parsed prediction; null when unparsed or failed (scored as an empty prediction). */
  parsed: unknown;
  /** The item's input, for kinds that align against the source text. */
  input: Record<string, string>;
}

export interface Breakdown {
  /** Label, field or entity type. */
  key: string;
  precision: number;
  recall: number;
  f1: number;
  /** Gold occurrences. */
  support: number;
}

export interface TaskScoring {
  dims: number;
  items: SparseStats[];
  metrics: Record<string, (sum: Float64Array) => number>;
  /** Per-item diagnostics stored in the record (e.g. correct, f1.char, tp/fp/fn). */
  perItem: Array<Record<string, number>>;
  /** One number per item for items.csv and drill-down: the item's own score in [0, 1]. */
  itemScore: number[];
  /** Per label/field/type P/R/F1 for the TUI and records (not in summary.csv). */
  breakdown(sum: Float64Array): Breakdown[];
}

export type KindScorer = (pack: TaskPack, entries: ScoringEntry[]) => TaskScoring;

/**
 * An item's stats with arrays of exactly their length. Arrays grown by `push` keep spare room
 * (a 1-element literal pushed once holds 17 slots): over 100,000 items that spare room was
 * ~40 MB of the end-of-run peak. Build with push, keep the copy; the grown arrays die young.
 */
export function exactStats(s: SparseStats): SparseStats {
  return { idx: s.idx.slice(), val: s.val.slice() };
}

export function sumStats(dims: number, items: SparseStats[], weights?: ArrayLike<number>): Float64Array {
  const sum = new Float64Array(dims);
  for (let i = 0; i < items.length; i++) {
    const w = weights ? weights[i]! : 1;
    if (w === 0) continue;
    const s = items[i]!;
    for (let k = 0; k < s.idx.length; k++) sum[s.idx[k]!]! += w * s.val[k]!;
  }
  return sum;
}

/** F1 = 2TP / (2TP + FP + FN); 0 when the denominator is 0 (METRICS.md). */
export function f1(tp: number, fp: number, fn: number): number {
  const d = 2 * tp + fp + fn;
  return d === 0 ? 0 : (2 * tp) / d;
}

export function prf(tp: number, fp: number, fn: number): { precision: number; recall: number; f1: number } {
  return { precision: tp + fp === 0 ? 0 : tp / (tp + fp), recall: tp + fn === 0 ? 0 : tp / (tp + fn), f1: f1(tp, fp, fn) };
}

/**
 * Layout helper for "per key TP/FP/FN" stats: scalar dims (exact counts, n) come first, at
 * 0..base-1; key k then uses dims base+3k, base+3k+1, base+3k+2. Keys may be added while
 * items are scored, so the total is known only at the end (`dims`).
 */
export class CountLayout {
  readonly keys: string[] = [];
  private readonly index = new Map<string, number>();

  constructor(
    readonly base: number,
    initial: Iterable<string> = [],
  ) {
    for (const k of initial) this.id(k);
  }

  id(key: string): number {
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.keys.length;
      this.keys.push(key);
      this.index.set(key, i);
    }
    return i;
  }

  tp(key: string): number {
    return this.base + 3 * this.id(key);
  }

  /** Total dims (scalars + key counts). Read after all items are scored. */
  get dims(): number {
    return this.base + 3 * this.keys.length;
  }

  private at(sum: Float64Array, k: number): [number, number, number] {
    const o = this.base + 3 * k;
    return [sum[o] ?? 0, sum[o + 1] ?? 0, sum[o + 2] ?? 0];
  }

  microF1(sum: Float64Array): number {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let k = 0; k < this.keys.length; k++) {
      const [a, b, c] = this.at(sum, k);
      tp += a;
      fp += b;
      fn += c;
    }
    return f1(tp, fp, fn);
  }

  /** Mean F1 over keys that occur in gold or predictions (TP+FP+FN > 0); 0 if none does. */
  macroF1(sum: Float64Array, only?: Set<string>): number {
    let total = 0;
    let count = 0;
    for (let k = 0; k < this.keys.length; k++) {
      if (only && !only.has(this.keys[k]!)) continue;
      const [tp, fp, fn] = this.at(sum, k);
      if (tp + fp + fn === 0) continue;
      total += f1(tp, fp, fn);
      count++;
    }
    return count === 0 ? 0 : total / count;
  }

  breakdown(sum: Float64Array): Breakdown[] {
    return this.keys.map((key, k) => {
      const [tp, fp, fn] = this.at(sum, k);
      return { key, ...prf(tp, fp, fn), support: tp + fn };
    });
  }
}

/** Adds counts for one item: sets of predicted and gold keys. */
export function setCounts(layout: CountLayout, pred: Set<string>, gold: Set<string>, stats: SparseStats): { tp: number; fp: number; fn: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const add = (dim: number) => {
    stats.idx.push(dim);
    stats.val.push(1);
  };
  for (const p of pred) {
    if (gold.has(p)) {
      add(layout.tp(p));
      tp++;
    } else {
      add(layout.tp(p) + 1);
      fp++;
    }
  }
  for (const g of gold) {
    if (!pred.has(g)) {
      add(layout.tp(g) + 2);
      fn++;
    }
  }
  return { tp, fp, fn };
}

/** An item's own score: its F1, 1 when both sides are empty, 0 when its answer was not read. */
export function itemF1(parsed: boolean, tp: number, fp: number, fn: number): number {
  return !parsed ? 0 : tp + fp + fn === 0 ? 1 : f1(tp, fp, fn);
}

/** Scalar dims shared by the set-like kinds (multilabel, sentence-select, extraction). */
export const EXACT = 0;
export const N = 1;

/** exact / n over the (resampled) items; 0 for an empty task. */
export const exactShare = (sum: Float64Array): number => (sum[N]! === 0 ? 0 : sum[EXACT]! / sum[N]!);

/**
 * Closes one item of a set-like kind: an item is exact when it parsed and has no FP/FN (an
 * unparsed item is never exact, even against an empty gold); its own score is its F1, 1 when
 * both sides are empty, 0 when unparsed.
 */
export function closeSetItem(
  s: SparseStats,
  counts: { tp: number; fp: number; fn: number },
  parsed: boolean,
  out: { perItem: Array<Record<string, number>>; itemScore: number[] },
): SparseStats {
  const { tp, fp, fn } = counts;
  const exact = parsed && fp === 0 && fn === 0;
  if (exact) s.idx.push(EXACT), s.val.push(1);
  out.perItem.push({ tp, fp, fn, exact: exact ? 1 : 0 });
  out.itemScore.push(itemF1(parsed, tp, fp, fn));
  return exactStats(s);
}
