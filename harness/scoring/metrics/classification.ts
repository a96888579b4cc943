/** Classification: f1.macro, f1.micro, accuracy (METRICS.md, Classification). */
import { CountLayout, EXACT as CORRECT, N, exactShare, type KindScorer, type SparseStats } from '../task-scoring.ts';

const ONES2: number[] = Object.freeze([1, 1]) as number[];
const ONES3: number[] = Object.freeze([1, 1, 1]) as number[];

export const scoreClassification: KindScorer = (pack, entries) => {
  const layout = new CountLayout(2, pack.labels ?? []);
  const perItem: Array<Record<string, number>> = [];
  const items: SparseStats[] = entries.map((e) => {
    const gold = String(e.gold);
    const pred = typeof e.parsed === 'string' ? e.parsed : null;
    const correct = pred === gold;
    perItem.push({ correct: correct ? 1 : 0 });
    // Literals of exact length, and one shared (read-only) array of ones: a 100,000-item task
    // keeps one of these per item until its bootstrap is done.
    if (correct) return { idx: [N, CORRECT, layout.tp(gold)], val: ONES3 };
    // An unparsed output adds FN for the gold label and no FP.
    if (pred === null) return { idx: [N, layout.tp(gold) + 2], val: ONES2 };
    return { idx: [N, layout.tp(gold) + 2, layout.tp(pred) + 1], val: ONES3 };
  });
  return {
    dims: layout.dims,
    items,
    perItem,
    itemScore: perItem.map((p) => p.correct!),
    metrics: {
      'f1.macro': (sum) => layout.macroF1(sum),
      'f1.micro': (sum) => layout.microF1(sum),
      accuracy: exactShare,
    },
    breakdown: (sum) => layout.breakdown(sum),
  };
};
