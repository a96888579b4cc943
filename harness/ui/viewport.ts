/** Scrolling arithmetic: which slice of a long list is visible so that the cursor stays on screen. */

/** First visible index for a list of `count` rows shown `height` at a time, keeping `cursor` in view. */
export function viewportStart(cursor: number, count: number, height: number, previousStart = 0): number {
  if (height <= 0 || count <= height) return 0;
  let start = Math.min(Math.max(0, previousStart), count - height);
  if (cursor < start) start = cursor;
  else if (cursor >= start + height) start = cursor - height + 1;
  return Math.max(0, Math.min(start, count - height));
}

/** Centered variant (no memory of the previous position): the cursor sits a third from the top. */
export function windowAround(cursor: number, count: number, height: number): { start: number; end: number } {
  if (height <= 0) return { start: 0, end: 0 };
  if (count <= height) return { start: 0, end: count };
  const start = Math.max(0, Math.min(cursor - Math.floor(height / 3), count - height));
  return { start, end: start + height };
}

/** Moves a cursor by `delta`, clamped to [0, count). */
export function moveCursor(cursor: number, delta: number, count: number): number {
  if (count <= 0) return 0;
  return Math.max(0, Math.min(count - 1, cursor + delta));
}
