/**
 * Server-sent events over a byte stream, per the WHATWG EventSource parsing rules.
 *
 * Shared by every streaming adapter so that the hard parts live once: bytes are decoded with
 * a streaming UTF-8 decoder (a Hangul syllable is 3 bytes and TCP may split it anywhere),
 * lines may end in CRLF, LF or CR (also split across chunks), `:` comment lines (llama.cpp
 * pings) are ignored, and multi-line `data:` fields are joined with `\n`.
 * A frame still being built when the stream ends is dropped, as the spec says: a half frame
 * is exactly what a cut connection looks like, and callers detect that from the missing
 * terminator.
 */

export interface SSEFrame {
  /** `event:` field; undefined for unnamed frames (OpenAI chat chunks). */
  event?: string;
  data: string;
  id?: string;
}

export async function* readSSE(body: ReadableStream<Uint8Array>): AsyncGenerator<SSEFrame> {
  const decoder = new TextDecoder('utf-8');
  const reader = body.getReader();
  let buffer = '';
  let event: string | undefined;
  let id: string | undefined;
  let data: string[] = [];
  let sawData = false;

  function* takeLines(final: boolean): Generator<string> {
    for (;;) {
      const match = /\r\n|\r|\n/.exec(buffer);
      if (!match) break;
      // A lone CR at the very end may be the first half of a CRLF split across chunks.
      if (match[0] === '\r' && match.index === buffer.length - 1 && !final) break;
      yield buffer.slice(0, match.index);
      buffer = buffer.slice(match.index + match[0].length);
    }
  }

  function* feed(line: string): Generator<SSEFrame> {
    if (line === '') {
      if (sawData) yield { event, data: data.join('\n'), id };
      event = undefined;
      data = [];
      sawData = false;
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') {
      data.push(value);
      sawData = true;
    } else if (field === 'event') event = value;
    else if (field === 'id') id = value;
    // `retry:` and unknown fields are ignored.
  }

  let finished = false;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        finished = true;
        break;
      }
      buffer += decoder.decode(value, { stream: true });
      for (const line of takeLines(false)) yield* feed(line);
    }
    buffer += decoder.decode();
    for (const line of takeLines(true)) yield* feed(line);
  } finally {
    // A caller that stops early (after `[DONE]`, on an error frame) frees the connection now.
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
