/**
 * Shared bits for the adapter tests over real HTTP: a spec pointing at a fake server, one
 * Korean question, and a helper that captures the AdapterError a call throws.
 */
import { expect } from 'vitest';
import type { Adapter, GenerateRequest, Generation, GenerationParams } from '../harness/core/adapter.ts';
import { AdapterError } from '../harness/core/errors.ts';
import { ModelSpecSchema, type ModelSpec } from '../harness/core/model.ts';
import { ADAPTERS } from '../adapters/registry.ts';
import type { AdapterKeys } from '../adapters/registry-types.ts';

/** Keys shaped like real ones, so pattern redaction would catch them even if exact redaction failed. */
export const KEY = 'sk-kseval-TEST-0123456789abcdefXYZ';
export const WRONG_KEY = 'sk-kseval-WRONG-9876543210fedcbaQRS';
export const CLOVA_KEY = 'nv-kseval0123456789abcdef';
export const CLOVA_GW_KEY = 'gw-kseval-apigw-0123456789';

export const QUESTION = '대한민국의 수도는 어디입니까? 한 단어로 답하세요.';

export function spec(fields: Record<string, unknown>): ModelSpec {
  return ModelSpecSchema.parse({ id: 'test-model', model: 'test-model', vendor: 'test', origin: 'sovereign', residency: 'local', openWeights: true, ...fields });
}

export function adapterFor(s: ModelSpec, keys: AdapterKeys = { apiKey: KEY }): Adapter {
  const factory = ADAPTERS[s.adapter];
  if (!factory) throw new Error(`no adapter ${s.adapter}`);
  return factory(s, keys);
}

export function ask(adapter: Adapter, params: GenerationParams = {}, extra: Partial<GenerateRequest> = {}, signal = new AbortController().signal): Promise<Generation> {
  return adapter.generate({ messages: [{ role: 'system', content: '간결하게 답하세요.' }, { role: 'user', content: QUESTION }], params, timeoutMs: 5_000, ...extra }, signal);
}

export async function failure(p: Promise<unknown>): Promise<AdapterError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(AdapterError);
    return err as AdapterError;
  }
  throw new Error('expected the call to fail');
}

/** No key may appear anywhere a key could leak: the message, the serialised error, raw, warnings. */
export function expectNoKey(value: unknown, keys: readonly string[] = [KEY, WRONG_KEY, CLOVA_KEY, CLOVA_GW_KEY]): void {
  const text = value instanceof Error ? `${value.message}\n${value.stack ?? ''}\n${JSON.stringify(value)}` : JSON.stringify(value);
  for (const k of keys) expect(text).not.toContain(k);
}
