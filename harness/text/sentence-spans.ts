/** What the Korean sentence splitter finds on a line before scanning it: quotations, dates and list markers. */
import { isSpace, KO_LIST_LETTERS, INLINE_DOTTED, INLINE_BRACKETED } from './sentence-chars.ts';
// ---------------------------------------------------------------------------------------------
// Spans found before scanning

export interface Span {
  open: number;
  close: number;
}

/**
 * Quotations whose closing mark is on the same line: curly and corner quotes by nesting, straight
 * double quotes pairwise, straight single quotes when they open after a space and close before a
 * particle or punctuation (so the apostrophe of `patient's` is not a quote). A terminal mark
 * inside one does not end the sentence that quotes it (`원고는 "…하였다. 그래서 …"라고
 * 주장한다.`). An unclosed quote protects nothing, so a stray `"` in model output cannot swallow
 * the rest of the line.
 */
export function quoteSpans(line: string): Span[] {
  const spans: Span[] = [];
  const pairs: Record<string, string> = { '“': '”', '「': '」', '『': '』', '‘': '’' };
  const stack: Array<{ close: string; at: number }> = [];
  let straight = -1;
  let single = -1;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i] ?? '';
    const closeFor = pairs[ch];
    if (closeFor !== undefined) {
      stack.push({ close: closeFor, at: i });
      continue;
    }
    const top = stack.at(-1);
    if (top && ch === top.close) {
      stack.pop();
      spans.push({ open: top.at, close: i });
      continue;
    }
    if (ch === '"') {
      if (straight < 0) straight = i;
      else {
        spans.push({ open: straight, close: i });
        straight = -1;
      }
    } else if (ch === "'") {
      const before = line[i - 1];
      const after = line[i + 1];
      if (single < 0) {
        if ((before === undefined || /[\s(\[{「『"“]/u.test(before)) && after !== undefined && !isSpace(after)) single = i;
      } else if (before !== undefined && !isSpace(before) && (after === undefined || /[\s\p{P}가-힣]/u.test(after))) {
        spans.push({ open: single, close: i });
        single = -1;
      }
    }
  }
  return spans;
}

/** Per position: is a boundary there inside a quotation (after its opening mark, up to its closing mark)? */
export function quotedPositions(spans: readonly Span[], length: number): Uint8Array {
  const quoted = new Uint8Array(length + 1);
  for (const q of spans) quoted.fill(1, q.open + 1, q.close + 1);
  return quoted;
}

export interface DateDots {
  /** Dots inside a date (`2026.` and `1.` of `2026. 1. 22.`): never sentence ends. */
  internal: Set<number>;
  /** The dot after the day (or month): a sentence end only if what follows starts a sentence. */
  final: Map<number, number>;
}

/**
 * Dotted dates: `2026. 1. 22.`, `2025.3.4.`, `26.01.22`, year-month `2025. 3.`, and month-day
 * after `같은 해`/`동년` (`같은 해 5. 6.`), the forms judgments use. Month and day are checked so
 * that versions and IP addresses are not taken for dates.
 */
export function dateDots(line: string): DateDots {
  const internal = new Set<number>();
  const final = new Map<number, number>();
  const covered: Span[] = [];
  const add = (start: number, dots: number[], last: number | null): void => {
    for (const d of dots) internal.add(d);
    if (last !== null) final.set(last, start);
    covered.push({ open: start, close: last ?? dots.at(-1) ?? start });
  };
  const dotIndices = (start: number, text: string): number[] => {
    const out: number[] = [];
    for (let i = 0; i < text.length; i += 1) if (text[i] === '.') out.push(start + i);
    return out;
  };
  const month = (s: string | undefined): boolean => Number(s) >= 1 && Number(s) <= 12;
  const day = (s: string | undefined): boolean => Number(s) >= 1 && Number(s) <= 31;

  for (const m of line.matchAll(/(?<![\d.])(\d{4}|\d{2})[ \t]{0,2}\.[ \t]{0,2}(\d{1,2})[ \t]{0,2}\.[ \t]{0,2}(\d{1,2})(?![\d])(\.(?!\d))?/gu)) {
    if (!month(m[2]) || !day(m[3])) continue;
    const dots = dotIndices(m.index, m[0]);
    const last = m[4] !== undefined ? (dots.pop() ?? null) : null;
    add(m.index, dots, last);
  }
  const isCovered = (i: number): boolean => covered.some((c) => c.open <= i && i <= c.close);
  for (const m of line.matchAll(/(?<![\d.])(\d{4})[ \t]{0,2}\.[ \t]{0,2}(\d{1,2})\.(?![ \t]{0,2}\d)/gu)) {
    const year = Number(m[1]);
    if (isCovered(m.index) || !month(m[2]) || year < 1900 || year > 2100) continue;
    const dots = dotIndices(m.index, m[0]);
    const last = dots.pop() ?? null;
    add(m.index, dots, last);
  }
  // A bare year (`경계는 2023. 측량으로`): decided like a date, by what follows it.
  for (const m of line.matchAll(/(?<![\d.])(\d{4})\.(?![ \t]{0,2}\d)/gu)) {
    const year = Number(m[1]);
    if (isCovered(m.index) || year < 1900 || year > 2100 || (m.index > 0 && !isSpace(line[m.index - 1]))) continue;
    add(m.index, [], m.index + 4);
  }
  // Month-day after `같은 해` or after a range mark (`2026. 2. 1.(월) ~ 2. 5.(금)`); day after `같은 달`.
  for (const m of line.matchAll(
    /(?:(?:같은\s?해|동년|이듬해|그해|[~∼～])\s*\d{1,2}\.[ \t]{0,2}\d{1,2}|(?:같은\s?달|동월)\s+\d{1,2})\.(?!\d)/gu,
  )) {
    const numStart = m.index + m[0].search(/\d/u);
    if (isCovered(numStart)) continue;
    const dots = dotIndices(m.index, m[0]);
    const last = dots.pop() ?? null;
    add(numStart, dots, last);
  }
  return { internal, final };
}

/**
 * A list marker at the start of a line (`1.`, `1.2.`, `가.`, `A.`, `Ⅳ.`, `(1)`, `1)`, `①`, `-`,
 * `※`, `#1.`): returns the dots inside it, which are never sentence ends, and where the content
 * starts.
 */
export function lineMarker(line: string): { dots: Set<number>; contentStart: number } {
  const m =
    /^\s*(?:#?\d{1,3}(?:\.\d{1,2})*\.(?!\d)|#\d{1,3}|[가나다라마바사아자차카타파하거너더러머버서어저처커터퍼허][.)]|[A-Za-z][.)]|[ⅰ-ⅿⅠ-Ⅿ]\.?|[IVXivx]{1,4}\.|\(\s*(?:\d{1,3}|[가-힣]|[A-Za-z])\s*\)|\d{1,3}\)|[\u2460-\u249b\u24d0-\u24e9\u3200-\u321b\u3260-\u327b]|[-–—•·*○●◦□■▪▫▶▷►※◆◇◎→⇒✓✔])\s*/u.exec(
      line,
    );
  const dots = new Set<number>();
  if (!m) return { dots, contentStart: 0 };
  for (let i = 0; i < m[0].length; i += 1) if (m[0][i] === '.') dots.add(i);
  return { dots, contentStart: m[0].length };
}

/**
 * A numbered or lettered marker inside a line (`…다음과 같다 1. 서류 2. 면접`) at `i`, which must
 * follow a space. `N.` counts only as 1 or when `N-1.` appeared earlier on the line (likewise
 * 나 after 가), so a sentence that ends in a number (`업체 수: 15.`) is not taken for a marker.
 * Returns the index of the marker's dot, -1 for markers without one, or null.
 */
export function inlineMarkerAt(line: string, i: number): number | null {
  if (!isSpace(line[i - 1])) return null;
  const rest = line.slice(i, i + 6);
  const dotted = INLINE_DOTTED.exec(rest);
  if (dotted) {
    const label = dotted[1] ?? '';
    const n = Number(label);
    if (Number.isInteger(n) && n > 0) {
      return n === 1 || hasEarlierMarker(line, i, `${n - 1}.`) ? i + label.length : null;
    }
    const pos = KO_LIST_LETTERS.indexOf(label);
    return pos === 0 || (pos > 0 && hasEarlierMarker(line, i, `${KO_LIST_LETTERS[pos - 1]}.`)) ? i + label.length : null;
  }
  if (INLINE_BRACKETED.test(rest)) return -1;
  return null;
}

/** `marker` (e.g. `2.`) written as a marker — at line start or after a space, space after — before `i`. */
export function hasEarlierMarker(line: string, i: number, marker: string): boolean {
  if (line.startsWith(`${marker} `)) return true;
  for (let at = line.lastIndexOf(` ${marker}`, i - 1); at >= 0; at = line.lastIndexOf(` ${marker}`, at - 1)) {
    if (isSpace(line[at + 1 + marker.length])) return true;
  }
  return false;
}
