/**
 * The shape every adapter factory has, kept apart from registry.ts so adapters can name it
 * without importing the registry (which imports them).
 */
import type { Adapter } from '../harness/core/adapter.ts';
import type { ModelSpec } from '../harness/core/model.ts';

/** Keys read from the env vars a spec names (`apiKeyEnv`, `apiKeyEnv2`); never stored in a spec. */
export interface AdapterKeys {
  apiKey?: string;
  apiKey2?: string;
}

export type AdapterFactory = (spec: ModelSpec, keys: AdapterKeys) => Adapter;
