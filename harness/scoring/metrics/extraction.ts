/** Extraction: f1.field (micro over (item, field)) and exact.record (METRICS.md, Extraction). */
import type { ExtractionValue } from '../../core/pack.ts';
import { normalizeField } from '../field-normalizers.ts';
import { CountLayout, f1, type KindScorer, type SparseStats } from '../task-scoring.ts';

const EXACT = 0;
const N = 1;

const same = (a: ExtractionValue, b: ExtractionValue) =>
  typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) < 1e-9 : a === b;

export const scoreExtraction: KindScorer = (pack, entries) => {
  const fields = pack.fields ?? [];
  const layout = new CountLayout(2, fields.map((f) => f.name));
  const perItem: Array<Record<string, number>> = [];
  const itemScore: number[] = [];
  const items = entries.map((e) => {
    const gold = e.gold as Record<string, unknown>;
    const parsed = e.parsed && typeof e.parsed === 'object' ? (e.parsed as Record<string, ExtractionValue>) : null;
    const s: SparseStats = { idx: [N], val: [1] };
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const f of fields) {
      const g = normalizeField(f.type, gold[f.name], { century: pack.century });
      // Normalizing again is idempotent and protects predictions that skipped the parser (score --predictions).
      const p = parsed ? normalizeField(f.type, parsed[f.name], { century: pack.century }) : null;
      const dim = layout.tp(f.name);
      if (g === null && p === null) continue;
      if (g === null) (s.idx.push(dim + 1), s.val.push(1), fp++);
      else if (p === null) (s.idx.push(dim + 2), s.val.push(1), fn++);
      else if (same(g, p)) (s.idx.push(dim), s.val.push(1), tp++);
      else (s.idx.push(dim + 1, dim + 2), s.val.push(1, 1), fp++, fn++);
    }
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
      'f1.field': (sum) => layout.microF1(sum),
      'exact.record': (sum) => (sum[N]! === 0 ? 0 : sum[EXACT]! / sum[N]!),
    },
    breakdown: (sum) => layout.breakdown(sum),
  };
};
