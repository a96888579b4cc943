/**
 * From model ids to adapters: the catalog plus kseval.config.yaml, keys read from the
 * environment only (never from a file), and models whose key is missing skipped with a line
 * that names the env var.
 */
import { BUILTIN_MODELS } from '../../adapters/builtin/index.ts';
import { loadCatalog, loadPresets } from '../../adapters/catalog.ts';
import { ADAPTERS, createAdapter as createFromRegistry } from '../../adapters/registry.ts';
import type { Adapter } from '../core/adapter.ts';
import { UserError } from '../core/errors.ts';
import { isDefaultModel, type ModelSpec } from '../core/model.ts';
import type { ResolvedModel } from '../runner/plan.ts';

export function catalogWithBuiltins(): ModelSpec[] {
  return [...BUILTIN_MODELS, ...loadCatalog()];
}

/** Local-server presets (`preset: vllm` in a config entry), without their notes. */
export function presets(): Record<string, Partial<ModelSpec>> {
  return Object.fromEntries(Object.entries(loadPresets()).map(([k, { notes: _n, ...v }]) => [k, v]));
}

export function keysFor(spec: ModelSpec, env: NodeJS.ProcessEnv = process.env): { apiKey?: string; apiKey2?: string } {
  const read = (name?: string) => (name && env[name]?.trim() ? env[name]!.trim() : undefined);
  return { apiKey: read(spec.apiKeyEnv), apiKey2: read(spec.apiKeyEnv2) };
}

export function hasKey(spec: ModelSpec, env: NodeJS.ProcessEnv = process.env): boolean {
  return !spec.apiKeyEnv || keysFor(spec, env).apiKey !== undefined;
}

/** The adapter names a model spec may use (checked when a config is loaded). */
export function adapterIds(): string[] {
  return Object.keys(ADAPTERS);
}

export function createAdapter(spec: ModelSpec, env: NodeJS.ProcessEnv = process.env): Adapter {
  return createFromRegistry(spec, keysFor(spec, env));
}

/**
 * Default selection: the built-in reference systems plus every non-reference model whose key
 * env var is set. Explicit ids must exist; an explicit model without its key is skipped.
 */
export function resolveModels(all: ModelSpec[], ids: string[] | undefined, env: NodeJS.ProcessEnv = process.env): { models: ResolvedModel[]; skipped: Array<{ id: string; reason: string }> } {
  const byId = new Map(all.map((m) => [m.id, m]));
  let chosen: ModelSpec[];
  if (ids && ids.length) {
    chosen = ids.map((id) => {
      const spec = byId.get(id);
      if (!spec) throw new UserError(`unknown model '${id}'`, { hint: `see \`kseval models list\`, or add it to kseval.config.yaml` });
      return spec;
    });
  } else {
    chosen = all.filter((m) => isDefaultModel(m, hasKey(m, env)));
  }
  const models: ResolvedModel[] = [];
  const skipped: Array<{ id: string; reason: string }> = [];
  for (const spec of chosen) {
    if (!hasKey(spec, env)) {
      skipped.push({ id: spec.id, reason: `no API key: set ${spec.apiKeyEnv} to run it` });
      continue;
    }
    models.push({ spec, adapter: createAdapter(spec, env) });
  }
  return { models, skipped };
}
