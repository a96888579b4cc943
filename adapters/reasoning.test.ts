import { describe, expect, it } from 'vitest';
import { separateThinking, type ThinkingInput } from './reasoning.ts';

const base: ThinkingInput = { content: '', finishReason: 'stop', inline: true, promptOpensThinking: false };

describe('separateThinking', () => {
  it.each<[string, Partial<ThinkingInput>, { text: string; reasoning?: string; finishReason: string }]>([
    ['plain answer', { content: '서울입니다.' }, { text: '서울입니다.', finishReason: 'stop' }],
    ['field reasoning', { content: '서울입니다.', fieldReasoning: '수도를 묻는다' }, { text: '서울입니다.', reasoning: '수도를 묻는다', finishReason: 'stop' }],
    ['inline <think>', { content: '<think>수도를 묻는다</think>\n\n서울입니다.' }, { text: '서울입니다.', reasoning: '수도를 묻는다', finishReason: 'stop' }],
    ['inline without opening tag (EXAONE 4.0)', { content: '수도를 묻는다</think>\n\n서울입니다.' }, { text: '서울입니다.', reasoning: '수도를 묻는다', finishReason: 'stop' }],
    ['<thought> without opening tag (EXAONE Deep)', { content: '생각 중</thought>서울', finishReason: 'stop' }, { text: '서울', reasoning: '생각 중', finishReason: 'stop' }],
    ['length inside <think>', { content: '<think>수도를 묻', finishReason: 'length' }, { text: '', reasoning: '수도를 묻', finishReason: 'length' }],
    ['length inside a field-only thought', { content: '', fieldReasoning: '수도를 묻', finishReason: 'length' }, { text: '', reasoning: '수도를 묻', finishReason: 'length' }],
    ['length, tagless, template opened the block', { content: '수도를 묻', finishReason: 'length', promptOpensThinking: true }, { text: '', reasoning: '수도를 묻', finishReason: 'length' }],
    ['length, tagless, template did not open a block: a cut answer', { content: '서울입', finishReason: 'length' }, { text: '서울입', finishReason: 'length' }],
    ['stop, tagless, template opened the block: the text is the answer', { content: '서울입니다', finishReason: 'stop', promptOpensThinking: true }, { text: '서울입니다', finishReason: 'stop' }],
    ['inline parsing off', { content: '<think>x</think>y', inline: false }, { text: '<think>x</think>y', finishReason: 'stop' }],
    ['field and inline both', { content: '둘째</think>답', fieldReasoning: '첫째' }, { text: '답', reasoning: '첫째\n\n둘째', finishReason: 'stop' }],
  ])('%s', (_name, input, expected) => {
    const out = separateThinking({ ...base, ...input });
    expect({ text: out.text, finishReason: out.finishReason, ...(out.reasoning !== undefined ? { reasoning: out.reasoning } : {}) }).toEqual(expected);
  });

  it('warns when the output stopped inside a thinking block without hitting the limit', () => {
    const out = separateThinking({ ...base, content: '<think>끝나지 않은 생각', finishReason: 'stop' });
    expect(out.text).toBe('');
    expect(out.warnings[0]).toMatch(/thinking block/);
  });
});
