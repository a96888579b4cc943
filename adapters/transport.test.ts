import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transportFetch } from './transport.ts';

/** A loopback server with one route per behaviour the adapters rely on. */
let server: http.Server;
let base = '';
const seen: Array<{ method: string; headers: http.IncomingHttpHeaders; body: string }> = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', headers: req.headers, body });
      const route = req.url ?? '';
      if (route === '/json') {
        res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req-1' });
        res.end(JSON.stringify({ echo: body, answer: '수의계약' }));
      } else if (route === '/error') {
        res.writeHead(429, 'Too Many Requests', { 'retry-after': '2', 'content-type': 'application/json' });
        res.end('{"error":{"message":"요청이 너무 많습니다"}}');
      } else if (route === '/sse') {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write('data: {"delta":"제26조"}\n\n');
        setTimeout(() => res.end('data: [DONE]\n\n'), 20);
      } else if (route === '/cut') {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
        res.write('{"partial":');
        setTimeout(() => res.socket?.destroy(), 20);
      } else if (route === '/slow') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"a":');
        setTimeout(() => res.end('1}'), 5000);
      } else if (route === '/reset') {
        req.socket.destroy();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('transportFetch', () => {
  it('sends method, headers and a UTF-8 body, and reads status, headers and JSON', async () => {
    const payload = JSON.stringify({ messages: [{ role: 'user', content: '추정가격 2억 1천만원의 계약방법은?' }] });
    const res = await transportFetch(`${base}/json`, { method: 'post', headers: new Headers({ Authorization: 'Bearer sk-test', 'Content-Type': 'application/json' }), body: payload });
    expect(res.ok).toBe(true);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('req-1');
    expect(await res.json()).toEqual({ echo: payload, answer: '수의계약' });
    const got = seen.at(-1)!;
    expect(got.method).toBe('POST');
    expect(got.headers['authorization']).toBe('Bearer sk-test');
    expect(got.headers['content-length']).toBe(String(Buffer.byteLength(payload)));
  });

  it('returns a failed status as a response with its body, like fetch', async () => {
    const res = await transportFetch(`${base}/error`, { method: 'POST', headers: { 'x-a': '1' }, body: '{}' });
    expect([res.ok, res.status, res.statusText, res.headers.get('retry-after')]).toEqual([false, 429, 'Too Many Requests', '2']);
    expect(await res.text()).toBe('{"error":{"message":"요청이 너무 많습니다"}}');
    await expect(res.text()).rejects.toThrow(/already been read/);
  });

  it('streams server-sent events through a web ReadableStream body', async () => {
    const res = await transportFetch(`${base}/sse`, { method: 'POST', body: '{}' });
    const reader = res.body!.getReader();
    let text = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += Buffer.from(value).toString('utf8');
    }
    expect(text).toBe('data: {"delta":"제26조"}\n\ndata: [DONE]\n\n');
  });

  it('rejects with AbortError when aborted before sending or while the body is read', async () => {
    const before = new AbortController();
    before.abort();
    await expect(transportFetch(`${base}/json`, { signal: before.signal })).rejects.toMatchObject({ name: 'AbortError' });
    const during = new AbortController();
    const res = await transportFetch(`${base}/slow`, { signal: during.signal });
    const reading = res.text();
    during.abort(new DOMException('no answer within 50 ms', 'TimeoutError'));
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('fails a body cut before its declared length, and a connection reset, as errors with a code', async () => {
    const res = await transportFetch(`${base}/cut`, { method: 'POST', body: '{}' });
    await expect(res.text()).rejects.toMatchObject({ code: 'ECONNRESET' });
    await expect(transportFetch(`${base}/reset`, { method: 'POST', body: '{}' })).rejects.toMatchObject({ code: 'ECONNRESET' });
  });

  it('refuses protocols it does not speak', async () => {
    await expect(transportFetch('ftp://127.0.0.1/x')).rejects.toThrow(/unsupported protocol/);
  });
});
