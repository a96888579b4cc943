/**
 * kseval.config.yaml: models added to (and overriding by id) the catalog, plus run settings.
 * Keys are never written here, only the names of the env vars that hold them.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { UserError, UserErrors } from '../core/errors.ts';
import { ModelSpecSchema, type ModelSpec } from '../core/model.ts';
import { readYaml } from '../packs/yaml-source.ts';

export const RetrySchema = z.strictObject({
  /** Retries after the first attempt. */
  max: z.number().int().min(0).max(20).default(6),
  baseDelayMs: z.number().int().min(0).default(500),
  /** Cap on one wait, including a server's Retry-After. */
  maxDelayMs: z.number().int().min(0).default(60_000),
  /** Give up on an item after this long, whatever the retry count. */
  deadlineMs: z.number().int().positive().default(600_000),
});
export type RetryPolicy = z.infer<typeof RetrySchema>;

const ConfigSchema = z.strictObject({
  models: z.array(z.record(z.string(), z.unknown())).default([]),
  /** Requests in flight across all models. */
  concurrency: z.number().int().positive().max(1024).default(16),
  retries: RetrySchema.default(RetrySchema.parse({})),
  /** Per-attempt timeout, unless a model spec sets its own. */
  timeoutMs: z.number().int().positive().default(120_000),
  seed: z.number().int().default(20261123),
  bootstrap: z.number().int().min(100).max(100_000).default(1000),
  /** Share of items that may fail before the run exits 1. */
  errorBudget: z.number().min(0).max(1).default(0.05),
});

/** How a run behaves; a config sets them, flags override some, the run plan carries them. */
export type RunSettings = Omit<z.output<typeof ConfigSchema>, 'models'>;

export interface KsevalConfig extends RunSettings {
  file?: string;
  models: ModelSpec[];
}

export const DEFAULT_CONFIG_FILE = 'kseval.config.yaml';

/**
 * Loads the config (explicit file, else ./kseval.config.yaml if present) and merges its models
 * over the catalog: an entry whose id is in the catalog may give only the keys it changes.
 * `adapters`, when given, are the adapter names a model may use (checked with file:line).
 */
export async function loadConfig(file: string | undefined, catalog: ModelSpec[], presets: Record<string, Partial<ModelSpec>> = {}, adapters?: readonly string[]): Promise<KsevalConfig> {
  const chosen = file ?? (existsSync(DEFAULT_CONFIG_FILE) ? DEFAULT_CONFIG_FILE : undefined);
  if (file && !existsSync(file)) throw new UserError(`config file not found`, { file, hint: 'check the --config path' });
  const parsed = chosen ? await readYaml(chosen, ConfigSchema) : { value: ConfigSchema.parse({}), problems: [] };
  if (!parsed.value) throw new UserErrors(parsed.problems);
  const cfg = parsed.value;
  const byId = new Map(catalog.map((m) => [m.id, m]));
  const problems: UserError[] = [];
  cfg.models.forEach((raw, i) => {
    // `preset: vllm` fills adapter, baseURL, residency and open weights for a local server;
    // an id already in the catalog may give only the keys it changes.
    const { preset, ...fields } = raw;
    if (preset !== undefined && (typeof preset !== 'string' || !presets[preset])) {
      problems.push(new UserError(`models[${i}]: unknown preset '${String(preset)}'`, { file: chosen, line: parsed.lineAt?.(['models', i, 'preset']), hint: `use one of ${Object.keys(presets).join(', ') || '(none)'}` }));
      return;
    }
    const base: Partial<ModelSpec> | undefined = typeof preset === 'string' ? { vendor: 'unknown', ...presets[preset] } : typeof fields.id === 'string' ? byId.get(fields.id) : undefined;
    const merged = base ? { ...base, ...fields, params: { ...(base.params ?? {}), ...((fields.params as object) ?? {}) } } : fields;
    const result = ModelSpecSchema.safeParse(merged);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const key = issue.path.map(String).join('.') || 'model';
        const what = issue.code === 'unrecognized_keys' ? `unknown key ${issue.keys.join(', ')}` : `${key}: ${issue.message}`;
        const line = parsed.lineAt?.(['models', i, ...issue.path.filter((p): p is string | number => typeof p !== 'symbol')]);
        problems.push(new UserError(`models[${i}]${raw.id ? ` (${String(raw.id)})` : ''}: ${what}`, { file: chosen, line, hint: 'see the Config section of the README' }));
      }
      return;
    }
    // An unknown adapter is reported here, at its line, rather than when the model is first used.
    if (adapters && !adapters.includes(result.data.adapter)) {
      problems.push(new UserError(`models[${i}] (${result.data.id}): unknown adapter '${result.data.adapter}'`, { file: chosen, line: parsed.lineAt?.(['models', i, 'adapter']), hint: `use one of ${adapters.join(', ')}` }));
      return;
    }
    byId.set(result.data.id, result.data);
  });
  if (problems.length) throw new UserErrors(problems);
  const { models: _entries, ...settings } = cfg;
  return { file: chosen ? path.resolve(chosen) : undefined, models: [...byId.values()], ...settings };
}
