/**
 * The one place where HTTP outcomes become `AdapterError`s.
 *
 * Decisions come from the status code, the headers and machine-readable codes in the body
 * (`error.code`, `error.type`, CLOVA `status.code`, Anthropic `details.error_code`), never from
 * message text: providers reword messages freely, and a retry policy that greps prose breaks
 * silently. Messages are kept for humans, redacted, and trimmed.
 */
import { AdapterError, type AdapterErrorCode } from '../harness/core/errors.ts';
import type { Deadline } from './deadline.ts';
import { readErrorBody, readErrorText, type ErrorBodyInfo } from './error-body.ts';
import { redactText } from './redact.ts';
import { retryAfterMs, type HeaderSource } from './retry-after.ts';

interface Outcome {
  code: AdapterErrorCode;
  retryable: boolean;
}

/** Provider codes that decide the outcome whatever the HTTP status says. */
const PROVIDER_CODES: Record<string, Outcome> = {
  // OpenAI: a 429 that no amount of waiting fixes.
  insufficient_quota: { code: 'quota', retryable: false },
  billing_hard_limit_reached: { code: 'quota', retryable: false },
  // Anthropic (`error.details.error_code`): spend limit reached, same story.
  enforced_spend_limit_reached: { code: 'quota', retryable: false },
  context_length_exceeded: { code: 'context_length', retryable: false },
  string_above_max_length: { code: 'context_length', retryable: false },
  rate_limit_exceeded: { code: 'rate_limited', retryable: true },
  rate_limit_error: { code: 'rate_limited', retryable: true },
  overloaded_error: { code: 'overloaded', retryable: true },
  overloaded: { code: 'overloaded', retryable: true }, // TGI `error_type`
  content_filter: { code: 'content_filter', retryable: false }, // Azure-style 400
  model_not_found: { code: 'not_found', retryable: false },
  invalid_api_key: { code: 'auth', retryable: false },
  authentication_error: { code: 'auth', retryable: false },
  permission_error: { code: 'forbidden', retryable: false },
  not_found_error: { code: 'not_found', retryable: false },
  // CLOVA Studio `status.code` (protocols.md §1.6).
  '42900': { code: 'rate_limited', retryable: true },
  '42901': { code: 'rate_limited', retryable: true },
  '40003': { code: 'context_length', retryable: false },
  '40005': { code: 'content_filter', retryable: false },
  '40006': { code: 'content_filter', retryable: false },
  '40080': { code: 'not_found', retryable: false },
  '40082': { code: 'not_found', retryable: false },
  '40100': { code: 'auth', retryable: false },
  '40101': { code: 'auth', retryable: false },
  '40102': { code: 'auth', retryable: false },
  '40103': { code: 'auth', retryable: false },
  '40104': { code: 'auth', retryable: false },
  '40170': { code: 'auth', retryable: false },
  '40300': { code: 'forbidden', retryable: false },
  '40301': { code: 'forbidden', retryable: false },
  '40400': { code: 'not_found', retryable: false },
};

const STATUSES: Record<number, Outcome> = {
  400: { code: 'bad_request', retryable: false },
  401: { code: 'auth', retryable: false },
  403: { code: 'forbidden', retryable: false },
  404: { code: 'not_found', retryable: false },
  408: { code: 'timeout', retryable: true },
  409: { code: 'conflict', retryable: true },
  413: { code: 'bad_request', retryable: false },
  422: { code: 'bad_request', retryable: false },
  429: { code: 'rate_limited', retryable: true },
  529: { code: 'overloaded', retryable: true },
};

function outcomeForStatus(status: number): Outcome {
  const known = STATUSES[status];
  if (known) return known;
  if (status >= 500) return { code: 'server_error', retryable: true };
  if (status >= 400) return { code: 'bad_request', retryable: false };
  // A 2xx carrying a failure envelope (CLOVA can put `status.code` in a 200): read as unreadable.
  return { code: 'malformed_response', retryable: false };
}

/** CLOVA codes are HTTP status × 100 + n; lets a failure envelope inside a 200 borrow its status class. */
function statusFromClovaCode(codes: readonly string[]): number | undefined {
  const clova = codes.find((c) => /^[1-5]\d{4}$/.test(c));
  return clova === undefined ? undefined : Number(clova.slice(0, 3));
}

function firstKnown(codes: readonly string[]): Outcome | undefined {
  for (const c of codes) {
    const known = PROVIDER_CODES[c];
    if (known) return known;
  }
  return undefined;
}

const MAX_MESSAGE = 400;

function describe(provider: string, head: string, info: ErrorBodyInfo, secrets: readonly (string | undefined)[]): string {
  const code = info.codes[0] ? ` (${info.codes[0]})` : '';
  const message = info.message ? `: ${info.message.replace(/\s+/g, ' ').trim()}` : '';
  const full = `${provider} ${head}${code}${message}`;
  const clipped = full.length > MAX_MESSAGE ? `${full.slice(0, MAX_MESSAGE)}…` : full;
  return redactText(clipped, secrets);
}

