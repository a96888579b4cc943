/** Formatting, bars, column fitting and scrolling of the terminal UI (pure functions). */
import { describe, expect, it } from 'vitest';
import { bar, progressBar } from '../harness/ui/bars.ts';
import { brief } from '../harness/ui/brief.ts';
import { compact, duration, excludesZero, money, pct, pctInterval, ratePct, signedInterval } from '../harness/ui/format.ts';
import { lineText } from '../harness/ui/segments.ts';
import { fitCell, fitColumns, tableRow, type Column } from '../harness/ui/table.ts';
import { moveCursor, viewportStart, windowAround } from '../harness/ui/viewport.ts';
import { displayWidth } from '../harness/text/width.ts';

describe('format', () => {
  it('shows fractions as percentages with one decimal and intervals with an en dash', () => {
    expect(pct(0.6134)).toBe('61.3');
    expect(pct(1)).toBe('100.0');
    expect(pct(-0.00001)).toBe('0.0');
    expect(pct(Number.NaN)).toBe('—');
    expect(pctInterval(0.613, 0.55, 0.672)).toBe('61.3 [55.0–67.2]');
    expect(signedInterval(0.042, -0.01, 0.093)).toBe('+4.2 [-1.0–+9.3]');
    expect(ratePct(3, 40)).toBe('7.5');
    expect(ratePct(0, 0)).toBe('—');
  });

  it('tells whether an interval excludes zero', () => {
    expect(excludesZero(0.01, 0.2)).toBe(true);
    expect(excludesZero(-0.2, -0.01)).toBe(true);
    expect(excludesZero(-0.01, 0.2)).toBe(false);
    expect(excludesZero(0, 0.2)).toBe(false);
  });

  it('formats durations, counts and money', () => {
    expect(duration(7_000)).toBe('0:07');
    expect(duration(754_000)).toBe('12:34');
    expect(duration(3_723_000)).toBe('1:02:03');
    expect(duration(undefined)).toBe('—');
    expect(compact(950)).toBe('950');
    expect(compact(1234)).toBe('1.2k');
    expect(compact(34_500)).toBe('35k');
    expect(compact(1_500_000)).toBe('1.5M');
    expect(money(0.01234, 'USD')).toBe('$0.0123');
    expect(money(12.5, 'USD')).toBe('$12.50');
    expect(money(1234.4, 'KRW')).toBe('₩1,234');
  });

  it('renders gold and answers on one line', () => {
    expect(brief('수의\n계약')).toBe('수의 계약');
    expect(brief(['제6조', '제7조'])).toBe('제6조, 제7조');
    expect(brief([{ type: 'NAME', text: '홍길동', start: 0, end: 3 }])).toBe('NAME:홍길동');
    expect(brief({ 금액: 1000, 기관: null })).toBe('금액=1000; 기관=—');
  });
});

describe('bars', () => {
  it('are exactly as wide as asked, with eighth blocks', () => {
    for (const f of [0, 0.01, 0.333, 0.5, 0.99, 1, 2, -1]) expect(displayWidth(bar(f, 10))).toBe(10);
    expect(bar(0.5, 4)).toBe('██░░');
    expect(bar(0.5, 1)).toBe('▌');
    expect(bar(1 / 8, 1)).toBe('▏');
    expect(progressBar(3, 0, 5)).toBe('░░░░░');
  });
});

describe('columns', () => {
  interface Row {
    id: string;
    title: string;
    n: number;
  }
  const cols: Column<Row>[] = [
    { id: 'id', header: 'id', width: 8, maxWidth: 20, priority: 0, cell: (r) => r.id },
    { id: 'title', header: '제목', width: 8, maxWidth: 16, priority: 2, cell: (r) => r.title },
    { id: 'n', header: 'n', width: 4, align: 'right', priority: 1, cell: (r) => String(r.n) },
  ];
  const rows: Row[] = [
    { id: 'legal/unfair-terms', title: '불공정 약관 조항 판별', n: 100 },
    { id: 'demo/short', title: '단답', n: 3 },
  ];

  it('drops the least important columns first when narrow', () => {
    expect(fitColumns(cols, 80).map((c) => c.id)).toEqual(['id', 'title', 'n']);
    expect(fitColumns(cols, 16).map((c) => c.id)).toEqual(['id', 'n']);
    expect(fitColumns(cols, 9).map((c) => c.id)).toEqual(['id']);
  });

  it('grows flexible columns most important first, up to their maximum', () => {
    const f = fitColumns(cols, 40);
    expect(f.map((c) => c.w)).toEqual([20, 12, 4]);
  });

  it('pads and truncates by display width so Korean and Latin rows line up', () => {
    const f = fitColumns(cols, 36);
    const lines = rows.map((r) => lineText(tableRow(f, r)));
    for (const l of lines) expect(displayWidth(l)).toBe(36);
    const nAt = (l: string) => displayWidth(l.slice(0, l.search(/\d+$/u)));
    expect(nAt(lines[0]!) + '100'.length).toBe(nAt(lines[1]!) + '3'.length);
    expect(fitCell('불공정 약관', 5)).toBe('불공…');
    expect(displayWidth(fitCell('불공정 약관', 6))).toBe(6);
  });
});

describe('viewport', () => {
  it('keeps the cursor on screen', () => {
    expect(viewportStart(0, 100, 10)).toBe(0);
    expect(viewportStart(15, 100, 10, 0)).toBe(6);
    expect(viewportStart(3, 100, 10, 6)).toBe(3);
    expect(windowAround(50, 100, 9)).toEqual({ start: 47, end: 56 });
    expect(windowAround(99, 100, 9)).toEqual({ start: 91, end: 100 });
    expect(windowAround(2, 5, 9)).toEqual({ start: 0, end: 5 });
    expect(moveCursor(0, -1, 5)).toBe(0);
    expect(moveCursor(4, 10, 5)).toBe(4);
  });
});
