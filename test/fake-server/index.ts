/**
 * A fake model provider over real HTTP on loopback: one process, selectable dialects, scripted
 * faults. Adapters are tested against it; `main.ts` serves it from the command line so a whole
 * `kseval run` can be exercised offline.
 *
 *   const server = await startFakeServer({ dialect: 'vllm', faults: [{ status: 429, retryAfter: '1' }] });
 *   // server.url → http://127.0.0.1:PORT/v1
 *
 * Request numbers (`n`, the index into `faults`) count every request the server receives, 0-based.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { CLOVA_PATH, handleClova } from './dialect-clova.ts';
import { handleAnthropic } from './dialect-anthropic.ts';
import { handleOpenAI, handleOpenAIModels, OPENAI_PRESETS } from './dialect-openai.ts';
import { defaultRespond } from './respond.ts';
import type { Dialect, FakeServer, FakeServerOptions, Fault, FaultPlan, OpenAIVariant, RecordedRequest, Responder } from './types.ts';
import { sendJSON, sleep, type Exchange } from './wire.ts';

export type * from './types.ts';
export { defaultRespond, fakeTokens } from './respond.ts';

const BASE_OPENAI: OpenAIVariant = { reasoningField: 'reasoning', errorEnvelope: 'openai', usageInStream: 'auto', extras: false, pings: false, done: true };

/** Path prefix the base URL carries, per dialect (what a user puts in `baseURL`). */
const BASE_PATHS: Record<Dialect, string> = {
  openai: '/v1',
  vllm: '/v1',
  'vllm-legacy': '/v1',
  ollama: '/v1',
  llamacpp: '/v1',
  upstage: '/v1',
  'clova-openai': '/v1/openai',
  tgi: '/v1',
  gemini: '/v1beta/openai',
  sktax: '/v1',
  'clova-v1': '',
  'clova-v3': '',
  anthropic: '',
};

type Route = (x: Exchange, method: string) => Promise<void> | void;

function notFound(x: Exchange): void {
  sendJSON(x.res, 404, { error: { message: `no route for ${x.req.method} ${x.path}`, type: 'not_found_error', code: 'not_found' } });
}

function anthropicRoute(): Route {
  return (x, method) => (method === 'POST' && x.path === '/v1/messages' ? handleAnthropic(x) : notFound(x));
}

/** CLOVA serves one API version per dialect, so a v3-only model called on /v1/ is a 404, as for real. */
function clovaRoute(served: 'v1' | 'v3'): Route {
  return (x, method) => {
    const m = CLOVA_PATH.exec(x.path);
    const model = m?.[3];
    if (method !== 'POST' || m?.[2] !== served || model === undefined) {
      sendJSON(x.res, 404, { status: { code: '40400', message: `Not found: ${x.path}` } });
      return;
    }
    return handleClova(x, served, decodeURIComponent(model));
  };
}

function openaiRoute(base: string): Route {
  return (x, method) => {
    if (method === 'POST' && x.path === `${base}/chat/completions`) return handleOpenAI(x);
    if (method === 'GET' && x.path === `${base}/models`) return handleOpenAIModels(x);
    return notFound(x);
  };
}

const ROUTES: Record<Dialect, () => Route> = {
  openai: () => openaiRoute(BASE_PATHS.openai),
  vllm: () => openaiRoute(BASE_PATHS.vllm),
  'vllm-legacy': () => openaiRoute(BASE_PATHS['vllm-legacy']),
  ollama: () => openaiRoute(BASE_PATHS.ollama),
  llamacpp: () => openaiRoute(BASE_PATHS.llamacpp),
  upstage: () => openaiRoute(BASE_PATHS.upstage),
  'clova-openai': () => openaiRoute(BASE_PATHS['clova-openai']),
  tgi: () => openaiRoute(BASE_PATHS.tgi),
  gemini: () => openaiRoute(BASE_PATHS.gemini),
  sktax: () => openaiRoute(BASE_PATHS.sktax),
  'clova-v1': () => clovaRoute('v1'),
  'clova-v3': () => clovaRoute('v3'),
  anthropic: anthropicRoute,
};

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function pickFault(plan: FaultPlan | undefined, n: number, rec: RecordedRequest): Fault | undefined {
  if (plan === undefined) return undefined;
  return typeof plan === 'function' ? plan(n, rec) : plan[n];
}

export async function startFakeServer(opts: FakeServerOptions = {}): Promise<FakeServer> {
  const dialect = opts.dialect ?? 'openai';
  const openai: OpenAIVariant = { ...BASE_OPENAI, ...(OPENAI_PRESETS[dialect] ?? {}), ...(opts.openai ?? {}) };
  let faults: FaultPlan | undefined = opts.faults;
  let respond: Responder = opts.respond ?? defaultRespond;
  const requests: RecordedRequest[] = [];
  let completed = 0;
  const sockets = new Set<Socket>();
  const route = ROUTES[dialect]();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const n = requests.length;
    const url = new URL(req.url ?? '/', 'http://fake');
    const headers = flatHeaders(req);
    const rec: RecordedRequest = { n, method: req.method ?? 'GET', path: url.pathname, headers, body: undefined, attempt: headers['x-stainless-retry-count'] ?? headers['x-kseval-attempt'] };
    requests.push(rec);
    rec.body = await readBody(req);
    const fault = pickFault(faults, n, rec);
    if (opts.latencyMs) await sleep(opts.latencyMs);
    if (fault !== undefined && 'kind' in fault && fault.kind === 'hang') return;
    if (fault !== undefined && 'kind' in fault && fault.kind === 'reset' && fault.after === undefined) {
      req.socket.destroy();
      return;
    }
    const x: Exchange = {
      n,
      req,
      res,
      path: url.pathname,
      body: rec.body,
      fault,
      respond,
      chunkDelayMs: opts.chunkDelayMs ?? 2,
      apiKey: opts.apiKey,
      apiKey2: opts.apiKey2,
      openai,
      clovaSignal: opts.clovaSignal ?? true,
      redactedThinking: opts.redactedThinking ?? false,
      completed: () => {
        completed++;
      },
    };
    await route(x, rec.method);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendJSON(res, 500, { error: { message: `fake server bug: ${String(err)}`, type: 'fake_error' } });
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url: `${origin}${BASE_PATHS[dialect]}`,
    origin,
    port,
    requests,
    completed: () => completed,
    setFaults: (next) => {
      faults = next;
    },
    setRespond: (next) => {
      respond = next ?? defaultRespond;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
