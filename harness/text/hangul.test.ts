import { describe, expect, it } from 'vitest';
import { isHangul, koreanRatio } from './hangul.ts';

describe('isHangul', () => {
  it.each([
    ['가', true],
    ['힣', true],
    ['ㄱ', true],
    ['ㅏ', true],
    ['\u1100', true], // conjoining choseong ᄀ
    ['한'.normalize('NFD'), true],
    ['ﾡ', true], // half-width jamo
    ['A', false],
    ['法', false],
    ['1', false],
    ['.', false],
    ['㉠', false], // circled jamo is a symbol, not a letter
    ['', false],
  ])('%j → %s', (ch, expected) => {
    expect(isHangul(ch)).toBe(expected);
  });
});

describe('koreanRatio', () => {
  it.each([
    ['수의계약', 1],
    ['수의계약입니다.', 1],
    ['2026년 1월', 1],
    ['HbA1c 상승', 2 / 6],
    ['민법 제750조', 1],
    ['形法 제329조', 2 / 4],
    ['Pneumonia', 0],
    ['한국어'.normalize('NFD'), 1],
    ['가 A', 0.5],
  ])('%j → %d', (text, expected) => {
    expect(koreanRatio(text)).toBeCloseTo(expected, 10);
  });

  it.each([[''], ['2026-01-22'], ['... !?'], ['120,000,000']])('%j → null (no letters)', (text) => {
    expect(koreanRatio(text)).toBeNull();
  });
});
