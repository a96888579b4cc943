import { describe, expect, it } from 'vitest';
import { displayWidth, padDisplay, truncateDisplay, wrapDisplay } from './width.ts';

describe('displayWidth', () => {
  it.each([
    ['abc', 3],
    ['수의계약', 8],
    ['E11.9 당뇨', 10],
    ['한'.normalize('NFD'), 2],
    ['法', 2],
    ['１２', 4],
    ['…', 1],
    ['\u001b[1m굵게\u001b[22m', 4],
    ['', 0],
  ])('%j → %d', (s, expected) => {
    expect(displayWidth(s)).toBe(expected);
  });
});

describe('padDisplay', () => {
  it.each([
    ['수의', 6, 'left', '수의  '],
    ['수의', 6, 'right', '  수의'],
    ['ab', 4, 'left', 'ab  '],
    ['수의계약', 4, 'left', '수의계약'], // already wider: unchanged
  ] as const)('%j to %d (%s) → %j', (s, width, align, expected) => {
    expect(padDisplay(s, width, align)).toBe(expected);
  });

  it('defaults to left alignment', () => {
    expect(padDisplay('가', 3)).toBe('가 ');
  });
});

describe('truncateDisplay', () => {
  it.each([
    ['수의계약', 8, '수의계약'],
    ['수의계약', 7, '수의계…'],
    ['수의계약', 6, '수의… '], // 계 does not fit beside …: a space keeps the width exact
    ['수의계약', 5, '수의…'],
    ['수의계약', 4, '수… '],
    ['수의계약', 1, '…'],
    ['수의계약', 0, ''],
    ['abcdef', 4, 'abc…'],
    ['한국어'.normalize('NFD'), 4, '한'.normalize('NFD') + '… '],
  ])('%j to %d → %j', (s, width, expected) => {
    const out = truncateDisplay(s, width);
    expect(out).toBe(expected);
    expect(displayWidth(out)).toBe(Math.min(width, displayWidth(s)));
  });
});

describe('wrapDisplay', () => {
  it.each([
    ['수의계약 제한경쟁', 10, ['수의계약', '제한경쟁']],
    ['수의계약 제한경쟁', 20, ['수의계약 제한경쟁']],
    ['국가를당사자로하는계약', 8, ['국가를당', '사자로하', '는계약']],
    // A word longer than the line fills the current line first, then breaks between syllables.
    ['가 국가를당사자로하는', 8, ['가 국가', '를당사자', '로하는']],
    // …unless starting it on a fresh line saves a line.
    ['대한민국 서울특별시', 6, ['대한민', '국', '서울특', '별시']],
    ['first line\n둘째 줄', 20, ['first line', '둘째 줄']],
    ['한', 1, ['한']],
    ['', 10, ['']],
    ['a  b', 10, ['a b']],
  ] as const)('%j at %d → %j', (s, width, expected) => {
    const lines = wrapDisplay(s, width);
    expect(lines).toEqual(expected);
  });

  it('never exceeds the width when every grapheme fits', () => {
    const text = '서울특별시 강서구 공항대로 123, 101동 1502호 현장대리인 연락처는 별도로 관리한다';
    for (const width of [4, 5, 9, 13, 20]) {
      for (const line of wrapDisplay(text, width)) expect(displayWidth(line)).toBeLessThanOrEqual(width);
      expect(wrapDisplay(text, width).join('').replace(/\s/gu, '')).toBe(text.replace(/\s/gu, ''));
    }
  });

  it('never splits a decomposed syllable', () => {
    const nfd = '가나다라'.normalize('NFD');
    const lines = wrapDisplay(nfd, 4);
    expect(lines.map((l) => l.normalize('NFC'))).toEqual(['가나', '다라']);
  });
});
