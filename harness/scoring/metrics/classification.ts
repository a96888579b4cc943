/** Classification: f1.macro, f1.micro, accuracy (METRICS.md, Classification). */
import { CountLayout, type KindScorer, type SparseStats } from '../task-scoring.ts';

const CORRECT = 0;
const N = 1;

export const scoreClassification: KindScorer = (pack, entries) => {
  const layout = new CountLayout(2, pack.labels ?? []);
  const perItem: Array<Record<string, number>> = [];
  const items: SparseStats[] = entries.map((e) => {
    const gold = String(e.gold);
    const pred = typeof e.parsed === 'string' ? e.parsed : null;
    const s: SparseStats = { idx: [N], val: [1] };
    const correct = pred === gold;
    if (correct) s.idx.push(CORRECT, layout.tp(gold)), s.val.push(1, 1);
    else {
      // An unparsed output adds FN for the gold label and no FP.
      s.idx.push(layout.tp(gold) + 2), s.val.push(1);
      if (pred !== null) s.idx.push(layout.tp(pred) + 1), s.val.push(1);
    }
    perItem.push({ correct: correct ? 1 : 0 });
    return s;
  });
  return {
    dims: layout.dims,
    items,
    perItem,
    itemScore: perItem.map((p) => p.correct!),
    metrics: {
      'f1.macro': (sum) => layout.macroF1(sum),
      'f1.micro': (sum) => layout.microF1(sum),
      accuracy: (sum) => (sum[N]! === 0 ? 0 : sum[CORRECT]! / sum[N]!),
    },
    breakdown: (sum) => layout.breakdown(sum),
  };
};
