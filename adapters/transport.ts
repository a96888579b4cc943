/**
 * A lean `fetch` over node:http and node:https, for the adapters' HTTP calls.
 *
 * Why not the global fetch: on Node 20 and 22 each global `fetch` builds a Request, links
 * AbortSignals, runs the WHATWG fetch algorithm over a WebAssembly HTTP parser and exposes the
 * body as a web stream. At evaluation rates that is most of the client's CPU per request
 * (bench/README.md): this transport needs about half of it, so one core drives more requests.
 *
 * What it keeps of fetch: the call shape the openai SDK and adapters/http.ts use (method,
 * headers, a string or byte body, an AbortSignal), a real `Headers` object on the response,
 * rejection with an `AbortError` when the signal aborts (before or while the body is read), and
 * `text()`, `json()`, `arrayBuffer()` and a lazily made web-stream `body` for SSE.
 * What it leaves out: redirects (an API answers 3xx only by mistake; it surfaces as that
 * status), compression negotiation (none is asked for) and request streams.
 *
 * Connections are kept alive, unlimited per host (the runner's concurrency is the limit). An idle
 * connection is closed after 4 s, or 1 s before the server's own `Keep-Alive: timeout=` hint,
 * so that a request is rarely sent on a connection the server is closing (undici's defaults).
 * When it happens anyway the request fails as a network error and the runner's retry, counted
 * in the record, sends it again: the server did receive it, so it must not be retried here.
 */
import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';

/** Idle connections are closed after this (undici's keepAliveTimeout); Node's agent also honours the server's hint. */
const IDLE_MS = 4000;

const clients = {
  'http:': { request: http.request, agent: new http.Agent({ keepAlive: true, maxSockets: Infinity, timeout: IDLE_MS }) },
  'https:': { request: https.request, agent: new https.Agent({ keepAlive: true, maxSockets: Infinity, timeout: IDLE_MS }) },
} as const;

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  return new DOMException(reason instanceof Error ? reason.message : 'This operation was aborted', 'AbortError');
}

function headerRecord(h: RequestInit['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  if (!h) return out;
  if (h instanceof Headers) h.forEach((v, k) => (out[k] = v));
  else if (Array.isArray(h)) for (const [k = '', v = ''] of h) out[k.toLowerCase()] = v;
  else for (const [k, v] of Object.entries(h)) out[k.toLowerCase()] = typeof v === 'string' ? v : v.join(', ');
  return out;
}

function bodyBytes(body: unknown): Buffer | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  throw new TypeError('transport: the request body must be a string or bytes');
}

/** The response: enough of WHATWG `Response` for the openai SDK and the adapters. */
export class TransportResponse {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  readonly headers = new Headers();
  readonly redirected = false;
  readonly type = 'basic';
  private used = false;
  private stream: ReadableStream<Uint8Array> | null | undefined;

  constructor(
    private readonly res: http.IncomingMessage,
    readonly url: string,
  ) {
    this.status = res.statusCode ?? 0;
    this.statusText = res.statusMessage ?? '';
    this.ok = this.status >= 200 && this.status < 300;
    const raw = res.rawHeaders;
    for (let i = 0; i + 1 < raw.length; i += 2) this.headers.append(raw[i]!, raw[i + 1]!);
  }

  get bodyUsed(): boolean {
    return this.used;
  }

  /** The body as a web stream, made on first use (only streamed answers read it this way). */
  get body(): ReadableStream<Uint8Array> | null {
    if (this.stream === undefined) {
      this.used = true;
      this.stream = Readable.toWeb(this.res) as ReadableStream<Uint8Array>;
    }
    return this.stream;
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = await this.bytes();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  async text(): Promise<string> {
    return (await this.bytes()).toString('utf8');
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  clone(): never {
    throw new TypeError('transport: responses cannot be cloned');
  }

  private bytes(): Promise<Buffer> {
    if (this.used) return Promise.reject(new TypeError('Body is unusable: Body has already been read'));
    this.used = true;
    const res = this.res;
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.once('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
      res.once('error', reject);
      // Closed before the end without an error of its own: the connection was cut.
      res.once('close', () => {
        if (!res.complete) reject(res.errored ?? Object.assign(new Error('the connection closed before the body ended'), { code: 'ECONNRESET' }));
      });
    });
  }
}

export function transportFetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
  const url = typeof input === 'string' ? new URL(input) : input instanceof URL ? input : new URL(input.url);
  const client = clients[url.protocol as keyof typeof clients];
  if (!client) return Promise.reject(new TypeError(`transport: unsupported protocol ${url.protocol}`));
  const signal = init.signal ?? undefined;
  let body: Buffer | undefined;
  try {
    body = bodyBytes(init.body);
  } catch (e) {
    return Promise.reject(e);
  }
  const headers = headerRecord(init.headers);
  if (body) headers['content-length'] = String(body.length);
  const options: http.RequestOptions = { method: (init.method ?? 'GET').toUpperCase(), headers, agent: client.agent };

  return new Promise<Response>((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    let current: http.ClientRequest | undefined = undefined;
    let response: http.IncomingMessage | undefined;
    const onAbort = () => {
      const e = abortError(signal!);
      current?.destroy(e);
      response?.destroy(e);
      reject(e);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    // Detach once the answer is fully read or failed; until then an abort cuts the body.
    const settle = () => signal?.removeEventListener('abort', onAbort);

    current = client.request(url, options, (res) => {
      response = res;
      res.once('end', settle);
      res.once('close', settle);
      resolve(new TransportResponse(res, url.href) as unknown as Response);
    });
    current.once('error', (e) => {
      settle();
      reject(e);
    });
    current.end(body);
  });
}
