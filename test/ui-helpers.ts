/** Helpers for the Ink component tests: keys as terminals send them, waiting for frames, columns. */
import { displayWidth } from '../harness/text/width.ts';

export const KEY = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  enter: '\r',
  escape: '\u001B',
  tab: '\t',
  backspace: '\u007F',
  ctrlC: '\u0003',
  space: ' ',
} as const;

export const tick = (ms = 30) => new Promise((r) => setTimeout(r, ms));

/** Polls a frame until `ok` holds (or fails with the last frame). */
export async function waitForFrame(frame: () => string | undefined, ok: (f: string) => boolean, timeoutMs = 5000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const f = frame() ?? '';
    if (ok(f)) return f;
    if (Date.now() > until) throw new Error(`frame never matched:\n${f}`);
    await tick(20);
  }
}

/** The display column where `token` starts in `line` (-1 when absent). */
export function columnOf(line: string, token: string): number {
  const i = line.indexOf(token);
  return i < 0 ? -1 : displayWidth(line.slice(0, i));
}

/** The display column where the last `token` starts in `line` (-1 when absent). */
export function lastColumnOf(line: string, token: string): number {
  const i = line.lastIndexOf(token);
  return i < 0 ? -1 : displayWidth(line.slice(0, i));
}

/** The line that contains `token`. */
export function lineWith(frame: string, token: string): string {
  const l = frame.split('\n').find((x) => x.includes(token));
  if (l === undefined) throw new Error(`no line with '${token}' in:\n${frame}`);
  return l;
}

export const widest = (frame: string) => Math.max(...frame.split('\n').map((l) => displayWidth(l)));
