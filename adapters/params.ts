/**
 * Generation parameters as an adapter sees them: the spec's defaults under the request's own,
 * minus those an endpoint is known to reject.
 *
 * Dropping is data (`options.dropParams` in the catalog), not code: OpenAI reasoning models
 * reject `temperature`, Gemini's compatible layer rejects unknown fields, Claude's newest
 * models reject `temperature` with `top_p`. Every drop becomes a warning on the Generation so
 * a reader of the results sees which settings did not reach the model.
 */
import type { GenerationParams } from '../harness/core/adapter.ts';
import type { ModelSpec } from '../harness/core/model.ts';

export function mergeParams(spec: ModelSpec, request: GenerationParams): GenerationParams {
  const base: GenerationParams = spec.params ?? {};
  const extra = { ...(base.extra ?? {}), ...(request.extra ?? {}) };
  const merged: GenerationParams = { ...base, ...request };
  if (Object.keys(extra).length > 0) merged.extra = extra;
  else delete merged.extra;
  return merged;
}

const STANDARD = ['temperature', 'top_p', 'top_k', 'max_tokens', 'stop', 'seed', 'repetition_penalty'] as const;
type StandardParam = (typeof STANDARD)[number];

function isStandard(name: string): name is StandardParam {
  return (STANDARD as readonly string[]).includes(name);
}

export function dropParams(params: GenerationParams, drop: readonly string[], endpoint: string): { params: GenerationParams; warnings: string[] } {
  const out: GenerationParams = { ...params, extra: params.extra ? { ...params.extra } : undefined };
  const warnings: string[] = [];
  for (const name of drop) {
    if (isStandard(name) && out[name] !== undefined) {
      delete out[name];
      warnings.push(`${name} not sent: ${endpoint} does not accept it`);
    } else if (out.extra && name in out.extra) {
      delete out.extra[name];
      warnings.push(`${name} not sent: ${endpoint} does not accept it`);
    }
  }
  if (out.extra && Object.keys(out.extra).length === 0) delete out.extra;
  if (out.extra === undefined) delete out.extra;
  return { params: out, warnings };
}

/** A warning for each set parameter that the wire protocol has no field for. */
export function unsupportedWarnings(params: GenerationParams, unsupported: readonly StandardParam[], endpoint: string): string[] {
  return unsupported.filter((name) => params[name] !== undefined).map((name) => `${name} ignored: ${endpoint} has no such setting`);
}
