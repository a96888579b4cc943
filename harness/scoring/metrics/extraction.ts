/** Extraction: f1.field (micro over (item, field)) and exact.record (METRICS.md, Extraction). */
import type { ExtractionValue } from '../../core/pack.ts';
import { normalizeField } from '../field-normalizers.ts';
import { CountLayout, N, closeSetItem, exactShare, type KindScorer, type SparseStats } from '../task-scoring.ts';

const same = (a: ExtractionValue, b: ExtractionValue) =>
  typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) < 1e-9 : a === b;

export const scoreExtraction: KindScorer = (pack, entries) => {
  const fields = pack.fields ?? [];
  const layout = new CountLayout(2, fields.map((f) => f.name));
  const out = { perItem: [] as Array<Record<string, number>>, itemScore: [] as number[] };
  const items = entries.map((e) => {
    const gold = e.gold as Record<string, unknown>;
    const parsed = e.parsed && typeof e.parsed === 'object' ? (e.parsed as Record<string, ExtractionValue>) : null;
    const s: SparseStats = { idx: [N], val: [1] };
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const f of fields) {
      const g = normalizeField(f.type, gold[f.name], { century: pack.century });
      // Normalizing again is idempotent and protects parsed values read back from records an
      // older parser wrote (a resumed run scores them without parsing again).
      const p = parsed ? normalizeField(f.type, parsed[f.name], { century: pack.century }) : null;
      const dim = layout.tp(f.name);
      if (g === null && p === null) continue;
      if (g === null) (s.idx.push(dim + 1), s.val.push(1), fp++);
      else if (p === null) (s.idx.push(dim + 2), s.val.push(1), fn++);
      else if (same(g, p)) (s.idx.push(dim), s.val.push(1), tp++);
      else (s.idx.push(dim + 1, dim + 2), s.val.push(1, 1), fp++, fn++);
    }
    return closeSetItem(s, { tp, fp, fn }, parsed !== null, out);
  });
  return {
    dims: layout.dims,
    items,
    ...out,
    metrics: { 'f1.field': (sum) => layout.microF1(sum), 'exact.record': exactShare },
    breakdown: (sum) => layout.breakdown(sum),
  };
};
