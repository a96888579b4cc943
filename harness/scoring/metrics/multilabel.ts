/** Multilabel sets: f1.micro.set, f1.macro.set, exact.set (METRICS.md, Multilabel). */
import { normalizeCode } from '../../text/codes.ts';
import { CountLayout, N, closeSetItem, exactShare, setCounts, type KindScorer, type SparseStats } from '../task-scoring.ts';

export const scoreMultilabel: KindScorer = (pack, entries) => {
  const format = pack.label_format ?? 'text';
  const layout = new CountLayout(2, (pack.labels ?? []).map((l) => normalizeCode(l, format)));
  const out = { perItem: [] as Array<Record<string, number>>, itemScore: [] as number[] };
  const items = entries.map((e) => {
    const gold = new Set((e.gold as string[]).map((g) => normalizeCode(g, format)));
    const parsed = Array.isArray(e.parsed) ? (e.parsed as string[]) : null;
    const s: SparseStats = { idx: [N], val: [1] };
    return closeSetItem(s, setCounts(layout, new Set(parsed ?? []), gold, s), parsed !== null, out);
  });
  return {
    dims: layout.dims,
    items,
    ...out,
    metrics: {
      'f1.micro.set': (sum) => layout.microF1(sum),
      'f1.macro.set': (sum) => layout.macroF1(sum),
      'exact.set': exactShare,
    },
    breakdown: (sum) => layout.breakdown(sum),
  };
};
