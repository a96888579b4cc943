/**
 * The built-in model catalog (adapters/catalog.yaml) and the local-server presets.
 *
 * Each entry is checked with the same `ModelSpecSchema` a user's kseval.config.yaml entry is,
 * so a bad catalog entry fails loudly (with its id) instead of surfacing as a confusing
 * request error mid-run.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { UserError } from '../harness/core/errors.ts';
import { ModelSpecSchema, type ModelSpec, type Origin } from '../harness/core/model.ts';

const CATALOG_FILE = new URL('./catalog.yaml', import.meta.url);

/** A preset is a partial spec: everything but the identity of the model. */
export const PresetSchema = ModelSpecSchema.pick({ adapter: true, baseURL: true, residency: true, openWeights: true, options: true, notes: true });
export type Preset = z.infer<typeof PresetSchema>;

const CatalogFileSchema = z.strictObject({
  models: z.array(z.unknown()),
  presets: z.record(z.string(), PresetSchema).default({}),
});

let cached: { models: ModelSpec[]; presets: Record<string, Preset> } | undefined;

function load(): { models: ModelSpec[]; presets: Record<string, Preset> } {
  if (cached) return cached;
  const file = CATALOG_FILE.pathname;
  let yaml: unknown;
  try {
    yaml = parse(readFileSync(CATALOG_FILE, 'utf8'));
  } catch (err) {
    throw new UserError(`catalog: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`, { file });
  }
  const doc = CatalogFileSchema.safeParse(yaml);
  if (!doc.success) throw new UserError(`catalog: ${doc.error.issues[0]?.message ?? 'invalid'}`, { file });
  const seen = new Set<string>();
  const models = doc.data.models.map((raw, i) => {
    const spec = ModelSpecSchema.safeParse(raw);
    if (!spec.success) {
      const issue = spec.error.issues[0];
      throw new UserError(`catalog models[${i}]: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`, { file });
    }
    if (seen.has(spec.data.id)) throw new UserError(`catalog: duplicate model id ${spec.data.id}`, { file });
    seen.add(spec.data.id);
    return spec.data;
  });
  cached = { models, presets: doc.data.presets };
  return cached;
}

/** Every catalog model (a fresh copy each call, so callers may modify what they get). */
export function loadCatalog(): ModelSpec[] {
  return structuredClone(load().models);
}

export function loadPresets(): Record<string, Preset> {
  return structuredClone(load().presets);
}

/**
 * A spec from a preset plus the fields only the user knows:
 *   fromPreset('vllm', { id: 'my-exaone', model: 'LGAI-EXAONE/EXAONE-4.0-32B', vendor: 'LG AI Research', origin: 'sovereign' })
 */
export function fromPreset(name: string, fields: Record<string, unknown> & { id: string; model: string; origin: Origin }): ModelSpec {
  const preset = load().presets[name];
  if (!preset) throw new UserError(`unknown preset ${name}`, { hint: `use one of: ${Object.keys(load().presets).join(', ')}` });
  const { notes: _notes, ...defaults } = preset;
  const spec = ModelSpecSchema.safeParse({ vendor: 'self-hosted', ...defaults, ...fields });
  if (!spec.success) throw new UserError(`model ${fields.id} (preset ${name}): ${spec.error.issues[0]?.message ?? 'invalid'}`);
  return spec.data;
}
