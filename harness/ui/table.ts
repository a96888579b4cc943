/**
 * Columns measured in display width (a Hangul syllable is two columns). A table declares its
 * columns with a priority; when the terminal is narrow the least important ones are dropped
 * first, and flexible columns take what is left. Cells are truncated between graphemes and
 * padded by display width, so Korean and Latin rows line up.
 */
import { padDisplay, truncateDisplay } from '../text/width.ts';
import { seg, type Segment, type SegmentLike } from './segments.ts';

export interface Column<R> {
  id: string;
  header: string;
  /** Columns wide; the minimum for a flexible column. */
  width: number;
  /** A flexible column grows up to this width when there is room. */
  maxWidth?: number;
  align?: 'left' | 'right';
  /** 0 is never dropped; higher numbers are dropped first when the line is too narrow. */
  priority: number;
  /** The cell's content; `width` is the width the column was given (for bars). */
  cell: (row: R, width: number) => SegmentLike;
}

export interface FittedColumn<R> extends Column<R> {
  /** The width given to the column. */
  w: number;
}

/** Chooses the columns that fit in `available` columns, and their widths. */
export function fitColumns<R>(columns: Column<R>[], available: number, gap = 2): FittedColumn<R>[] {
  let kept = [...columns];
  const total = (cols: Column<R>[]) => cols.reduce((s, c) => s + c.width, 0) + gap * Math.max(0, cols.length - 1);
  while (total(kept) > available) {
    let drop = -1;
    for (let i = 0; i < kept.length; i++) {
      const p = kept[i]!.priority;
      if (p > 0 && (drop < 0 || p >= kept[drop]!.priority)) drop = i;
    }
    if (drop < 0) break;
    kept = kept.filter((_, i) => i !== drop);
  }
  const fitted = kept.map((c) => ({ ...c, w: c.width }));
  let spare = available - total(kept);
  // Flexible columns grow most important first (lowest priority number, then declaration order).
  const growOrder = fitted.map((c, i) => ({ c, i })).sort((a, b) => a.c.priority - b.c.priority || a.i - b.i);
  for (const { c } of growOrder) {
    if (spare <= 0) break;
    if (c.maxWidth === undefined || c.w >= c.maxWidth) continue;
    const grow = Math.min(spare, c.maxWidth - c.w);
    c.w += grow;
    spare -= grow;
  }
  // Still too wide with only essential columns: shrink flexible ones, never below 4.
  let over = -spare;
  for (const c of fitted) {
    if (over <= 0) break;
    if (c.maxWidth === undefined) continue;
    const cut = Math.min(over, Math.max(0, c.w - 4));
    c.w -= cut;
    over -= cut;
  }
  return fitted;
}

/** Fits text to exactly `w` columns: cut with … when too long, padded by display width. */
export function fitCell(text: string, w: number, align: 'left' | 'right' = 'left'): string {
  return padDisplay(truncateDisplay(text, w), w, align);
}

/** One table row as segments (cells fitted to their columns, separated by `gap` spaces). */
export function tableRow<R>(columns: FittedColumn<R>[], row: R, gap = 2): Segment[] {
  const out: Segment[] = [];
  columns.forEach((c, i) => {
    if (i > 0) out.push({ text: ' '.repeat(gap) });
    const s = seg(c.cell(row, c.w));
    out.push({ ...s, text: fitCell(s.text, c.w, c.align) });
  });
  return out;
}

/** The header line of a table. */
export function tableHeader<R>(columns: FittedColumn<R>[], gap = 2): Segment[] {
  return [{ text: columns.map((c) => fitCell(c.header, c.w, c.align)).join(' '.repeat(gap)), bold: true, dim: false }];
}
