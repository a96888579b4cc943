/** Styled pieces of one terminal line; the Line component renders them, tests read their text. */
import type { Origin } from '../core/model.ts';
import type { RecordStatus } from '../core/record.ts';

export type Color = 'green' | 'red' | 'yellow' | 'cyan' | 'blue' | 'magenta' | 'gray' | 'white';

export interface Segment {
  text: string;
  color?: Color;
  bold?: boolean;
  dim?: boolean;
  inverse?: boolean;
}

export type SegmentLike = Segment | string;

/** The colour of each model origin, wherever models are grouped by it. */
export const ORIGIN_COLOR: Record<Origin, Color> = { sovereign: 'magenta', global: 'blue', reference: 'gray' };

/** The colour of an item's status (`missing`: planned, no record). */
export const STATUS_COLOR: Record<RecordStatus | 'missing', Color> = { ok: 'green', unparsed: 'yellow', incomplete: 'red', filtered: 'red', error: 'red', missing: 'gray' };

export const seg = (s: SegmentLike): Segment => (typeof s === 'string' ? { text: s } : s);

export const lineText = (segments: SegmentLike[]): string => segments.map((s) => seg(s).text).join('');

const sameStyle = (a: Segment, b: Segment) => a.color === b.color && Boolean(a.bold) === Boolean(b.bold) && Boolean(a.dim) === Boolean(b.dim) && Boolean(a.inverse) === Boolean(b.inverse);

/** Joins neighbours of the same style (fewer nodes for Ink to lay out). */
export function mergeSegments(segments: SegmentLike[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const x = seg(s);
    if (x.text === '') continue;
    const last = out[out.length - 1];
    if (last && sameStyle(last, x)) out[out.length - 1] = { ...last, text: last.text + x.text };
    else out.push(x);
  }
  return out;
}
