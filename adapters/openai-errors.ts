/**
 * Unwraps the openai SDK's errors into the status, headers and *whole* body that errors.ts needs.
 *
 * The SDK keeps only `body.error` of a failed response, so CLOVA `status{}`, flat vLLM and Gemini
 * array bodies reach us as "400 status code (no body)" (protocols.md §7.3). A wrapping `fetch`
 * therefore reads each failed body first and files it under the response's `Headers` object,
 * which the SDK hands back unchanged on the error it throws. Requests go through transport.ts.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { AdapterError } from '../harness/core/errors.ts';
import type { Deadline } from './deadline.ts';
import { errorFromResponse, errorFromThrown } from './errors.ts';
import { transportFetch } from './transport.ts';

export type ErrorBodies = WeakMap<Headers, string>;

/** Statuses whose responses may not carry a body (the Response constructor rejects one). */
const NULL_BODY = new Set([101, 204, 205, 304]);

export function capturingFetch(bodies: ErrorBodies): (input: string | URL | Request, init?: RequestInit) => Promise<Response> {
  return async (input, init) => {
    const response = await transportFetch(input, init);
    if (response.ok) return response;
    const text = await response.text();
    const copy = new Response(NULL_BODY.has(response.status) || text === '' ? null : text, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
    bodies.set(copy.headers, text);
    return copy;
  };
}

export function fromSdkError(
  err: unknown,
  ctx: { provider: string; deadline: Deadline; timeoutMs?: number; secrets: readonly (string | undefined)[]; bodies: ErrorBodies },
): AdapterError {
  if (err instanceof AdapterError) return err;
  if (err instanceof APIConnectionTimeoutError) {
    return new AdapterError({ code: 'timeout', retryable: true, message: `${ctx.provider}: no response headers within ${ctx.timeoutMs ?? '?'} ms` });
  }
  if (err instanceof APIUserAbortError) return errorFromThrown(err, { ...ctx, phase: 'connect' });
  if (err instanceof APIConnectionError) return errorFromThrown(err.cause ?? err, { ...ctx, phase: 'connect' });
  if (err instanceof APIError && typeof err.status === 'number' && err.headers) {
    const bodyText = ctx.bodies.get(err.headers);
    return errorFromResponse({
      provider: ctx.provider,
      status: err.status,
      headers: err.headers,
      ...(bodyText !== undefined ? { bodyText } : { body: { error: err.error } }),
      secrets: ctx.secrets,
    });
  }
  return errorFromThrown(err, { ...ctx, phase: 'connect' });
}
