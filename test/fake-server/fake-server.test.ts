/** The fake server itself: determinism, recording, faults, byte-split writes, and the CLI. */
import { connect } from 'node:net';
import { startFakeServerProcess } from './process.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultRespond, fakeTokens, startFakeServer, type FakeServer } from './index.ts';

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function chat(url: string, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: '서울은 어떤 도시인가요?' }], ...body }) });
}

describe('fake server', () => {
  it('answers deterministically from the last user message', () => {
    const a = defaultRespond({ model: 'x', messages: [{ role: 'user', content: '첫 질문' }, { role: 'assistant', content: '답' }, { role: 'user', content: '서울은?' }] });
    const b = defaultRespond({ model: 'y', messages: [{ role: 'user', content: '서울은?' }] });
    const c = defaultRespond({ model: 'x', messages: [{ role: 'user', content: '부산은?' }] });
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(fakeTokens('가나다')).toBe(2);
  });

  it('records method, path, headers, body and attempt; counts completed answers', async () => {
    server = await startFakeServer({ dialect: 'openai', faults: [{ status: 503 }] });
    expect((await chat(server.url, {}, { 'x-stainless-retry-count': '1' })).status).toBe(503);
    expect((await chat(server.url, {})).status).toBe(200);
    expect(server.requests.map((r) => [r.n, r.method, r.path, r.attempt])).toEqual([
      [0, 'POST', '/v1/chat/completions', '1'],
      [1, 'POST', '/v1/chat/completions', undefined],
    ]);
    expect(server.requests[1]?.body).toMatchObject({ model: 'm' });
    expect(server.completed()).toBe(1);
  });

  it('takes faults as a function of (n, request), and can change faults and answers while running', async () => {
    server = await startFakeServer({ dialect: 'openai', faults: (n, req) => (n === 0 && req.path.endsWith('/chat/completions') ? { status: 429, retryAfter: '7' } : undefined) });
    const first = await chat(server.url, {});
    expect([first.status, first.headers.get('retry-after')]).toEqual([429, '7']);
    server.setFaults([undefined, undefined, { status: 500 }]);
    server.setRespond(() => '바뀐 답');
    const second = (await (await chat(server.url, {})).json()) as { choices: { message: { content: string } }[] };
    expect(second.choices[0]?.message.content).toBe('바뀐 답');
    expect((await chat(server.url, {})).status).toBe(500);
  });

  it('echoes the presented key in its 401 body (so adapters must redact it)', async () => {
    server = await startFakeServer({ dialect: 'openai', apiKey: 'right-key-123456' });
    const res = await chat(server.url, {}, { authorization: 'Bearer wrong-key-654321' });
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('wrong-key-654321');
  });

  it('splits stream frames inside multi-byte characters', async () => {
    server = await startFakeServer({ dialect: 'vllm', respond: () => '한국어 바이트 분할 시험' });
    const chunks = await new Promise<Buffer[]>((resolve, reject) => {
      const got: Buffer[] = [];
      const body = JSON.stringify({ model: 'm', stream: true, messages: [{ role: 'user', content: '시험' }] });
      const socket = connect(server!.port, '127.0.0.1', () => {
        socket.setNoDelay(true);
        socket.write(`POST /v1/chat/completions HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
      });
      socket.on('data', (d: Buffer) => got.push(d));
      socket.on('end', () => resolve(got));
      socket.on('error', reject);
    });
    const strict = new TextDecoder('utf-8', { fatal: true });
    const undecodable = chunks.filter((c) => {
      try {
        strict.decode(c);
        return false;
      } catch {
        return true;
      }
    });
    expect(undecodable.length).toBeGreaterThan(0);
    // Undo the chunked transfer encoding: the body itself must be intact.
    const raw = Buffer.concat(chunks);
    let at = raw.indexOf('\r\n\r\n') + 4;
    const body: Buffer[] = [];
    for (;;) {
      const eol = raw.indexOf('\r\n', at);
      const size = parseInt(raw.subarray(at, eol).toString('latin1'), 16);
      if (!size) break;
      body.push(raw.subarray(eol + 2, eol + 2 + size));
      at = eol + 2 + size + 2;
    }
    const text = Buffer.concat(body).toString('utf8');
    expect(text).toContain('"content":"한국어"');
    expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true);
  });

  it('lists a model on /v1/models', async () => {
    server = await startFakeServer({ dialect: 'vllm' });
    const list = (await (await fetch(`${server.url}/models`)).json()) as { data: { id: string }[] };
    expect(list.data[0]?.id).toBe('fake-model');
  });

  it('serves CLOVA and Anthropic at the origin', async () => {
    server = await startFakeServer({ dialect: 'clova-v3' });
    expect(server.url).toBe(server.origin);
    const res = await fetch(`${server.origin}/testapp/v3/chat-completions/HCX-005`, { method: 'POST', body: JSON.stringify({ messages: [{ role: 'user', content: '안녕' }] }) });
    expect(((await res.json()) as { status: { code: string } }).status.code).toBe('20000');
  });
});

describe('fake server CLI', () => {
  const run = startFakeServerProcess;

  it('prints the base URL on its first line and serves until killed', async () => {
    const { url, stop } = await run(['--dialect', 'openai', '--port', '0', '--latency', '5']);
    try {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
      const res = await chat(url, {});
      expect(res.status).toBe(200);
    } finally {
      stop();
    }
  });

  it('--fail-rate 1 fails every request with a scripted fault', async () => {
    const { url, stop } = await run(['--dialect', 'vllm', '--fail-rate', '1', '--seed', '3']);
    try {
      for (let i = 0; i < 4; i++) {
        const status = await chat(url, {}).then((r) => r.status, () => 0);
        expect([0, 429, 500, 503]).toContain(status);
      }
    } finally {
      stop();
    }
  });
});
