import { describe, expect, it } from 'vitest';
import { bestOver, charF1, exactMatch, korquadNormalize } from './korquad.ts';

describe('korquadNormalize', () => {
  it.each([
    ['HbA1c 7.2%', 'hba1c 72'],
    ["'수의계약'", '수의계약'],
    ['《형법》', '형법'],
    ['〈별표〉', '별표'],
    ['<주의>', '주의'],
    ['당뇨병(E11.9)', '당뇨병 e119'],
    ['‘갑’과 ‘을’', '갑 과 을'],
    ['「국가계약법」', '「국가계약법」'],
    ['A·B', 'a·b'],
    ['12％', '12％'],
    ['“인용”', '“인용”'],
    ['  여러   칸\u00a0공백 ', '여러 칸 공백'],
    ['제1-2호', '제12호'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(korquadNormalize(input)).toBe(expected);
  });
});

/** METRICS.md, Short answer: reference values (gold → prediction: exact, f1.char). */
describe('METRICS.md reference values', () => {
  it.each([
    ['2026년 1월 22일', '2026년1월22일', false, 1.0],
    ['서울중앙지방법원', '서울중앙지방법원에서', false, 0.8889],
    ['「국가계약법」', '국가계약법', false, 0.8333],
    ['당뇨병(E11.9)', 'E11.9', false, 0.7273],
    ['HbA1c 7.2%', 'hba1c 7.2', true, 1.0],
    ['A·B', 'A B', false, 0.8],
  ])('gold %j, prediction %j → exact %s, f1.char %d', (gold, pred, exact, f1) => {
    expect(exactMatch(pred, gold)).toBe(exact);
    expect(charF1(pred, gold)).toBeCloseTo(f1, 4);
  });

  it('golds [민법 제750조, 750조] → 제750조: f1.char 0.8889', () => {
    expect(bestOver('제750조', ['민법 제750조', '750조'], charF1)).toBeCloseTo(0.8889, 4);
  });
});

describe('charF1', () => {
  it.each([
    ['수의계약', '수의계약', 1],
    ['수의 계약', '수의계약', 1], // spaces are not characters
    ['계약수의', '수의계약', 1], // a multiset, not a sequence
    ['경쟁', '수의계약', 0],
    ['', '수의계약', 0],
    ['', '', 0], // empty on both sides is 0, as in the official script
    ['...', '!!!', 0],
    ['가가가', '가', 0.5], // P = 1/3, R = 1
    ['𠀀가', '𠀀나', 0.5], // astral characters count once, like Python code points
  ])('pred %j vs gold %j → %d', (pred, gold, expected) => {
    expect(charF1(pred, gold)).toBeCloseTo(expected, 10);
  });

  it('compares NFD input as NFC', () => {
    expect(charF1('수의계약'.normalize('NFD'), '수의계약')).toBe(1);
  });
});

describe('exactMatch', () => {
  it.each([
    ['(수의계약)', '수의계약', true],
    ['수의계약.', '수의계약', true],
    ['수의 계약', '수의계약', false],
    ['E11.9', 'e119', true],
    ['「형법」', '형법', false],
  ])('%j vs %j → %s', (pred, gold, expected) => {
    expect(exactMatch(pred, gold)).toBe(expected);
  });
});

describe('bestOver', () => {
  it('takes the maximum over acceptable answers', () => {
    expect(bestOver('7.1', ['7.1%', '7.1'], exactMatch)).toBe(1);
    expect(bestOver('7.1%', ['7.1'], charF1)).toBe(1);
    expect(bestOver('8.4', ['7.1%', '7.1'], charF1)).toBe(0);
  });

  it('is 0 with no acceptable answers', () => {
    expect(bestOver('무엇이든', [], charF1)).toBe(0);
  });
});
