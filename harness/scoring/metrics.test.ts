import { describe, expect, it } from 'vitest';
import { makePack } from '../../test/helpers/packs.ts';
import { SCORERS } from './score-task.ts';
import { sumStats } from './task-scoring.ts';
import type { Kind, Span } from '../core/pack.ts';

function score(kind: Kind, extra: Parameters<typeof makePack>[1], rows: Array<{ gold: unknown; parsed: unknown; input?: Record<string, string> }>) {
  const pack = makePack(kind, extra, rows.map((r) => ({ gold: r.gold as never, input: r.input })));
  const s = SCORERS[kind](pack, rows.map((r, i) => ({ gold: r.gold as never, parsed: r.parsed, input: r.input ?? pack.items[i]!.input })));
  const sum = sumStats(s.dims, s.items);
  return { values: Object.fromEntries(Object.entries(s.metrics).map(([k, f]) => [k, f(sum)])), scoring: s, sum };
}

describe('classification', () => {
  const labels = ['일반경쟁', '제한경쟁', '지명경쟁', '수의계약', '협상에 의한 계약'];
  it('computes macro/micro F1 and accuracy by METRICS.md, unparsed adding only FN', () => {
    const { values } = score('classification', { labels }, [
      { gold: '수의계약', parsed: '수의계약' },
      { gold: '수의계약', parsed: '제한경쟁' },
      { gold: '제한경쟁', parsed: '제한경쟁' },
      { gold: '일반경쟁', parsed: null }, // unparsed: FN for 일반경쟁, no FP
      { gold: '협상에 의한 계약', parsed: '협상에 의한 계약' },
    ]);
    // 수의계약 TP1 FN1 → 2/3; 제한경쟁 TP1 FP1 → 2/3; 일반경쟁 FN1 → 0; 협상 TP1 → 1; 지명경쟁 absent → left out.
    expect(values['f1.macro']).toBeCloseTo((2 / 3 + 2 / 3 + 0 + 1) / 4, 12);
    // ΣTP=3, ΣFP=1, ΣFN=2 → 6/9
    expect(values['f1.micro']).toBeCloseTo(6 / 9, 12);
    expect(values.accuracy).toBeCloseTo(3 / 5, 12);
  });
});

describe('multilabel sets', () => {
  it('micro/macro over (item, label) pairs, exact set, empty gold only adds FP', () => {
    const { values } = score('multilabel', { label_format: 'kcd' }, [
      { gold: ['J18.9', 'I10', 'E11.9'], parsed: ['E11.9', 'I10', 'J18.9'] },
      { gold: ['I10'], parsed: ['I10', 'N39.0'] },
      { gold: [], parsed: ['E78.5'] },
      { gold: ['E11.9'], parsed: null },
      { gold: [], parsed: [] },
    ]);
    // TP: 3+1 = 4; FP: N39.0, E78.5 = 2; FN: E11.9 (item 4) = 1
    expect(values['f1.micro.set']).toBeCloseTo(8 / 11, 12);
    // per label: J18.9 1, I10 1, E11.9 TP1 FN1 → 2/3, N39.0 0, E78.5 0 → mean over 5
    expect(values['f1.macro.set']).toBeCloseTo((1 + 1 + 2 / 3 + 0 + 0) / 5, 12);
    expect(values['exact.set']).toBeCloseTo(2 / 5, 12);
  });
  it('normalizes codes before comparing (e119 = E11.9)', () => {
    const { values } = score('multilabel', { label_format: 'kcd' }, [{ gold: ['e119'], parsed: ['E11.9'] }]);
    expect(values['exact.set']).toBe(1);
  });
});

