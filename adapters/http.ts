/**
 * Plain HTTP for the adapters that do not go through the openai SDK (CLOVA native, Anthropic),
 * over the same lean transport as the SDK's requests (transport.ts). No retries here (the runner retries); every failure leaves
 * as an `AdapterError` from errors.ts, and the body of a failed response is read in full so
 * its envelope can be classified.
 */
import type { z } from 'zod';
import type { Deadline } from './deadline.ts';
import { errorFromResponse, errorFromThrown, malformedResponse, streamCutOff } from './errors.ts';
import { transportFetch } from './transport.ts';

export interface PostContext {
  provider: string;
  deadline: Deadline;
  timeoutMs?: number;
  secrets: readonly (string | undefined)[];
}

/** What a stream reader needs: the request's context and when it was sent (time to first token). */
export interface StreamContext extends PostContext {
  /** `performance.now()` when the request was sent. */
  startedAt: number;
}

/**
 * One SSE frame's JSON. Half a frame is what a cut or garbled connection leaves: a stream
 * error, worth another attempt. `what` names the frame in the message (default: its start).
 */
export function frameJSON(data: string, provider: string, what = `frame (${data.slice(0, 60)})`): unknown {
  try {
    return JSON.parse(data);
  } catch {
    throw streamCutOff(provider, `unreadable ${what}`);
  }
}

export async function postJSON(url: string, headers: Record<string, string>, body: unknown, ctx: PostContext): Promise<Response> {
  let response: Response;
  try {
    response = await transportFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: ctx.deadline.signal,
    });
  } catch (err) {
    throw errorFromThrown(err, { ...ctx, phase: 'connect' });
  }
  if (!response.ok) {
    let bodyText = '';
    try {
      bodyText = await response.text();
    } catch (err) {
      // The status alone still classifies the failure; only a cancellation outranks it.
      if (ctx.deadline.callerAborted()) throw errorFromThrown(err, { ...ctx, phase: 'body' });
    }
    throw errorFromResponse({ provider: ctx.provider, status: response.status, headers: response.headers, bodyText, secrets: ctx.secrets });
  }
  return response;
}

/** Reads a whole JSON body and checks it against `schema` (non-strict: providers add keys). */
export async function readJSON<S extends z.ZodType>(response: Response, schema: S, ctx: PostContext): Promise<{ value: z.infer<S>; json: unknown }> {
  let text: string;
  try {
    text = await response.text();
  } catch (err) {
    throw errorFromThrown(err, { ...ctx, phase: 'body' });
  }
  return parseJSON(text, schema, ctx);
}

export function parseJSON<S extends z.ZodType>(text: string, schema: S, ctx: Pick<PostContext, 'provider' | 'secrets'>): { value: z.infer<S>; json: unknown } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw malformedResponse(ctx.provider, `not JSON (${text.length} bytes: ${text.slice(0, 80)})`, true, ctx.secrets);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw malformedResponse(ctx.provider, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), false, ctx.secrets);
  }
  return { value: parsed.data, json };
}
