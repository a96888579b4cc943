/**
 * Model specs: one catalog entry (adapters/catalog.yaml or kseval.config.yaml).
 * A spec never holds a key, only the *name* of the env var that does.
 */
import { z } from 'zod';

export const ORIGINS = ['sovereign', 'global', 'reference'] as const;
export const RESIDENCIES = ['kr', 'abroad', 'local'] as const;
export type Origin = (typeof ORIGINS)[number];
export type Residency = (typeof RESIDENCIES)[number];

export const PricingSchema = z.strictObject({
  currency: z.enum(['USD', 'KRW']),
  /** Price per million input tokens. */
  input: z.number().nonnegative(),
  /** Price per million output tokens (thinking tokens included). */
  output: z.number().nonnegative(),
});
export type Pricing = z.infer<typeof PricingSchema>;

/**
 * Whether a plain `kseval run` (no --models) takes this model: the reference systems, and every
 * hosted model whose key is set. Local servers are never run unasked.
 */
export function isDefaultModel(m: { origin: Origin; apiKeyEnv?: string | undefined; baseURL?: string | undefined }, keySet: boolean): boolean {
  const local = Boolean(m.baseURL && (m.baseURL.includes('127.0.0.1') || m.baseURL.includes('localhost')));
  return m.origin === 'reference' || (m.apiKeyEnv !== undefined && keySet && !local);
}

/** The price of these tokens in `p.currency` (prices are per million tokens). */
export function tokenCost(p: Pricing, inputTokens: number, outputTokens: number): number {
  return (inputTokens * p.input + outputTokens * p.output) / 1e6;
}

export const ParamsSchema = z.strictObject({
  temperature: z.number().min(0).max(2).optional(),
  top_p: z.number().min(0).max(1).optional(),
  top_k: z.number().int().min(0).optional(),
  max_tokens: z.number().int().positive().optional(),
  stop: z.array(z.string()).optional(),
  seed: z.number().int().optional(),
  repetition_penalty: z.number().positive().optional(),
  extra: z.record(z.string(), z.unknown()).optional(),
});

export const ModelSpecSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]*$/, 'ids use letters, digits and . _ : / -'),
  adapter: z.string().min(1),
  model: z.string().min(1),
  baseURL: z.string().url().optional(),
  /** Name of the env var holding the key; `null`/absent for keyless local servers. */
  apiKeyEnv: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'must be an env var name like UPSTAGE_API_KEY').optional(),
  /** Some providers take a second key (CLOVA's legacy API Gateway key). */
  apiKeyEnv2: z.string().regex(/^[A-Z_][A-Z0-9_]*$/).optional(),
  vendor: z.string().min(1),
  family: z.string().optional(),
  origin: z.enum(ORIGINS),
  residency: z.enum(RESIDENCIES),
  openWeights: z.boolean(),
  contextLength: z.number().int().positive().optional(),
  pricing: PricingSchema.optional(),
  params: ParamsSchema.default({}),
  concurrency: z.number().int().positive().optional(),
  rpm: z.number().positive().optional(),
  timeoutMs: z.number().int().positive().optional(),
  stream: z.boolean().optional(),
  /** Adapter-specific options (e.g. CLOVA `apiVersion: v3`, `appPrefix: testapp`). */
  options: z.record(z.string(), z.unknown()).optional(),
  notes: z.string().optional(),
});
export type ModelSpec = z.infer<typeof ModelSpecSchema>;