describe('extraction', () => {
  const fields = [
    { name: '추정가격', type: 'money' as const },
    { name: '개찰일시', type: 'datetime' as const },
    { name: '지역제한', type: 'text' as const },
  ];
  it('counts TP/FP/FN per field by the null rules', () => {
    const { values } = score('extraction', { fields }, [
      { gold: { 추정가격: 120000000, 개찰일시: '2026-02-10T11:00', 지역제한: null }, parsed: { 추정가격: 120000000, 개찰일시: '2026-02-10T10:00', 지역제한: null } },
      { gold: { 추정가격: 50000000, 개찰일시: null, 지역제한: '○○광역시' }, parsed: { 추정가격: null, 개찰일시: '2026-03-01T10:00', 지역제한: ' ○○광역시 ' } },
    ]);
    // item1: TP(추정) + FP+FN(개찰) ; item2: FN(추정) + FP(개찰) + TP(지역)
    // TP=2, FP=2, FN=2 → 4/8
    expect(values['f1.field']).toBeCloseTo(0.5, 12);
    expect(values['exact.record']).toBe(0);
  });
});

describe('spans', () => {
  const source = '환자 김서연(F/46) 보호자 김서연의 남편 연락처 010-2290-4417.';
  const gold: Span[] = [
    { type: '환자명', text: '김서연', start: 3, end: 6 },
    { type: '전화번호', text: '010-2290-4417', start: 29, end: 42 },
  ];
  it('aligns texts to gold occurrences first, counts texts not in the source as FP', () => {
    expect(source.slice(29, 42)).toBe('010-2290-4417');
    const { values, scoring } = score('spans', { entity_types: ['환자명', '전화번호'], source_field: 'note' }, [
      { input: { note: source }, gold, parsed: [{ type: '환자명', text: '김서연' }, { type: '전화번호', text: '010-2290-4417' }, { type: '환자명', text: '이영희' }] },
    ]);
    expect(scoring.perItem[0]).toMatchObject({ tp: 2, fp: 1, fn: 0, not_in_source: 1 });
    expect(values['f1.entity.exact']).toBeCloseTo(4 / 5, 12);
  });
  it('overlap F1 gives credit for partial spans', () => {
    const { values } = score('spans', { entity_types: ['전화번호'], source_field: 'note' }, [
      { input: { note: source }, gold: [gold[1]!], parsed: [{ type: '전화번호', text: '2290-4417' }] },
    ]);
    expect(values['f1.entity.exact']).toBe(0);
    expect(values['f1.entity.overlap']).toBe(1);
  });
  it('a task with no gold and no prediction scores 1.0', () => {
    const { values } = score('spans', { entity_types: ['환자명'], source_field: 'note' }, [{ input: { note: '특이 소견 없음.' }, gold: [], parsed: [] }]);
    expect(values['f1.entity.exact']).toBe(1);
  });
});

describe('short answer (KorQuAD)', () => {
  it.each([
    ['2026년 1월 22일', '2026년1월22일', 0, 1],
    ['서울중앙지방법원', '서울중앙지방법원에서', 0, 0.8889],
    ['「국가계약법」', '국가계약법', 0, 0.8333],
    ['당뇨병(E11.9)', 'E11.9', 0, 0.7273],
    ['HbA1c 7.2%', 'hba1c 7.2', 1, 1],
    ['A·B', 'A B', 0, 0.8],
  ])('%s → %s', (gold, pred, exact, f1) => {
    const { values } = score('short-answer', {}, [{ gold: [gold], parsed: pred }]);
    expect(values.exact).toBe(exact);
    expect(values['f1.char']).toBeCloseTo(f1, 4);
  });
  it('max over acceptable answers, mean over items', () => {
    const { values } = score('short-answer', {}, [
      { gold: ['민법 제750조', '750조'], parsed: '제750조' },
      { gold: ['7.1%'], parsed: null },
    ]);
    expect(values['f1.char']).toBeCloseTo(0.8889 / 2, 4);
  });
});

describe('sentence select', () => {
  it('micro F1 over (item, sentence) pairs', () => {
    const { values } = score('sentence-select', {}, [
      { gold: [3, 4], parsed: [3] },
      { gold: [5], parsed: [5, 6] },
    ]);
    expect(values['f1.sentence']).toBeCloseTo(4 / 6, 12);
    expect(values['exact.set']).toBe(0);
  });
});
