/** Sentence select: f1.sentence (micro over (item, sentence) pairs) and exact.set. */
import { CountLayout, f1, setCounts, type KindScorer, type SparseStats } from '../task-scoring.ts';

const EXACT = 0;
const N = 1;

export const scoreSentenceSelect: KindScorer = (_pack, entries) => {
  const layout = new CountLayout(2);
  const perItem: Array<Record<string, number>> = [];
  const itemScore: number[] = [];
  const items = entries.map((e) => {
    const gold = new Set((e.gold as number[]).map(String));
    const parsed = Array.isArray(e.parsed) ? (e.parsed as number[]) : null;
    const s: SparseStats = { idx: [N], val: [1] };
    const { tp, fp, fn } = setCounts(layout, new Set((parsed ?? []).map(String)), gold, s);
    const exact = parsed !== null && fp === 0 && fn === 0;
    if (exact) s.idx.push(EXACT), s.val.push(1);
    perItem.push({ tp, fp, fn, exact: exact ? 1 : 0 });
    itemScore.push(parsed === null ? 0 : tp + fp + fn === 0 ? 1 : f1(tp, fp, fn));
    return s;
  });
  return {
    dims: layout.dims,
    items,
    perItem,
    itemScore,
    metrics: {
      'f1.sentence': (sum) => layout.microF1(sum),
      'exact.set': (sum) => (sum[N]! === 0 ? 0 : sum[EXACT]! / sum[N]!),
    },
    breakdown: (sum) => layout.breakdown(sum).sort((a, b) => Number(a.key) - Number(b.key)),
  };
};
