/**
 * Text bars: a progress bar (done/total) and a compact score bar (a fraction in [0, 1]).
 * Eighth blocks give sub-cell resolution; every bar is exactly `width` columns wide.
 */

const FULL = '█';
const EMPTY = '░';
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar `width` columns wide filled to `fraction` (clamped to [0, 1]). */
export function bar(fraction: number, width: number, empty = EMPTY): string {
  if (width <= 0) return '';
  const f = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  const eighths = Math.round(f * width * 8);
  const full = Math.floor(eighths / 8);
  const part = EIGHTHS[eighths % 8] ?? '';
  const used = full + (part ? 1 : 0);
  return FULL.repeat(full) + part + empty.repeat(Math.max(0, width - used));
}

/** Progress of done out of total. */
export function progressBar(done: number, total: number, width: number): string {
  return bar(total > 0 ? done / total : 0, width);
}

/** A score bar on a blank background (quieter than a progress bar). */
export function scoreBar(value: number, width: number): string {
  return bar(value, width, ' ');
}
