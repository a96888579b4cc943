/**
 * Writing responses the way real servers do, including the awkward parts: stream frames go out
 * in separate TCP writes, and each frame is cut inside its first multi-byte character so a
 * client that decodes chunk by chunk (instead of with a streaming decoder) garbles Hangul.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Fault, OpenAIVariant, Responder, StatusFault } from './types.ts';

export interface Exchange {
  n: number;
  req: IncomingMessage;
  res: ServerResponse;
  path: string;
  body: unknown;
  fault: Fault | undefined;
  respond: Responder;
  chunkDelayMs: number;
  apiKey?: string;
  apiKey2?: string;
  openai: OpenAIVariant;
  clovaSignal: boolean;
  redactedThinking: boolean;
  /** Count this request as answered in full. */
  completed(): void;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function isStatusFault(f: Fault | undefined): f is StatusFault {
  return f !== undefined && 'status' in f;
}

export function faultHeaders(f: StatusFault): Record<string, string> {
  const headers: Record<string, string> = { ...(f.headers ?? {}) };
  if (f.retryAfter !== undefined) headers['retry-after'] = f.retryAfter;
  if (f.retryAfterMs !== undefined) headers['retry-after-ms'] = f.retryAfterMs;
  return headers;
}

export function sendJSON(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** A 200 whose body is not JSON at all: what a proxy cutting a body mid-way produces. */
export function sendMalformed(res: ServerResponse): void {
  const text = '{"id":"broken","choices":[{"message":{"content":"한국';
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
  res.end(text);
}

/** Writes half a JSON body, then drops the connection. */
export function sendTruncatedJSON(res: ServerResponse, body: unknown): void {
  const text = JSON.stringify(body);
  const bytes = Buffer.from(text);
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': bytes.length });
  res.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
  setTimeout(() => res.socket?.destroy(), 5);
}

export function sseFrame(data: string, event?: string, id?: string): string {
  return `${id !== undefined ? `id: ${id}\n` : ''}${event !== undefined ? `event: ${event}\n` : ''}data: ${data}\n\n`;
}

/** Cut point inside the first multi-byte UTF-8 sequence (after its lead byte), or the middle. */
function splitPoint(bytes: Buffer): number {
  const lead = bytes.findIndex((b) => b >= 0xc0);
  return lead >= 0 ? lead + 1 : Math.floor(bytes.length / 2);
}

export class Streamer {
  constructor(
    private readonly res: ServerResponse,
    private readonly delayMs: number,
  ) {}

  start(contentType = 'text/event-stream; charset=utf-8'): void {
    this.res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-cache' });
    this.res.socket?.setNoDelay(true);
    this.res.flushHeaders();
  }

  get open(): boolean {
    return !this.res.destroyed && !this.res.writableEnded;
  }

  /** Writes one frame in two TCP writes, split inside a character; false once the client is gone. */
  async write(text: string): Promise<boolean> {
    if (!this.open) return false;
    const bytes = Buffer.from(text, 'utf8');
    const cut = splitPoint(bytes);
    this.res.write(bytes.subarray(0, cut));
    await sleep(this.delayMs);
    if (!this.open) return false;
    this.res.write(bytes.subarray(cut));
    await sleep(this.delayMs);
    return this.open;
  }

  end(): void {
    if (this.open) this.res.end();
  }

  destroy(): void {
    this.res.socket?.destroy();
  }
}

/** Token and message limits read from any dialect's body. */
export function numberField(body: unknown, ...names: string[]): number | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  for (const name of names) {
    const v: unknown = (body as Record<string, unknown>)[name];
    if (typeof v === 'number') return v;
  }
  return undefined;
}

export function messagesOf(body: unknown): { role: string; content: string }[] {
  if (body === null || typeof body !== 'object') return [];
  const raw: unknown = (body as Record<string, unknown>)['messages'];
  if (!Array.isArray(raw)) return [];
  return raw.map((m: unknown) => {
    const o = m !== null && typeof m === 'object' ? (m as Record<string, unknown>) : {};
    const content = o['content'];
    return { role: typeof o['role'] === 'string' ? o['role'] : 'user', content: typeof content === 'string' ? content : JSON.stringify(content ?? '') };
  });
}

export function field(body: unknown, name: string): unknown {
  return body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
}
