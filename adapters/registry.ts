/**
 * Adapter name (the `adapter:` of a model spec) → factory. A literal map: adding a wire
 * protocol is one line here, and an unknown name is a plain lookup miss, not a fall-through.
 */
import type { Adapter } from '../harness/core/adapter.ts';
import { UserError } from '../harness/core/errors.ts';
import type { ModelSpec } from '../harness/core/model.ts';
import { AnthropicAdapter } from './anthropic.ts';
import { createBuiltinAdapter } from './builtin/index.ts';
import { ClovaStudioAdapter } from './clova-studio.ts';
import { OpenAICompatibleAdapter } from './openai-compatible.ts';
import type { AdapterFactory, AdapterKeys } from './registry-types.ts';

export type { AdapterFactory, AdapterKeys } from './registry-types.ts';

/** Network adapters. Spread into a larger map to add more (see ADAPTERS below). */
export const NETWORK_ADAPTERS = {
  'openai-compatible': (spec, keys) => new OpenAICompatibleAdapter(spec, keys),
  'clova-studio': (spec, keys) => new ClovaStudioAdapter(spec, keys),
  anthropic: (spec, keys) => new AnthropicAdapter(spec, keys),
} satisfies Record<string, AdapterFactory>;

/** Every adapter kseval knows: the network ones and the built-in reference systems. */
export const ADAPTERS: Record<string, AdapterFactory> = {
  ...NETWORK_ADAPTERS,
  builtin: (spec) => createBuiltinAdapter(spec),
};

export function createAdapter(spec: ModelSpec, keys: AdapterKeys, registry: Record<string, AdapterFactory> = ADAPTERS): Adapter {
  const factory = registry[spec.adapter];
  if (!factory) {
    throw new UserError(`model ${spec.id}: unknown adapter "${spec.adapter}"`, { hint: `use one of: ${Object.keys(registry).join(', ')}` });
  }
  return factory(spec, keys);
}