export interface HttpFailure {
  /** Label for messages: `openai-compatible solar-pro3`, `clova-studio HCX-007`. */
  provider: string;
  status: number;
  headers: HeaderSource;
  /** The body as text (preferred) or already parsed. */
  bodyText?: string;
  body?: unknown;
  secrets: readonly (string | undefined)[];
  now?: number;
}

export function errorFromResponse(f: HttpFailure): AdapterError {
  const info = f.bodyText !== undefined ? readErrorText(f.bodyText) : readErrorBody(f.body);
  const borrowed = f.status < 400 ? statusFromClovaCode(info.codes) : undefined;
  const status = borrowed ?? f.status;
  let outcome = firstKnown(info.codes) ?? outcomeForStatus(status);
  // `x-should-retry` is the server's explicit word (OpenAI, Anthropic) and beats our table.
  const should = f.headers.get('x-should-retry')?.trim();
  if (should === 'true' || should === 'false') outcome = { ...outcome, retryable: should === 'true' };
  return new AdapterError({
    code: outcome.code,
    status: f.status,
    retryable: outcome.retryable,
    retryAfterMs: outcome.retryable ? retryAfterMs(f.headers, status, f.now) : undefined,
    providerCode: info.codes[0],
    message: describe(f.provider, `HTTP ${f.status}`, info, f.secrets),
  });
}

/**
 * An error reported inside a 200 stream (vLLM `data: {"error":…}`, CLOVA `event: error`,
 * Anthropic `event: error`). The answer so far is unusable, so it is a `stream_error` and worth
 * another attempt, unless the provider code says retrying cannot help (quota, policy, length).
 */
export function errorFromStreamFrame(provider: string, body: unknown, secrets: readonly (string | undefined)[]): AdapterError {
  const info = readErrorBody(body);
  const known = firstKnown(info.codes);
  const final = known !== undefined && !known.retryable ? known : { code: 'stream_error' as const, retryable: true };
  return new AdapterError({
    ...final,
    status: 200,
    providerCode: info.codes[0],
    message: describe(provider, 'error inside the stream', info, secrets),
  });
}

/** A stream that ended before its terminator: never hand back a silently short answer. */
export function streamCutOff(provider: string, what: string): AdapterError {
  return new AdapterError({ code: 'stream_error', status: 200, retryable: true, message: `${provider} stream ended early: ${what}` });
}

/** The provider refused for content policy (a finish reason or stop reason in a 200). */
export function contentFiltered(provider: string, detail: string): AdapterError {
  return new AdapterError({ code: 'content_filter', status: 200, retryable: false, message: `${provider} refused: ${detail}` });
}

/**
 * A 2xx we cannot read. Broken JSON is retryable (a proxy cut the body); valid JSON of the wrong
 * shape is not (our schema and the provider disagree, and another attempt will say the same).
 */
export function malformedResponse(provider: string, detail: string, retryable: boolean, secrets: readonly (string | undefined)[]): AdapterError {
  return new AdapterError({
    code: 'malformed_response',
    status: 200,
    retryable,
    message: redactText(`${provider} sent an unreadable response: ${detail}`.slice(0, MAX_MESSAGE), secrets),
  });
}

export type Phase = 'connect' | 'body' | 'stream';

function causeCode(err: unknown): string | undefined {
  if (err === null || typeof err !== 'object') return undefined;
  const direct = 'code' in err && typeof err.code === 'string' ? err.code : undefined;
  const cause = 'cause' in err ? causeCode(err.cause) : undefined;
  return cause ?? direct;
}

/**
 * Anything thrown while talking to the server: our own errors pass through; aborts are a timeout
 * or a cancellation depending on which signal fired; the rest is the network. A connection lost
 * mid-stream is a `stream_error` so the partial answer is never mistaken for a whole one.
 */
export function errorFromThrown(
  err: unknown,
  ctx: { provider: string; deadline: Deadline; phase: Phase; timeoutMs?: number; secrets: readonly (string | undefined)[] },
): AdapterError {
  if (err instanceof AdapterError) return err;
  if (ctx.deadline.timedOut()) {
    return new AdapterError({ code: 'timeout', retryable: true, message: `${ctx.provider}: no complete answer within ${ctx.timeoutMs ?? '?'} ms` });
  }
  if (ctx.deadline.callerAborted()) {
    return new AdapterError({ code: 'aborted', retryable: false, message: `${ctx.provider}: request cancelled` });
  }
  const code = causeCode(err);
  const detail = code ?? (err instanceof Error ? err.message : String(err));
  const message = redactText(`${ctx.provider}: connection failed${ctx.phase === 'connect' ? '' : ` while reading the ${ctx.phase}`} (${detail})`, ctx.secrets);
  if (ctx.phase === 'stream') return new AdapterError({ code: 'stream_error', retryable: true, message });
  return new AdapterError({ code: 'network', retryable: true, message });
}
