import { describe, expect, it } from 'vitest';
import { splitThinking } from './thinking.ts';

type Case = readonly [name: string, input: string, answer: string, reasoning: string | null, unterminated: boolean];

const cases: readonly Case[] = [
  ['no tags', '수의계약', '수의계약', null, false],
  ['think block before the answer', '<think>긴급복구 공사이므로 경쟁 여유가 없다.</think>\n\n수의계약', '수의계약', '긴급복구 공사이므로 경쟁 여유가 없다.', false],
  ['thought block', '<thought>부가세 별도 금액이다.</thought>120000000', '120000000', '부가세 별도 금액이다.', false],
  ['upper-case tags', '<THINK>판단 과정</THINK> 인정', '인정', '판단 과정', false],
  ['several blocks anywhere', '<think>첫 생각</think>답의 앞부분 <think>둘째 생각</think>뒷부분', '답의 앞부분 뒷부분', '첫 생각\n\n둘째 생각', false],
  ['closing tag only (EXAONE 4.0 opens it in the prompt)', '조문을 검토하면 제335조가 맞다.\n</think>\n\n형법 제335조', '형법 제335조', '조문을 검토하면 제335조가 맞다.', false],
  ['unterminated block: cut off while thinking', '<think>절도와 폭행의 경합인지, 준강도인지', '', '절도와 폭행의 경합인지, 준강도인지', true],
  ['answer before an unterminated block', '인정 <think>혹시 기준을', '인정', '혹시 기준을', true],
  ['empty think block (thinking switched off)', '<think>\n\n</think>\n\n보완요청', '보완요청', null, false],
  ['stray second closing tag', '<think>가</think>나</think>다', '다', '가\n\n나', false],
  ['tag with attributes and spaces', '<think reason="1">추론</think >결론', '결론', '추론', false],
];

describe('splitThinking', () => {
  it.each(cases)('%s', (_name, input, answer, reasoning, unterminated) => {
    expect(splitThinking(input)).toEqual({ answer, reasoning, unterminated });
  });
});
