/**
 * Terminal column arithmetic for the Ink UI. A Hangul syllable takes two columns, so
 * `String.length` misaligns every table that has Korean in it; and cutting a string by UTF-16
 * units can split a syllable written as jamo, an emoji or a surrogate pair. Everything here works
 * on grapheme clusters measured by string-width (East Asian Wide = 2, ambiguous = 1, as most
 * terminals render them outside CJK legacy locales).
 */
import stringWidth from 'string-width';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function splitGraphemes(s: string): string[] {
  return Array.from(graphemes.segment(s), (g) => g.segment);
}

/** Columns `s` occupies in a terminal (ANSI escape codes count 0). */
export function displayWidth(s: string): number {
  return stringWidth(s);
}

/**
 * Pad with spaces to exactly `width` columns. Text already wider is returned unchanged: padding
 * never truncates (use truncateDisplay first when a column must not overflow).
 */
export function padDisplay(s: string, width: number, align: 'left' | 'right' = 'left'): string {
  const gap = width - displayWidth(s);
  if (gap <= 0) return s;
  const pad = ' '.repeat(gap);
  return align === 'left' ? s + pad : pad + s;
}

const ELLIPSIS = '…';

/**
 * Fit `s` into `width` columns, ending with `…` when it had to be cut. Cuts only between
 * graphemes; when a two-column character does not fit beside the ellipsis, a space fills the
 * odd column so the result is exactly `width` wide and table columns stay aligned.
 */
export function truncateDisplay(s: string, width: number): string {
  if (width <= 0) return '';
  if (displayWidth(s) <= width) return s;
  const ellipsisWidth = displayWidth(ELLIPSIS);
  if (width < ellipsisWidth) return ' '.repeat(width);
  const budget = width - ellipsisWidth;
  let used = 0;
  let out = '';
  for (const g of splitGraphemes(s)) {
    const w = displayWidth(g);
    if (used + w > budget) break;
    out += g;
    used += w;
  }
  return out + ELLIPSIS + ' '.repeat(budget - used);
}

/**
 * How many lines a broken word occupies when its first line has `first` columns free and every
 * further line `limit` columns (the line it starts on counts as one).
 */
function linesNeeded(pieces: ReadonlyArray<{ w: number }>, first: number, limit: number): number {
  let lines = 1;
  let free = first;
  for (const { w } of pieces) {
    if (w > free && free < limit) {
      lines += 1;
      free = limit;
    }
    free -= w;
  }
  return lines;
}

/**
 * Break `s` into lines of at most `width` columns. Lines break at spaces when a word fits;
 * a word longer than the line (long Korean compounds, URLs, codes) is broken between graphemes,
 * which for Korean means between syllables, as Korean typesetting allows. Existing newlines are
 * kept as line breaks; runs of spaces inside a line collapse to one. A grapheme wider than
 * `width` (a Hangul syllable in a one-column box) gets a line of its own rather than looping.
 */
export function wrapDisplay(s: string, width: number): string[] {
  const limit = Math.max(1, Math.floor(width));
  const lines: string[] = [];
  // A line ended just after a separating space must not carry it.
  const push = (line: string): void => {
    lines.push(line.replace(/ +$/u, ''));
  };
  for (const paragraph of s.split(/\r\n|\r|\n/u)) {
    const words = paragraph.split(/[ \t]+/u).filter((w) => w.length > 0);
    if (words.length === 0) {
      push('');
      continue;
    }
    let line = '';
    let lineWidth = 0;
    for (const word of words) {
      const w = displayWidth(word);
      const sep = line.length > 0 ? 1 : 0;
      if (lineWidth + sep + w <= limit) {
        line += (sep ? ' ' : '') + word;
        lineWidth += sep + w;
        continue;
      }
      if (w <= limit) {
        // Fits on a fresh line: break at the space.
        push(line);
        line = word;
        lineWidth = w;
        continue;
      }
      // Longer than a whole line: it will be broken between graphemes. Start it after the space
      // on the current line only if that takes fewer lines in total than starting a fresh one
      // (wrap-ansi's rule), so `국 서|울특별|시` becomes `국|서울특|별시`.
      const pieces = splitGraphemes(word).map((g) => ({ g, w: displayWidth(g) }));
      if (line.length > 0) {
        const room = limit - lineWidth - 1;
        if (room > 0 && linesNeeded(pieces, room, limit) <= linesNeeded(pieces, limit, limit)) {
          line += ' ';
          lineWidth += 1;
        } else {
          push(line);
          line = '';
          lineWidth = 0;
        }
      }
      for (const { g, w: gw } of pieces) {
        if (lineWidth + gw > limit && line.length > 0) {
          push(line);
          line = '';
          lineWidth = 0;
        }
        line += g;
        lineWidth += gw;
      }
    }
    push(line);
  }
  return lines;
}
