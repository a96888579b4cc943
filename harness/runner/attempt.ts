/**
 * One unit of work with bounded retries: exponential backoff with jitter on retryable errors
 * (408/409/429/5xx, network, timeouts), honouring Retry-After up to a cap, and a per-item
 * deadline so that no run hangs for hours on one item.
 */
import type { Adapter, GenerateRequest, Generation } from '../core/adapter.ts';
import { AdapterError } from '../core/errors.ts';
import type { RetryPolicy } from '../config/config.ts';
import { sleep } from './lane.ts';

export interface AttemptHooks {
  /** Before each wait: the failed attempt number, the wait and the error. */
  onRetry(attempt: number, delayMs: number, error: AdapterError): void;
  onRateLimited(): void;
}

export type AttemptResult =
  | { ok: true; generation: Generation; attempts: number }
  | { ok: false; error: AdapterError; attempts: number };

export function backoffMs(policy: RetryPolicy, attempt: number, error: AdapterError, random: () => number = Math.random): number {
  if (error.retryAfterMs !== undefined) return Math.min(policy.maxDelayMs, Math.max(0, error.retryAfterMs));
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(exp * (0.5 + random() / 2)); // jitter in [0.5, 1) × the exponential step
}

/** Anything an adapter throws, as an AdapterError (a plain Error counts as a network failure). */
export function toAdapterError(e: unknown): AdapterError {
  if (e instanceof AdapterError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new AdapterError({ code: 'network', retryable: true, message });
}

const cancelled = (attempts: number): AttemptResult => ({ ok: false, error: new AdapterError({ code: 'aborted', retryable: false, message: 'cancelled' }), attempts });

export async function attemptWithRetries(
  adapter: Adapter,
  request: GenerateRequest,
  policy: RetryPolicy,
  signal: AbortSignal,
  hooks: AttemptHooks,
): Promise<AttemptResult> {
  const deadline = Date.now() + policy.deadlineMs;
  for (let attempt = 1; ; attempt++) {
    const remaining = Math.max(1, deadline - Date.now());
    // No timer or controller of our own: the adapter enforces `timeoutMs` (the contract in
    // core/adapter.ts), and the smaller of the model's timeout and what is left of the item's
    // deadline is exactly that. One AbortController fewer per request (~15 µs on Node 20).
    let error: AdapterError;
    try {
      const generation = await adapter.generate({ messages: request.messages, params: request.params, task: request.task, timeoutMs: Math.min(request.timeoutMs ?? remaining, remaining) }, signal);
      return { ok: true, generation, attempts: attempt };
    } catch (e) {
      if (signal.aborted) return cancelled(attempt);
      error = toAdapterError(e);
    }
    // `aborted` while the run was not cancelled: an adapter that stopped on its own timer
    // without saying so (ours report `timeout`).
    if (error.code === 'aborted') error = new AdapterError({ code: 'timeout', retryable: true, message: 'item deadline reached' });
    if (error.code === 'rate_limited') hooks.onRateLimited();
    const delay = backoffMs(policy, attempt, error);
    if (!error.retryable || attempt > policy.max || Date.now() + delay >= deadline) return { ok: false, error, attempts: attempt };
    hooks.onRetry(attempt, delay, error);
    try {
      await sleep(delay, signal);
    } catch {
      return cancelled(attempt);
    }
  }
}
