/** Short answer: KorQuAD 1.0 f1.char and exact, max over golds, mean over items. */
import { bestOver, charF1, exactMatch } from '../../text/korquad.ts';
import { normalizeDate, normalizeDatetime } from '../../text/dates.ts';
import { parseMoney, parseNumber } from '../../text/money.ts';
import type { KindScorer, SparseStats } from '../task-scoring.ts';

const F1 = 0;
const EXACT = 1;
const N = 2;

/** Optional numeric/date normalizer a pack declares; runs on both sides before KorQuAD's. */
const PRE: Record<string, (s: string, century?: number) => string | null> = {
  money: (s) => {
    const v = parseMoney(s);
    return v === null ? null : String(v);
  },
  number: (s) => {
    const v = parseNumber(s);
    return v === null ? null : String(v);
  },
  date: (s, century) => normalizeDate(s, { century }),
  datetime: (s, century) => normalizeDatetime(s, { century }),
};

export const scoreShortAnswer: KindScorer = (pack, entries) => {
  const pre = pack.normalize ? PRE[pack.normalize]! : null;
  const prep = (s: string) => (pre ? (pre(s, pack.century) ?? s) : s);
  const perItem: Array<Record<string, number>> = [];
  const items: SparseStats[] = entries.map((e) => {
    const golds = (e.gold as string[]).map(prep);
    const pred = typeof e.parsed === 'string' ? prep(e.parsed) : null;
    const f = pred === null ? 0 : bestOver(pred, golds, charF1);
    const x = pred === null ? 0 : bestOver(pred, golds, (p, g) => (exactMatch(p, g) ? 1 : 0));
    perItem.push({ 'f1.char': f, exact: x });
    return { idx: [F1, EXACT, N], val: [f, x, 1] };
  });
  const mean = (dim: number) => (sum: Float64Array) => (sum[N]! === 0 ? 0 : sum[dim]! / sum[N]!);
  return {
    dims: 3,
    items,
    perItem,
    itemScore: perItem.map((p) => p['f1.char']!),
    metrics: { 'f1.char': mean(F1), exact: mean(EXACT) },
    breakdown: () => [],
  };
};
