import { describe, expect, it } from 'vitest';
import { readSSE, type SSEFrame } from './sse.ts';

function streamOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(c);
      controller.close();
    },
  });
}

/** Cuts `text` into byte chunks of the given sizes (cycled), so cuts land inside Hangul syllables. */
function bytesIn(text: string, sizes: number[]): Uint8Array[] {
  const all = new TextEncoder().encode(text);
  const out: Uint8Array[] = [];
  for (let i = 0, k = 0; i < all.length; k++) {
    const n = sizes[k % sizes.length] ?? 1;
    out.push(all.slice(i, i + n));
    i += n;
  }
  return out;
}

async function collect(chunks: Uint8Array[]): Promise<SSEFrame[]> {
  const frames: SSEFrame[] = [];
  for await (const f of readSSE(streamOf(chunks))) frames.push(f);
  return frames;
}

const TEXT = 'event: token\ndata: {"content":"대한민국의 수도는 서울입니다"}\n\n: ping\n\ndata: 둘째\ndata: 줄\n\nid: 7\ndata: [DONE]\n\n';
const EXPECTED: SSEFrame[] = [
  { event: 'token', data: '{"content":"대한민국의 수도는 서울입니다"}', id: undefined },
  { event: undefined, data: '둘째\n줄', id: undefined },
  { event: undefined, data: '[DONE]', id: '7' },
];

describe('readSSE', () => {
  it.each([[[1]], [[2]], [[1, 2]], [[4, 7, 5]], [[1000]]])('decodes Hangul split at byte level, chunk sizes %j', async (sizes) => {
    expect(await collect(bytesIn(TEXT, sizes))).toEqual(EXPECTED);
  });

  it('accepts CRLF and CR line ends, even with CRLF split across chunks', async () => {
    const crlf = TEXT.replace(/\n/g, '\r\n');
    expect(await collect(bytesIn(crlf, [3, 1]))).toEqual(EXPECTED);
    expect(await collect(bytesIn(TEXT.replace(/\n/g, '\r'), [5]))).toEqual(EXPECTED);
  });

  it('drops a frame cut off before its blank line', async () => {
    const frames = await collect(bytesIn('data: 완성\n\ndata: 미완', [4]));
    expect(frames).toEqual([{ event: undefined, data: '완성', id: undefined }]);
  });

  it('ignores comments, retry and unknown fields; a field without colon is an empty value', async () => {
    const frames = await collect(bytesIn(': hi\nretry: 10\nfoo: bar\ndata\n\n', [64]));
    expect(frames).toEqual([{ event: undefined, data: '', id: undefined }]);
  });
});
