/**
 * Keeps API keys out of everything an adapter returns or throws.
 *
 * Providers echo keys back (OpenAI's 401 names the key it received, proxies log headers into
 * error bodies), and records, manifests and error messages are written to disk and shared.
 * Two layers: the exact keys the adapter was given, and well-known key shapes for keys it was
 * not given (someone else's key pasted into a prompt, a key the server substituted).
 */

export const REDACTED = '[redacted]';

/** Key shapes of the providers kseval talks to; each keeps its prefix so a reader knows what was there. */
const KEY_PATTERNS: readonly RegExp[] = [
  /\bsk-(?:ant-|proj-|svcacct-)?[A-Za-z0-9_-]{8,}/g, // OpenAI, Anthropic
  /\bnv-[A-Za-z0-9_-]{8,}/g, // CLOVA Studio
  /\bAIza[0-9A-Za-z_-]{20,}/g, // Google
  /\bflp_[A-Za-z0-9_-]{8,}/g, // FriendliAI personal tokens
  /\bup_[A-Za-z0-9_-]{8,}/g, // Upstage
  /\bhf_[A-Za-z0-9]{8,}/g, // Hugging Face tokens (TGI endpoints)
  /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi,
];

/** `api_key=...`, `"x-api-key": "..."`: keep the label, drop the value. */
const LABELLED = /((?:api[_-]?key|apikey|access[_-]?token|secret|password)["']?\s*[:=]\s*["']?)([^\s"',}]{6,})/gi;

/** Keys shorter than this are not redacted verbatim: a 3-letter dummy key would shred ordinary text. */
const MIN_SECRET_LENGTH = 6;

export function redactText(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= MIN_SECRET_LENGTH) out = out.split(secret).join(REDACTED);
  }
  for (const pattern of KEY_PATTERNS) {
    out = out.replace(pattern, (match: string, scheme?: string) =>
      typeof scheme === 'string' && /^(bearer|basic)$/i.test(scheme) ? `${scheme} ${REDACTED}` : REDACTED,
    );
  }
  return out.replace(LABELLED, (_m: string, label: string) => `${label}${REDACTED}`);
}

/** Header names whose values are credentials, whatever they contain. */
const SECRET_FIELDS = new Set([
  'authorization',
  'x-api-key',
  'api-key',
  'apikey',
  'api_key',
  'x-ncp-clovastudio-api-key',
  'x-ncp-apigw-api-key',
  'x-goog-api-key',
  'proxy-authorization',
  'cookie',
  'set-cookie',
]);

/** Deep copy of a JSON-like value with every string redacted and credential fields blanked. */
export function redactDeep(value: unknown, secrets: readonly (string | undefined)[] = []): unknown {
  if (typeof value === 'string') return redactText(value, secrets);
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, secrets));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = SECRET_FIELDS.has(k.toLowerCase()) ? REDACTED : redactDeep(v, secrets);
    }
    return out;
  }
  return value;
}

/**
 * The raw request/response of a Generation, redacted only when someone reads it. The runner
 * never stores `raw`, and redacting every exchange up front cost ~37 µs per request; a getter
 * (also what JSON.stringify calls) keeps the guarantee that no key can be read out of it.
 */
export function lazyRaw(request: unknown, response: unknown, secrets: readonly (string | undefined)[]): { request?: unknown; response?: unknown } {
  let req: unknown;
  let res: unknown;
  let doneReq = false;
  let doneRes = false;
  return {
    get request() {
      if (!doneReq) (req = redactDeep(request, secrets)), (doneReq = true);
      return req;
    },
    get response() {
      if (!doneRes) (res = redactDeep(response, secrets)), (doneRes = true);
      return res;
    },
  };
}
