/**
 * Rule-based Korean sentence splitter for legal (판결문, 법령), clinical (EMR with English
 * abbreviations) and administrative (공고문) text. Sentence-select tasks number sentences with
 * this function, so its output is part of the metric: the rules are deliberate and tested.
 *
 * Why not Intl.Segmenter: its sentence rules (UAX #29) split `2026. 1. 22.` after every dot and
 * after `Dr.`, and know nothing of `제1항`, `b.i.d.` or `함.오심`. The rules here decide each
 * terminal mark (`.` `?` `!` `…`) from what precedes and follows it.
 *
 * A paragraph (line) is processed at a time: a line break always ends a sentence, so numbered
 * lists, bullet lists and table-like notices give one sentence per line at least.
 */
import { nfc } from './normalize.ts';
import { isHangulSyllable, isSpace, isDigit, isTerminal, CLOSERS, SENTENCE_FINAL, endsSentence, isEnclosedMarker, LABEL_BEFORE_DOT, isAbbreviation, isInitial } from './sentence-chars.ts';
import { quoteSpans, quotedPositions, dateDots, lineMarker, inlineMarkerAt, type DateDots } from './sentence-spans.ts';
import { dateEndsSentence, closesInnerParenthesis, followAllowsBoundary, lookahead } from './sentence-rules.ts';

// ---------------------------------------------------------------------------------------------
// The splitter

function splitLine(line: string): string[] {
  const quotes = quoteSpans(line);
  const quoted = quotedPositions(quotes, line.length);
  const quoteOpens = new Set(quotes.map((q) => q.open));
  const dates = dateDots(line);
  const marker = lineMarker(line);
  const ends: number[] = [];
  let sentenceStart = 0;
  // Text of the current sentence starts after a line-start marker, for the date rule.
  const contentStart = (): number => (sentenceStart === 0 ? marker.contentStart : sentenceStart);
  const cut = (at: number): void => {
    if (line.slice(sentenceStart, at).trim().length > 0) ends.push(at);
    sentenceStart = at;
  };

  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i];

    // A list marker inside the line starts a new sentence when the text before it ended one.
    if (i > contentStart() && quoted[i] !== 1 && (isEnclosedMarker(ch) || inlineMarkerAt(line, i) !== null)) {
      if (endsSentence(line.slice(sentenceStart, i))) cut(i);
    }
    if (!isTerminal(ch)) continue;

    let j = i;
    while (isTerminal(line[j])) j += 1;
    const run = line.slice(i, j);
    let k = j;
    while (k < line.length && CLOSERS.has(line[k] ?? '') && !quoteOpens.has(k)) k += 1;
    const closers = line.slice(j, k);
    const last = j - 1;

    let boundary: boolean;
    if (quoted[k] === 1 || closesInnerParenthesis(line, sentenceStart, i, closers)) {
      boundary = false;
    } else if (/[?!？！‼⁇⁈⁉]/u.test(run)) {
      // `(?)` marks doubt inside a sentence.
      boundary = line[i - 1] !== '(' && followAllowsBoundary(line, k, closers);
    } else if (run.includes('…') || run.length >= 3) {
      // An ellipsis ends a sentence only after a sentence ending (`…했다… 그리고`), not after
      // a trailing-off word (`그런데… 잘`).
      boundary =
        k >= line.length ||
        (endsSentence(line.slice(sentenceStart, i)) && followAllowsBoundary(line, k, closers));
    } else {
      boundary = periodIsBoundary(line, i, last, k, closers, sentenceStart, contentStart(), dates, marker.dots);
    }
    if (boundary) cut(k);
    i = k - 1;
  }
  cut(line.length);
  const out: string[] = [];
  let start = 0;
  for (const end of ends) {
    out.push(line.slice(start, end).trim());
    start = end;
  }
  return out.filter((s) => s.length > 0);
}

/** The full decision for a period (or a double period) spanning `first`..`last`. */
function periodIsBoundary(
  line: string,
  first: number,
  last: number,
  k: number,
  closers: string,
  sentenceStart: number,
  contentStart: number,
  dates: DateDots,
  markerDots: ReadonlySet<number>,
): boolean {
  const prev = line[first - 1];
  const next = line[last + 1];
  if (markerDots.has(first) || dates.internal.has(first)) return false;
  // Decimals and numbered headings: 1.5mg, 3.12, 1.2.3
  if (isDigit(prev) && isDigit(next)) return false;
  const dateStart = dates.final.get(first);
  if (dateStart !== undefined) {
    if (k >= line.length) return true;
    // `2026. 1. 22.(목)`, `2026. 1. 22.자`, `(2026. 1. 22.)`: the date goes on.
    if (closers.length > 0 || !isSpace(next)) return false;
    const rest = lookahead(line, k);
    if (rest.length === 0) return true;
    return dateEndsSentence(line.slice(Math.max(contentStart, sentenceStart), dateStart), rest);
  }
  // `…했다. 2. 피고의 주장`: a number or 가나다 letter that opens a sentence is its list marker.
  const labelStart = first - inlineLabelLength(line, first);
  if (labelStart < first && isSpace(next)) {
    if (inlineMarkerAt(line, labelStart) === first) return false;
    if (line.slice(sentenceStart, labelStart).trim().length === 0) return false;
  }
  if (isAbbreviation(line, first) || isInitial(line, first)) return false;
  if (k >= line.length) return true;
  if (isSpace(line[k]) || isEnclosedMarker(line[k])) return followAllowsBoundary(line, k, closers);
  // No space after the period.
  if (closers.length > 0) {
    // `"…했다."라고`: a quotative particle glued to the closing quote continues the sentence.
    return false;
  }
  // EMR run-on `호소함.오심 있음`, `오심 동반.구토 2회`: a sentence and the next one glued on.
  // Dotted lists of short names (`시.군.구`, `서울.경기.인천`) are not sentences.
  const glued = line[k];
  const wordBefore = hangulRunBefore(line, first);
  if (wordBefore < 2) return false;
  if (line[first - wordBefore - 1] === '.' && isHangulSyllable(line[first - wordBefore - 2])) return false;
  let after = k;
  while (isHangulSyllable(line[after])) after += 1;
  if (after > k && line[after] === '.' && isHangulSyllable(line[after + 1])) return false;
  if (isHangulSyllable(glued)) return true;
  return SENTENCE_FINAL.has(prev ?? '') && /[A-Z0-9]/u.test(glued ?? '');
}


/** Number of Hangul syllables directly before `index`. */
function hangulRunBefore(line: string, index: number): number {
  let n = 0;
  while (isHangulSyllable(line[index - n - 1])) n += 1;
  return n;
}

/** Length of a `N` / `가` label right before `dot` (0 when the dot does not follow one). */
function inlineLabelLength(line: string, dot: number): number {
  const m = LABEL_BEFORE_DOT.exec(line.slice(Math.max(0, dot - 2), dot));
  return m ? (m[1] ?? '').length : 0;
}

/**
 * Split Korean text into sentences: trimmed, non-empty, in order. Each line is split on its own
 * (a line break always ends a sentence). See the module comment for the rules.
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const line of nfc(text).split(/\r\n|[\n\r\u2028\u2029\u0085\v\f]/u)) out.push(...splitLine(line));
  return out;
}
