/**
 * `kseval models check`: one tiny Korean request per model, to tell apart "works", "wrong key",
 * "no such model", "rate-limited", "cannot reach" before a long run does it the slow way.
 *
 * The spec's own params are left out on purpose: a check asks whether the endpoint answers,
 * and settings such as a thinking budget larger than 8 tokens would turn that into a 400.
 * Streaming is off for the same reason.
 */
import type { ModelSpec } from '../harness/core/model.ts';
import { AdapterError, UserError, type AdapterErrorCode } from '../harness/core/errors.ts';
import { redactText } from './redact.ts';
import { createAdapter, type AdapterFactory, type AdapterKeys, ADAPTERS } from './registry.ts';

export type CheckResult = 'reachable' | 'auth-failed' | 'not-found' | 'rate-limited' | 'unreachable' | 'no-key' | 'error';

export interface ModelCheck {
  id: string;
  result: CheckResult;
  detail: string;
  envVar?: string;
  latencyMs?: number;
}

const RESULTS: Partial<Record<AdapterErrorCode, CheckResult>> = {
  auth: 'auth-failed',
  forbidden: 'auth-failed',
  not_found: 'not-found',
  rate_limited: 'rate-limited',
  quota: 'rate-limited',
  overloaded: 'rate-limited',
  network: 'unreachable',
  timeout: 'unreachable',
};

const PROMPT = '안녕하세요. 한 단어로 인사해 주세요.';
const CHECK_TIMEOUT_MS = 30_000;

export async function checkModel(spec: ModelSpec, keys: AdapterKeys, signal: AbortSignal, registry: Record<string, AdapterFactory> = ADAPTERS): Promise<ModelCheck> {
  const secrets = [keys.apiKey, keys.apiKey2];
  if (spec.apiKeyEnv && !keys.apiKey) {
    return { id: spec.id, result: 'no-key', detail: `set ${spec.apiKeyEnv} to use this model`, envVar: spec.apiKeyEnv };
  }
  if (spec.apiKeyEnv2 && !keys.apiKey2 && spec.options?.['authStyle'] === 'legacy') {
    return { id: spec.id, result: 'no-key', detail: `set ${spec.apiKeyEnv2} (second key of the legacy pair)`, envVar: spec.apiKeyEnv2 };
  }
  const started = performance.now();
  try {
    const adapter = createAdapter({ ...spec, params: {}, stream: false }, keys, registry);
    const g = await adapter.generate(
      { messages: [{ role: 'user', content: PROMPT }], params: { max_tokens: 8 }, timeoutMs: Math.min(spec.timeoutMs ?? CHECK_TIMEOUT_MS, CHECK_TIMEOUT_MS) },
      signal,
    );
    const said = g.text.trim() || (g.reasoning ? '(thinking only)' : '(empty answer)');
    return { id: spec.id, result: 'reachable', detail: redactText(`answered: ${[...said].slice(0, 40).join('')}`, secrets), latencyMs: Math.round(performance.now() - started), ...(spec.apiKeyEnv ? { envVar: spec.apiKeyEnv } : {}) };
  } catch (err) {
    const latencyMs = Math.round(performance.now() - started);
    const envVar = spec.apiKeyEnv;
    if (err instanceof AdapterError) {
      const result = RESULTS[err.code] ?? 'error';
      const hint = result === 'auth-failed' && envVar ? ` — check ${envVar}` : '';
      return { id: spec.id, result, detail: redactText(`${err.code}: ${err.message}${hint}`, secrets), latencyMs, ...(envVar ? { envVar } : {}) };
    }
    const message = err instanceof UserError ? err.format() : err instanceof Error ? err.message : String(err);
    return { id: spec.id, result: 'error', detail: redactText(message, secrets), latencyMs, ...(envVar ? { envVar } : {}) };
  }
}
