/**
 * Spans: f1.entity.exact and f1.entity.overlap, micro over the task (METRICS.md, Spans).
 * A task with no gold and no predicted entity at all scores 1.0 (seqeval would say 0).
 */
import type { Span } from '../../core/pack.ts';
import { exactStats, f1, itemF1, prf, type KindScorer, type SparseStats } from '../task-scoring.ts';
import { alignEntities, type AlignedEntity, type PredictedEntity } from './spans-align.ts';

// Dims: per type t (index k): exact TP/FP/FN at 1+6k.., overlap TP/FP/FN at 4+6k..; dim 0 = not_in_source.
const NOT_IN_SOURCE = 0;

/** One-to-one greedy matching by largest overlap first, same type only. */
export function overlapMatches(pred: AlignedEntity[], gold: Span[]): number {
  const pairs: Array<{ p: number; g: number; size: number }> = [];
  pred.forEach((p, i) =>
    gold.forEach((g, j) => {
      const size = Math.min(p.end, g.end) - Math.max(p.start, g.start);
      if (p.type === g.type && size > 0) pairs.push({ p: i, g: j, size });
    }),
  );
  pairs.sort((a, b) => b.size - a.size || a.p - b.p || a.g - b.g);
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  let matched = 0;
  for (const { p, g } of pairs) {
    if (usedP.has(p) || usedG.has(g)) continue;
    usedP.add(p);
    usedG.add(g);
    matched++;
  }
  return matched;
}

export const scoreSpans: KindScorer = (pack, entries) => {
  const types: string[] = [...(pack.entity_types ?? [])];
  const typeIndex = new Map(types.map((t, i) => [t, i]));
  const tIdx = (t: string) => {
    let i = typeIndex.get(t);
    if (i === undefined) (i = types.length), types.push(t), typeIndex.set(t, i);
    return i;
  };
  const perItem: Array<Record<string, number>> = [];
  const itemScore: number[] = [];
  const items = entries.map((e) => {
    const gold = e.gold as Span[];
    const source = e.input[pack.source_field ?? ''] ?? '';
    const predicted = Array.isArray(e.parsed) ? (e.parsed as PredictedEntity[]) : null;
    const { aligned, notInSource } = alignEntities(source, predicted ?? [], gold);
    // Set semantics: a repeated prediction of the same span counts once.
    const pred = [...new Map(aligned.map((a) => [`${a.type}:${a.start}:${a.end}`, a])).values()];
    const goldKeys = new Set(gold.map((g) => `${g.type}:${g.start}:${g.end}`));
    const s: SparseStats = { idx: [], val: [] };
    const add = (dim: number, v = 1) => (s.idx.push(dim), s.val.push(v));
    if (notInSource) add(NOT_IN_SOURCE, notInSource);
    let tp = 0;
    for (const p of pred) {
      const k = tIdx(p.type);
      if (goldKeys.has(`${p.type}:${p.start}:${p.end}`)) (add(1 + 6 * k), tp++);
      else add(2 + 6 * k);
    }
    const predKeys = new Set(pred.map((p) => `${p.type}:${p.start}:${p.end}`));
    for (const g of gold) if (!predKeys.has(`${g.type}:${g.start}:${g.end}`)) add(3 + 6 * tIdx(g.type));
    // Overlap counts per type.
    for (const t of new Set([...pred.map((p) => p.type), ...gold.map((g) => g.type)])) {
      const k = tIdx(t);
      const pt = pred.filter((p) => p.type === t);
      const gt = gold.filter((g) => g.type === t);
      const m = overlapMatches(pt, gt);
      if (m) add(4 + 6 * k, m);
      if (pt.length - m) add(5 + 6 * k, pt.length - m);
      if (gt.length - m) add(6 + 6 * k, gt.length - m);
    }
    const fp = pred.length - tp + notInSource;
    const fn = gold.length - tp;
    perItem.push({ tp, fp, fn, not_in_source: notInSource });
    itemScore.push(itemF1(predicted !== null, tp, fp, fn));
    return exactStats(s);
  });
  // not_in_source predictions are false positives of no type: added to the micro FP count.
  const micro = (offset: number) => (sum: Float64Array) => {
    let tp = 0;
    let fp = sum[NOT_IN_SOURCE] ?? 0;
    let fn = 0;
    for (let k = 0; k < types.length; k++) {
      tp += sum[offset + 6 * k] ?? 0;
      fp += sum[offset + 1 + 6 * k] ?? 0;
      fn += sum[offset + 2 + 6 * k] ?? 0;
    }
    return tp + fp + fn === 0 ? 1 : f1(tp, fp, fn);
  };
  return {
    get dims() {
      return 1 + 6 * types.length;
    },
    items,
    perItem,
    itemScore,
    metrics: { 'f1.entity.exact': micro(1), 'f1.entity.overlap': micro(4) },
    breakdown: (sum) =>
      types.map((key, k) => {
        const tp = sum[1 + 6 * k] ?? 0;
        const fp = sum[2 + 6 * k] ?? 0;
        const fn = sum[3 + 6 * k] ?? 0;
        return { key, ...prf(tp, fp, fn), support: tp + fn };
      }),
  };
};
