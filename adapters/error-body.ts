/**
 * Reads the message and the machine-readable codes out of a provider's error body.
 *
 * Every envelope in protocols.md §5.5.3 is understood:
 *   - OpenAI object  `{"error":{"message","type","param","code"}}` (OpenAI, Upstage, vLLM ≥ 0.10.1,
 *     Ollama /v1, llama.cpp); Anthropic's `{"type":"error","error":{"type","message","details"}}`
 *     is the same shape with `details.error_code`.
 *   - flat           `{"object":"error","message","type","code"}` (vLLM < 0.10.1)
 *   - string         `{"error":"…","error_type":"overloaded"}` (TGI, Ollama native)
 *   - CLOVA status   `{"status":{"code":"42901","message":"…"}}`
 *   - Gemini array   `[{"error":{"code":400,"message","status":"INVALID_ARGUMENT"}}]`
 * The message is for humans only; decisions use `codes`, most specific first.
 */
import { z } from 'zod';

export interface ErrorBodyInfo {
  message?: string;
  /** Machine-readable codes, most specific first (e.g. `enforced_spend_limit_reached`, then `rate_limit_error`). */
  codes: string[];
}

const Code = z.union([z.string(), z.number()]).nullish();

const ObjectError = z.object({
  message: z.unknown().optional(),
  type: Code,
  code: Code,
  status: Code,
  details: z.union([z.object({ error_code: Code }), z.array(z.unknown())]).nullish(),
});

const ObjectEnvelope = z.object({ error: ObjectError });
const StringEnvelope = z.object({ error: z.string(), error_type: Code });
const StatusEnvelope = z.object({ status: z.object({ code: Code, message: z.string().nullish() }) });
const FlatEnvelope = z.object({ message: z.string(), type: Code, code: Code });

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return undefined;
  return JSON.stringify(value);
}

/** Strings before numbers: `insufficient_quota` says more than `429`. */
function orderCodes(values: readonly (string | number | null | undefined)[]): string[] {
  const strings: string[] = [];
  const numbers: string[] = [];
  for (const v of values) {
    if (typeof v === 'string' && v.trim() !== '') strings.push(v.trim());
    if (typeof v === 'number') numbers.push(String(v));
  }
  return [...new Set([...strings, ...numbers])];
}

export function readErrorBody(body: unknown): ErrorBodyInfo {
  if (Array.isArray(body)) {
    // Gemini wraps the error in a one-element array.
    return body.length > 0 ? readErrorBody(body[0]) : { codes: [] };
  }
  const object = ObjectEnvelope.safeParse(body);
  if (object.success) {
    const e = object.data.error;
    const detailCode = e.details && !Array.isArray(e.details) ? e.details.error_code : undefined;
    return { message: text(e.message), codes: orderCodes([detailCode, e.code, e.type, e.status]) };
  }
  const str = StringEnvelope.safeParse(body);
  if (str.success) return { message: str.data.error, codes: orderCodes([str.data.error_type]) };
  const status = StatusEnvelope.safeParse(body);
  if (status.success) return { message: status.data.status.message ?? undefined, codes: orderCodes([status.data.status.code]) };
  const flat = FlatEnvelope.safeParse(body);
  if (flat.success) return { message: flat.data.message, codes: orderCodes([flat.data.code, flat.data.type]) };
  return { codes: [] };
}

/** Reads an error body given as text: JSON when it parses, otherwise the text itself is the message. */
export function readErrorText(bodyText: string): ErrorBodyInfo {
  const trimmed = bodyText.trim();
  if (trimmed === '') return { codes: [] };
  try {
    const parsed: unknown = JSON.parse(trimmed);
    const info = readErrorBody(parsed);
    return info.message === undefined && info.codes.length === 0 ? { message: trimmed, codes: [] } : info;
  } catch {
    return { message: trimmed, codes: [] };
  }
}
