import { describe, expect, it } from 'vitest';
import { makePack } from '../../test/helpers/packs.ts';
import { parseOutput } from './parsers.ts';

const methods = makePack('classification', { labels: ['일반경쟁', '제한경쟁', '지명경쟁', '수의계약', '협상에 의한 계약'] });
const terms = makePack('classification', { labels: ['제6조', '제7조', '제14조', '해당 없음'] });

describe('label parser', () => {
  it.each([
    ['수의계약', '수의계약'],
    ['수의계약입니다.', '수의계약'],
    ['**수의계약**', '수의계약'],
    ['답: 협상에 의한 계약', '협상에 의한 계약'],
    ['협상에의한계약', '협상에 의한 계약'],
    ['<think>긴급 복구라 경쟁 여유가 없다. 제한경쟁은 아니다.</think>\n수의계약', '수의계약'],
    ['재난 복구 상황이므로 경쟁에 부칠 여유가 없습니다.\n</think>\n수의계약', '수의계약'],
    ['{"label": "제한경쟁"}', '제한경쟁'],
    ['이 경우에는 수의계약이 가능합니다 (국가계약법 시행령 제26조).', '수의계약'],
  ])('%s → %s', (output, want) => {
    expect(parseOutput(methods, output)).toEqual({ ok: true, value: want });
  });
  it('prefers the longest label mention (제14조 is not 제1조)', () => {
    expect(parseOutput(terms, '이 조항은 약관규제법 제14조에 위반됩니다.')).toEqual({ ok: true, value: '제14조' });
  });
  it.each([['일반경쟁 또는 제한경쟁'], ['모르겠습니다'], ['']])('unparsed: %s', (output) => {
    expect(parseOutput(methods, output).ok).toBe(false);
  });
});

describe('label-list parser', () => {
  const kcd = makePack('multilabel', { label_format: 'kcd', labels: ['J18.9', 'I10', 'E11.9'] });
  const statutes = makePack('multilabel', { label_format: 'statute' });
  it.each([
    ['J18.9\nI10\nE11.9', ['E11.9', 'I10', 'J18.9']],
    ['- J18.9 (상세불명의 폐렴)\n- i10', ['I10', 'J18.9']],
    ['["E119", "I10"]', ['E11.9', 'I10']],
    ['```json\n["J18.9"]\n```', ['J18.9']],
    ['해당 없음', []],
  ])('kcd %s', (output, want) => {
    expect(parseOutput(kcd, output)).toEqual({ ok: true, value: want });
  });
  it.each([
    ['형법 제335조', ['형법 제335조']],
    ['형법 329조, 형법 제260조', ['형법 제260조', '형법 제329조']],
    ['「근로기준법」 제23조 제1항', ['근로기준법 제23조']],
  ])('statute %s', (output, want) => {
    expect(parseOutput(statutes, output)).toEqual({ ok: true, value: want });
  });
  it('matches law names to the closed list ignoring spaces', () => {
    const closed = makePack('multilabel', { label_format: 'statute', labels: ['특정범죄 가중처벌 등에 관한 법률 제5조의3', '형법 제268조'] });
    expect(parseOutput(closed, '특정범죄가중처벌등에관한법률 제5조의3')).toEqual({ ok: true, value: ['특정범죄 가중처벌 등에 관한 법률 제5조의3'] });
  });
});

describe('json-object parser (extraction)', () => {
  const pack = makePack('extraction', {
    fields: [
      { name: '추정가격', type: 'money' },
      { name: '입찰서제출마감일시', type: 'datetime' },
      { name: '지역제한', type: 'text' },
      { name: '공고번호', type: 'code' },
    ],
  });
  it('reads fenced JSON, matches keys ignoring spaces and normalizes by type', () => {
    const out = '다음과 같습니다.\n```json\n{"추정가격": "금 일억이천만원정", "입찰서 제출 마감일시": "2026. 2. 10.(화) 10:00", "지역제한": "없음", "공고번호": " r26bk00917342-000 "}\n```';
    expect(parseOutput(pack, out)).toEqual({ ok: true, value: { 추정가격: 120000000, 입찰서제출마감일시: '2026-02-10T10:00', 지역제한: null, 공고번호: 'R26BK00917342-000' } });
  });
  it('no JSON object is unparsed', () => {
    expect(parseOutput(pack, '추정가격은 1억 2천만 원입니다.').ok).toBe(false);
  });
});

describe('json-entities and number-list parsers', () => {
  const spans = makePack('spans', { entity_types: ['성명'], source_field: 'doc' });
  const select = makePack('sentence-select', { source_field: 'text' });
  it('reads entities with or without offsets, or an {entities: [...]} object', () => {
    expect(parseOutput(spans, '[{"type":"성명","text":"이도윤","start":7}]')).toEqual({ ok: true, value: [{ type: '성명', text: '이도윤', start: 7 }] });
    expect(parseOutput(spans, '{"entities":[{"type":"성명","text":"박서준"}]}')).toEqual({ ok: true, value: [{ type: '성명', text: '박서준' }] });
    expect(parseOutput(spans, '[]')).toEqual({ ok: true, value: [] });
  });
  it.each([
    ['[5, 3]', [3, 5]],
    ['3번, 5번 문장', [3, 5]],
    ['[]', []],
  ])('sentences %s', (output, want) => {
    expect(parseOutput(select, output)).toEqual({ ok: true, value: want });
  });
});

describe('text parser (short answer)', () => {
  const pack = makePack('short-answer');
  it.each([
    ['7.1%', '7.1%'],
    ['정답: 7.1%', '7.1%'],
    ['2026. 4. 2.입니다.', '2026. 4. 2.'],
    ['<think>두 번째 측정값</think>7.1%', '7.1%'],
  ])('%s → %s', (output, want) => {
    expect(parseOutput(pack, output)).toEqual({ ok: true, value: want });
  });
});
