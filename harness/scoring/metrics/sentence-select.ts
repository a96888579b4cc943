/** Sentence select: f1.sentence (micro over (item, sentence) pairs) and exact.set. */
import { CountLayout, N, closeSetItem, exactShare, setCounts, type KindScorer, type SparseStats } from '../task-scoring.ts';

export const scoreSentenceSelect: KindScorer = (_pack, entries) => {
  const layout = new CountLayout(2);
  const out = { perItem: [] as Array<Record<string, number>>, itemScore: [] as number[] };
  const items = entries.map((e) => {
    const gold = new Set((e.gold as number[]).map(String));
    const parsed = Array.isArray(e.parsed) ? (e.parsed as number[]) : null;
    const s: SparseStats = { idx: [N], val: [1] };
    return closeSetItem(s, setCounts(layout, new Set((parsed ?? []).map(String)), gold, s), parsed !== null, out);
  });
  return {
    dims: layout.dims,
    items,
    ...out,
    metrics: { 'f1.sentence': (sum) => layout.microF1(sum), 'exact.set': exactShare },
    breakdown: (sum) => layout.breakdown(sum).sort((a, b) => Number(a.key) - Number(b.key)),
  };
};
