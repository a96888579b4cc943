import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ModelSpec } from '../core/model.ts';
import { requestKey, stableJson } from './request-key.ts';

/** The definition the keys of earlier records were made with. */
const replacerJson = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );

const values: unknown[] = [
  [{ role: 'system', content: '당신은 공공조달 전문가입니다.' }, { role: 'user', content: '추정가격 2억 1천만원, 「국가계약법 시행령」 제26조\n계약방법은?' }],
  { temperature: 0, max_tokens: 512, extra: { chat_template_kwargs: { enable_thinking: true }, b: [1, null, 'x'], a: undefined } },
  { z: 1, a: { y: [{ d: 2, c: '\u0000"\\' }], x: null }, 가: '나', B: 3, é: 'e\u0301' },
  [undefined, () => 1, 'x', NaN, Infinity, -0, new Date(0)],
  'plain',
  42,
  null,
];

describe('stableJson', () => {
  it.each(values.map((v, i) => [i, v]))('value %i matches the key-sorting replacer byte for byte', (_i, v) => {
    expect(stableJson(v)).toBe(replacerJson(v));
  });
});

describe('requestKey', () => {
  it('is the sha256 of the canonical JSON of identity, messages and params', () => {
    const spec = { id: 'm', adapter: 'openai-compatible', model: 'solar-pro', baseURL: 'http://127.0.0.1:1/v1', params: { temperature: 0 } } as unknown as ModelSpec;
    const messages = values[0] as never;
    const identity = { adapter: spec.adapter, model: spec.model, baseURL: spec.baseURL, options: null };
    const expected = createHash('sha256').update(replacerJson({ identity, messages, params: spec.params })).digest('hex').slice(0, 32);
    expect(requestKey(spec, messages, spec.params)).toBe(expected);
    expect(requestKey(spec, messages, { temperature: 0.7 })).not.toBe(expected);
  });
});

describe('requestKey with shared prompt turns', () => {
  it('gives the same key for frozen (shared) and fresh copies of the same messages', () => {
    const spec = { id: 'm', adapter: 'openai-compatible', model: 'exaone', params: {} } as unknown as ModelSpec;
    const system = Object.freeze({ role: 'system' as const, content: '당신은 의무기록 코딩 전문가입니다.' });
    const user = { role: 'user' as const, content: '진단명: 제2형 당뇨병(합병증 없음)\nKCD 코드는?' };
    const shared = requestKey(spec, [system, user], {});
    expect(requestKey(spec, [system, { ...user }], {})).toBe(shared);
    expect(requestKey(spec, [{ ...system }, { ...user }], {})).toBe(shared);
    expect(requestKey(spec, [system, { ...user, content: user.content + ' ' }], {})).not.toBe(shared);
  });
});
