/** Styled pieces of one terminal line; the Line component renders them, tests read their text. */

export type Color = 'green' | 'red' | 'yellow' | 'cyan' | 'blue' | 'magenta' | 'gray' | 'white';

export interface Segment {
  text: string;
  color?: Color;
  bold?: boolean;
  dim?: boolean;
  inverse?: boolean;
}

export type SegmentLike = Segment | string;

export const seg = (s: SegmentLike): Segment => (typeof s === 'string' ? { text: s } : s);

export const lineText = (segments: SegmentLike[]): string => segments.map((s) => seg(s).text).join('');
