/**
 * Error bodies in every envelope of protocols.md §5.5.3, with each provider's usual codes.
 * Messages deliberately echo the key the request carried: adapters must redact it.
 */
import type { ErrorEnvelope } from './types.ts';

/** OpenAI-style codes by status (used by the `openai`, `flat` and `string` envelopes). */
const OPENAI_CODES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'invalid_api_key',
  403: 'permission_denied',
  404: 'model_not_found',
  408: 'timeout',
  409: 'conflict',
  413: 'request_too_large',
  422: 'validation',
  429: 'rate_limit_exceeded',
  500: 'server_error',
  502: 'bad_gateway',
  503: 'service_unavailable',
  529: 'overloaded',
};

/** CLOVA `status.code` by HTTP status (protocols.md §1.6). */
export const CLOVA_CODES: Record<number, string> = {
  400: '40001',
  401: '40100',
  403: '40300',
  404: '40400',
  429: '42901',
  500: '50000',
  502: '50200',
  503: '50300',
  504: '50400',
  529: '52900',
};

/** Google RPC status names for the Gemini array envelope. */
const GOOGLE_CODES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

export const ANTHROPIC_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

export function errorBody(envelope: ErrorEnvelope, status: number, message: string, code?: string): unknown {
  switch (envelope) {
    case 'openai':
      return { error: { message, type: code ?? OPENAI_CODES[status] ?? 'api_error', param: null, code: code ?? OPENAI_CODES[status] ?? status } };
    case 'flat':
      return { object: 'error', message, type: 'BadRequestError', param: null, code: code ?? status };
    case 'string':
      return { error: message, error_type: code ?? OPENAI_CODES[status] ?? 'generation' };
    case 'status':
      return { status: { code: code ?? CLOVA_CODES[status] ?? `${status}00`, message } };
    case 'array':
      return [{ error: { code: status, message, status: code ?? GOOGLE_CODES[status] ?? 'UNKNOWN' } }];
  }
}

export function anthropicErrorBody(status: number, message: string, code?: string): unknown {
  // A code ending in `_error` is an error type; anything else is a `details.error_code` (spend limits).
  const type = code !== undefined && code.endsWith('_error') ? code : (ANTHROPIC_TYPES[status] ?? 'api_error');
  const details = code !== undefined && !code.endsWith('_error') ? { error_code: code } : undefined;
  return { type: 'error', error: { type, message, ...(details ? { details } : {}) }, request_id: 'req_fake' };
}

/** The credential a request carried, whatever header it used (for echoing in 401s). */
export function presentedKey(headers: Record<string, string | string[] | undefined>): string {
  const auth = headers['authorization'];
  if (typeof auth === 'string') return auth.replace(/^Bearer\s+/i, '');
  const candidates = [headers['x-api-key'], headers['x-ncp-clovastudio-api-key']];
  for (const c of candidates) if (typeof c === 'string') return c;
  return '(none)';
}
