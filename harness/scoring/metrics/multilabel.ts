/** Multilabel sets: f1.micro.set, f1.macro.set, exact.set (METRICS.md, Multilabel). */
import { normalizeCode } from '../../text/codes.ts';
import { CountLayout, f1, setCounts, type KindScorer, type SparseStats } from '../task-scoring.ts';

const EXACT = 0;
const N = 1;

export const scoreMultilabel: KindScorer = (pack, entries) => {
  const format = pack.label_format ?? 'text';
  const layout = new CountLayout(2, (pack.labels ?? []).map((l) => normalizeCode(l, format)));
  const perItem: Array<Record<string, number>> = [];
  const itemScore: number[] = [];
  const items = entries.map((e) => {
    const gold = new Set((e.gold as string[]).map((g) => normalizeCode(g, format)));
    const parsed = Array.isArray(e.parsed) ? (e.parsed as string[]) : null;
    const pred = new Set(parsed ?? []);
    const s: SparseStats = { idx: [N], val: [1] };
    const { tp, fp, fn } = setCounts(layout, pred, gold, s);
    // Unparsed is wrong in every metric, even when the gold set is empty.
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
      'f1.micro.set': (sum) => layout.microF1(sum),
      'f1.macro.set': (sum) => layout.macroF1(sum),
      'exact.set': (sum) => (sum[N]! === 0 ? 0 : sum[EXACT]! / sum[N]!),
    },
    breakdown: (sum) => layout.breakdown(sum),
  };
};
