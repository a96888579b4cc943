import { describe, expect, it } from 'vitest';
import { foldSpaces, halfwidth, labelKey, nfc, normalizeLabel, stripWrapping } from './normalize.ts';

describe('nfc', () => {
  it.each([
    ['수의계약'.normalize('NFD'), '수의계약'],
    ['한글'.normalize('NFD'), '한글'],
    ['이미 조합된 글자', '이미 조합된 글자'],
  ])('%j → %j', (input, expected) => {
    expect(nfc(input)).toBe(expected);
    expect(nfc(input).length).toBe(expected.length);
  });
});

describe('foldSpaces', () => {
  it.each([
    ['  제한\u00a0경쟁  ', '제한 경쟁'],
    ['협상에\u3000의한\t계약', '협상에 의한 계약'],
    ['해당\n\n없음', '해당 없음'],
    ['일반\u2003경쟁\u202f입찰', '일반 경쟁 입찰'],
    ['\u00a0\u3000', ''],
  ])('%j → %j', (input, expected) => {
    expect(foldSpaces(input)).toBe(expected);
  });
});

describe('halfwidth', () => {
  it.each([
    ['１２０，０００원', '120,000원'],
    ['（주）한빛', '(주)한빛'],
    ['①항은 그대로', '①항은 그대로'],
  ])('%j → %j', (input, expected) => {
    expect(halfwidth(input)).toBe(expected);
  });
});

describe('stripWrapping', () => {
  it.each([
    ['"수의계약"', '수의계약'],
    ["'지명경쟁'", '지명경쟁'],
    ['「국가계약법」', '국가계약법'],
    ['『민법』', '민법'],
    ['(인정)', '인정'],
    ['[보완요청]', '보완요청'],
    ['《판결》', '판결'],
    ['〈별표 1〉', '별표 1'],
    ['**수의계약**', '수의계약'],
    ['`E11.9`', 'E11.9'],
    ['```\n제한경쟁\n```', '제한경쟁'],
    ['“조정(삭감)”', '조정(삭감)'],
    ['**「수의계약」**', '수의계약'],
    // Brackets that do not wrap the whole string stay.
    ['(주)한빛 (서울)', '(주)한빛 (서울)'],
    ['"갑" 또는 "을"', '"갑" 또는 "을"'],
    ['조정(삭감)', '조정(삭감)'],
  ])('%j → %j', (input, expected) => {
    expect(stripWrapping(input)).toBe(expected);
  });
});

describe('normalizeLabel', () => {
  it.each([
    ['수의계약입니다.', '수의계약'],
    ['수의계약이다', '수의계약'],
    ['수의계약임', '수의계약'],
    ['**수의계약**', '수의계약'],
    ['답: 수의계약', '수의계약'],
    ['정답: "협상에 의한 계약"입니다.', '협상에 의한 계약'],
    ['**답**: 일반경쟁', '일반경쟁'],
    ['최종 답변: 인정', '인정'],
    ['정답은 수의계약입니다.', '수의계약'],
    ['결론은 **보완요청**입니다', '보완요청'],
    ['Answer: 보완요청', '보완요청'],
    ['  제한\u00a0경쟁  ', '제한 경쟁'],
    ['조정(삭감)입니다', '조정(삭감)'],
    ['해당 없음.', '해당 없음'],
    ['제7조에 해당합니다.', '제7조'],
    ['수의계약으로 판단됩니다.', '수의계약'],
    ['부적격임.', '부적격'],
    ['인정이에요', '인정'],
    ['수의계약'.normalize('NFD') + '입니다', '수의계약'],
    ['수의\u200b계약', '수의계약'],
    // Labels that end in 임/이다 themselves survive.
    ['책임', '책임'],
    ['무과실 책임', '무과실 책임'],
    ['위임', '위임'],
    ['임', '임'],
    ['이다', '이다'],
    ['입니다', '입니다'],
    ['책임입니다', '책임'],
    ['업무상배임', '업무상배임'],
    ['업무상배임입니다.', '업무상배임'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeLabel(input)).toBe(expected);
  });
});

describe('labelKey', () => {
  it.each([
    ['해당 없음', '해당없음'],
    ['해당없음입니다.', '해당없음'],
    ['협상에 의한 계약', '협상에의한계약'],
    ['**협상에  의한\u00a0계약**', '협상에의한계약'],
  ])('%j → %j', (input, expected) => {
    expect(labelKey(input)).toBe(expected);
  });

  it('makes spacing variants of one label equal', () => {
    expect(labelKey('제한 경쟁입찰')).toBe(labelKey('제한경쟁입찰'));
  });
});
