/**
 * How long a provider asks us to wait, read from response headers only.
 *
 * Order (most explicit first):
 *   1. `retry-after-ms` (OpenAI SDK convention, milliseconds)
 *   2. `retry-after` (seconds, or an HTTP date)
 *   3. on 429 only: rate-limit reset headers, `x-ratelimit-reset-requests|tokens` (Go-style
 *      durations such as `6m0s`, `12ms`; OpenAI, CLOVA's OpenAI layer) and
 *      `anthropic-ratelimit-*-reset` (RFC 3339 instants). When several are present we prefer the
 *      limits whose `remaining` is 0 (that is the one we hit) and take the longest wait among them.
 * The value is returned as-is (never negative); the runner caps it with its own `maxDelayMs`.
 */

export interface HeaderSource {
  get(name: string): string | null;
}

const DURATION_UNITS_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1, us: 0.001, µs: 0.001, ns: 0.000001 };
const DURATION_PART = /(\d+(?:\.\d+)?)(ms|us|µs|ns|h|m|s)/g;

/** Parses `6m0s`, `1h2m3.5s`, `12ms`, `0.5s`; a bare number is seconds. */
export function parseDuration(text: string): number | undefined {
  const s = text.trim();
  if (s === '') return undefined;
  if (/^\d+(?:\.\d+)?$/.test(s)) return Number(s) * 1000;
  let total = 0;
  let consumed = 0;
  for (const match of s.matchAll(DURATION_PART)) {
    const [whole, amount, unit] = match;
    const factor = unit === undefined ? undefined : DURATION_UNITS_MS[unit];
    if (amount === undefined || factor === undefined) return undefined;
    total += Number(amount) * factor;
    consumed += whole.length;
  }
  // Anything left over means this was not a duration at all (e.g. a date), so do not guess.
  return consumed === s.length ? Math.round(total) : undefined;
}

function nonNegative(ms: number): number {
  return Math.max(0, Math.round(ms));
}

/** `retry-after` is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
function parseRetryAfter(value: string, now: number): number | undefined {
  const trimmed = value.trim();
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) return nonNegative(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : nonNegative(at - now);
}

interface ResetCandidate {
  waitMs: number;
  exhausted: boolean;
}

const OPENAI_LIMITS = ['requests', 'tokens'] as const;
const ANTHROPIC_LIMITS = ['requests', 'tokens', 'input-tokens', 'output-tokens'] as const;

function resetCandidates(headers: HeaderSource, now: number): ResetCandidate[] {
  const out: ResetCandidate[] = [];
  for (const limit of OPENAI_LIMITS) {
    const reset = headers.get(`x-ratelimit-reset-${limit}`);
    const waitMs = reset === null ? undefined : parseDuration(reset);
    if (waitMs !== undefined) {
      out.push({ waitMs: nonNegative(waitMs), exhausted: headers.get(`x-ratelimit-remaining-${limit}`)?.trim() === '0' });
    }
  }
  for (const limit of ANTHROPIC_LIMITS) {
    const reset = headers.get(`anthropic-ratelimit-${limit}-reset`);
    const at = reset === null ? NaN : Date.parse(reset);
    if (!Number.isNaN(at)) {
      out.push({ waitMs: nonNegative(at - now), exhausted: headers.get(`anthropic-ratelimit-${limit}-remaining`)?.trim() === '0' });
    }
  }
  return out;
}

export function retryAfterMs(headers: HeaderSource, status: number, now: number = Date.now()): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && /^\s*\d+(?:\.\d+)?\s*$/.test(ms)) return nonNegative(Number(ms));
  const ra = headers.get('retry-after');
  if (ra !== null) {
    const parsed = parseRetryAfter(ra, now);
    if (parsed !== undefined) return parsed;
  }
  // Reset headers describe quota windows; on a 5xx they say nothing about when the server recovers.
  if (status !== 429) return undefined;
  const candidates = resetCandidates(headers, now);
  const hit = candidates.filter((c) => c.exhausted);
  const pool = hit.length > 0 ? hit : candidates;
  return pool.length > 0 ? Math.max(...pool.map((c) => c.waitMs)) : undefined;
}
