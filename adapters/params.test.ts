import { describe, expect, it } from 'vitest';
import { ModelSpecSchema } from '../harness/core/model.ts';
import { dropParams, mergeParams, unsupportedWarnings } from './params.ts';

const spec = ModelSpecSchema.parse({
  id: 'm', adapter: 'openai-compatible', model: 'm', vendor: 'v', origin: 'global', residency: 'abroad', openWeights: false,
  params: { temperature: 0.2, max_tokens: 100, extra: { reasoning_effort: 'low', top_k: 5 } },
});

describe('params', () => {
  it('request params override the spec; extra is merged key by key', () => {
    expect(mergeParams(spec, { temperature: 0, extra: { reasoning_effort: 'high' } })).toEqual({ temperature: 0, max_tokens: 100, extra: { reasoning_effort: 'high', top_k: 5 } });
  });

  it('drops standard and extra params with one warning each', () => {
    const { params, warnings } = dropParams({ temperature: 0, top_p: 1, extra: { top_k: 5 } }, ['temperature', 'top_k', 'seed'], 'gpt-5');
    expect(params).toEqual({ top_p: 1 });
    expect(warnings).toHaveLength(2);
  });

  it('names settings the protocol has no field for', () => {
    expect(unsupportedWarnings({ seed: 1, temperature: 0 }, ['seed', 'repetition_penalty'], 'Anthropic')).toEqual(['seed ignored: Anthropic has no such setting']);
  });
});
