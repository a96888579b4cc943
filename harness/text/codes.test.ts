import { describe, expect, it } from 'vitest';
import { normalizeCode, normalizeKcd, normalizeStatute } from './codes.ts';

describe('normalizeKcd', () => {
  it.each([
    ['e119', 'E11.9'],
    ['E11.9', 'E11.9'],
    ['E 11.9', 'E11.9'],
    ['e11.9', 'E11.9'],
    ['E1190', 'E11.90'],
    ['E11.90', 'E11.90'],
    ['I10', 'I10'],
    ['i10', 'I10'],
    ['J18.9', 'J18.9'],
    ['J189', 'J18.9'],
    ['U07.1', 'U07.1'],
    ['E11.', 'E11'],
    ['당뇨병(E11.9)', 'E11.9'],
    ['E11.9 2형 당뇨병', 'E11.9'],
    ['E11.5†', 'E11.5'],
    ['H36.0*', 'H36.0'],
    ['Ｅ１１．９', 'E11.9'],
    ['`N39.0`', 'N39.0'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeKcd(input)).toBe(expected);
  });

  it('upper-cases and removes spaces when there is no code shape', () => {
    expect(normalizeKcd('해당 없음')).toBe('해당없음');
  });
});

describe('normalizeStatute', () => {
  it.each([
    ['형법 329조', '형법 제329조'],
    ['형법 제329조', '형법 제329조'],
    ['형법제329조 제1항', '형법 제329조'],
    ['「형법」 제329조', '형법 제329조'],
    ['『민법』 제750조', '민법 제750조'],
    ['형법 제297조의2', '형법 제297조의2'],
    ['형법 297조의 2', '형법 제297조의2'],
    ['형법 제329조(절도)', '형법 제329조'],
    ['근로 기준법 제23조 제1항', '근로 기준법 제23조'],
    ['근로기준법  제26조', '근로기준법 제26조'],
    ['도로교통법 제44조 제1항 위반', '도로교통법 제44조'],
    ['제7조', '제7조'],
    ['7조', '제7조'],
    ['제 7 조', '제7조'],
    ['"약관의 규제에 관한 법률" 제7조 제1호', '약관의 규제에 관한 법률 제7조'],
    ['「국가를 당사자로 하는 계약에 관한 법률 시행령」 제26조 제1항 제1호', '국가를 당사자로 하는 계약에 관한 법률 시행령 제26조'],
    ['형법 § 329', '형법 제329조'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeStatute(input)).toBe(expected);
  });

  it.each([
    ['형법제329조 제1항', '형법 제329조 제1항'],
    ['형법 329조 1항', '형법 제329조 제1항'],
    ['형법 제329조(절도) 제1항', '형법 제329조 제1항'],
    ['국가계약법 시행령 제26조 제1항 제1호', '국가계약법 시행령 제26조 제1항 제1호'],
    ['지방자치법 제4조 제1항 제2호 가목', '지방자치법 제4조 제1항 제2호 가목'],
    ['형법 제297조의2', '형법 제297조의2'],
  ])('clause level: %j → %j', (input, expected) => {
    expect(normalizeStatute(input, { clauseLevel: true })).toBe(expected);
  });

  it('keeps text without an article, minus its name marks', () => {
    expect(normalizeStatute('「형법」')).toBe('형법');
  });
});

describe('normalizeCode', () => {
  it.each([
    ['text', '**수의계약**입니다', '수의계약'],
    ['kcd', 'e119', 'E11.9'],
    ['statute', '「형법」 329조 1항', '형법 제329조'],
  ] as const)('%s: %j → %j', (format, input, expected) => {
    expect(normalizeCode(input, format)).toBe(expected);
  });
});
