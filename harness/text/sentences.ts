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

// ---------------------------------------------------------------------------------------------
// Character classes

const isHangulSyllable = (ch: string | undefined): boolean => ch !== undefined && ch >= '가' && ch <= '힣';
const isSpace = (ch: string | undefined): boolean => ch !== undefined && /\s/u.test(ch);
const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';

/** Marks that can end a sentence. Runs of them (`?!`, `...`, `……`) are read together. */
const TERMINALS = new Set(['.', '?', '!', '…', '。', '．', '？', '！', '‼', '⁇', '⁈', '⁉']);
const isTerminal = (ch: string | undefined): boolean => ch !== undefined && TERMINALS.has(ch);

/** Marks that close a quotation or bracket and stay with the sentence they end (`다.")`). */
const CLOSERS = new Set([')', ']', '}', '」', '』', '”', '’', '》', '〉', '>', '】', '〕', '）', '］', "'", '"']);

/**
 * Syllables that end a Korean sentence: declarative/interrogative endings (다, 요, 죠, 까) and the
 * nominal endings of 개조식 and EMR style (함, 음, 임, 됨, 옴, 봄, 짐, 줌, 냄, 둠). Used before list
 * markers with no period (`…하여야 한다 ② …`), after an ellipsis, and where a period glued to a
 * Latin word or number may still end a sentence (`없음.CXR 시행함`).
 */
const SENTENCE_FINAL = new Set(['다', '요', '죠', '까', '함', '음', '임', '됨', '옴', '봄', '짐', '줌', '냄', '둠']);

/** Common nouns that end in one of those syllables (`붙임 1. 신청서`, `다음 ① …`). */
const NOUNS_LIKE_ENDINGS =
  /(?:붙임|다음|처음|마음|모임|소음|죽음|웃음|울음|얼음|믿음|물음|이음|책임|위임|게임|필요|중요|수요|바다)$/u;

const endsSentence = (textBefore: string): boolean => {
  const text = textBefore.trimEnd();
  return SENTENCE_FINAL.has(text.slice(-1)) && !NOUNS_LIKE_ENDINGS.test(text);
};

/** Enclosed list markers: ①–⑳, ⑴–⒇, ⒈–⒛, ⓐ–ⓩ, ㈀–㈛, ㉠–㉻. */
const isEnclosedMarker = (ch: string | undefined): boolean => {
  if (ch === undefined) return false;
  const cp = ch.codePointAt(0) ?? 0;
  return (
    (cp >= 0x2460 && cp <= 0x249b) ||
    (cp >= 0x24d0 && cp <= 0x24e9) ||
    (cp >= 0x3200 && cp <= 0x321b) ||
    (cp >= 0x3260 && cp <= 0x327b)
  );
};

/** 가나다 list letters, in order (used for markers `가.`, `나)`, `(다)`). */
const KO_LIST_LETTERS = '가나다라마바사아자차카타파하';
const KO_LETTER = `[${KO_LIST_LETTERS}]`;
/** `3. ` or `나. ` inside a line. */
const INLINE_DOTTED = new RegExp(`^(\\d{1,2}|${KO_LETTER})\\.(?=\\s)`, 'u');
/** `(3) `, `3) `, `(나) `, `나) ` inside a line. */
const INLINE_BRACKETED = new RegExp(`^(?:\\(\\s*(?:\\d{1,2}|${KO_LETTER})\\s*\\)|\\d{1,2}\\)|${KO_LETTER}\\))(?=\\s)`, 'u');
/** A marker label right before a dot. */
const LABEL_BEFORE_DOT = new RegExp(`(\\d{1,2}|${KO_LETTER})$`, 'u');

// ---------------------------------------------------------------------------------------------
// Abbreviations

/** Words written with a period that does not end a sentence (compared in lower case). */
const ABBREVIATIONS = new Set([
  // titles and names
  'dr', 'mr', 'mrs', 'ms', 'prof', 'sr', 'jr', 'st', 'mt', 'gen', 'gov', 'rep', 'sen',
  // references and Latin
  'vs', 'etc', 'cf', 'al', 'approx', 'ca', 'viz', 'resp', 'incl', 'excl', 'ver', 'vol', 'fig',
  'figs', 'tab', 'ref', 'ch', 'sec', 'art', 'para', 'p', 'pp', 'ed', 'eds', 'ibid',
  // organizations and contact
  'co', 'corp', 'inc', 'ltd', 'dept', 'univ', 'hosp', 'assn', 'tel', 'fax', 'ext',
  // months
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  // clinical
  'rt', 'lt', 'pt', 'pts', 'dx', 'hx', 'tx', 'sx', 'fx', 'rx', 'op', 'pre', 'post', 'bx', 'abd',
  'imp', 'adm', 'wt', 'ht', 'vit',
]);

/** `No. 3` (number sign): capitalized and followed by a number; `Allergy: No.` is an answer. */
const NUMBER_SIGN = new Set(['No', 'NO', 'Nos']);

/** `e.g`, `i.e`, `p.o`, `b.i.d`, `U.S`, `Ph.D`: short letter groups joined by dots. */
const DOTTED_ABBREVIATION = /^[A-Za-z]{1,3}(?:\.[A-Za-z]{1,3})+$/u;

/** The Latin word (with inner dots) that ends right before `line[dot]`, or '' when none. */
function latinWordBefore(line: string, dot: number): { word: string; start: number } {
  let s = dot;
  while (s > 0 && /[A-Za-z.]/u.test(line[s - 1] ?? '')) s -= 1;
  while (line[s] === '.') s += 1;
  return { word: line.slice(s, dot), start: s };
}

function isAbbreviation(line: string, dot: number): boolean {
  const { word, start } = latinWordBefore(line, dot);
  if (word.length === 0) return false;
  // Part of an identifier or address (`g2b.go.kr`, `v2.x`): not a word of its own.
  if (start > 0 && /[A-Za-z0-9_/@-]/u.test(line[start - 1] ?? '')) return false;
  if (NUMBER_SIGN.has(word)) return /^\s?\d/u.test(line.slice(dot + 1, dot + 3));
  if (word.toLowerCase().startsWith('www.')) return false;
  if (DOTTED_ABBREVIATION.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** `J. Kim`: a single capital letter and a period, followed by a capitalized Latin word. */
function isInitial(line: string, dot: number): boolean {
  const { word, start } = latinWordBefore(line, dot);
  if (!/^[A-Z]$/u.test(word)) return false;
  if (start > 0 && /[A-Za-z0-9]/u.test(line[start - 1] ?? '')) return false;
  return /^\s?[A-Z][a-z]/u.test(line.slice(dot + 1));
}

// ---------------------------------------------------------------------------------------------
// Spans found before scanning

interface Span {
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
function quoteSpans(line: string): Span[] {
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
function quotedPositions(spans: readonly Span[], length: number): Uint8Array {
  const quoted = new Uint8Array(length + 1);
  for (const q of spans) quoted.fill(1, q.open + 1, q.close + 1);
  return quoted;
}

interface DateDots {
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
function dateDots(line: string): DateDots {
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
function lineMarker(line: string): { dots: Set<number>; contentStart: number } {
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
function inlineMarkerAt(line: string, i: number): number | null {
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
function hasEarlierMarker(line: string, i: number, marker: string): boolean {
  if (line.startsWith(`${marker} `)) return true;
  for (let at = line.lastIndexOf(` ${marker}`, i - 1); at >= 0; at = line.lastIndexOf(` ${marker}`, at - 1)) {
    if (isSpace(line[at + 1 + marker.length])) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Decisions

/** What may follow a closing quote without starting a new sentence (`"…다." 라고`, `…" 등`). */
const QUOTATIVE = /^(?:이?라고|이?라는|이?라며|이?라면서|하고|하며|하는|하였|했|고\s|며\s|는\s|등|와\s|과\s|및\s)/u;

/** Words that carry a preceding date on into the same sentence (`2026. 1. 22. 선고`). */
const DATE_CONTINUATIONS_EXACT = new Set(['자', '경', '전', '후', '중', '부', '에', '의', '부터', '까지', '현재', '기준', '당시', '무렵', '이내', '내지', '및', '또는', '~', '부로', '자로', '자에']);
const DATE_CONTINUATION_PREFIX =
  /^(?:선고|이후|이전|현재|기준|당시|무렵|까지|부터|에서|에는|에도|에게|시행|개정|공포|제정|접수|제출|작성|신청|체결|입찰|개찰|마감|착공|준공|입원|내원|퇴원|방문|발생|발병|수술|시술|검사|촬영|투약|처방|오전|오후|자로|자에|자의|경에|경부터|경까지|경의|[~∼\-–(]|\d)/u;

/** Words that open a new sentence after a date that ended the previous one. */
const SENTENCE_OPENERS = new Set([
  '그러나', '그런데', '그리고', '그러므로', '따라서', '한편', '또한', '또', '다만', '이에', '결국',
  '즉', '그후', '이로써', '아울러', '나아가', '반면', '특히', '그럼에도', '그러자', '이어',
]);

/** Determiners before the subject noun: look a few words further (`이 사건 계약은`). */
const DETERMINERS = new Set(['이', '그', '위', '본', '해당', '당해', '동']);
/** A noun with a case particle other than the topic: the phrase is not a new subject. */
const CASE_MARKED = /[이가을를에의로와과도만]$/u;

/** A verb connective ending the text before a date: the date belongs to the next clause. */
const CONNECTIVE_END =
  /(?:[였었았했됐]고|하고|하며|으며|였으며|었으며|하여|해서|하였으나|였으나|었으나|지만|는데|은데|면서|던|(?:일|날|때)인|[,，;])$/u;

/**
 * A noun marked as topic (`피고는`, `이 사건 소는`'s `소는`). Particle stacks such as `피고와는`,
 * `그때까지는` contrast an adverbial, they do not introduce a new subject.
 */
const isTopic = (word: string): boolean =>
  /^[가-힣]{1,12}[은는]$/u.test(word) &&
  word.length >= 2 &&
  !/(?:와는|과는|에는|에서는|로는|에게는|까지는|부터는|보다는|하고는)$/u.test(word);

/**
 * After the day's dot of a date, with a space and more text following: does a new sentence
 * start? Only when the date closed a statement (there was text before it that did not end with a
 * connective) and the next word opens a clause: a topic (`피고는`), a sentence adverb
 * (`그러나`), or anything but a continuation after a `라벨:` value. A date that opens a sentence
 * (`2025. 3. 4. 원고는 …`) or is an adverbial (`2025. 3. 4. 피고에게 …`) does not end one.
 */
function dateEndsSentence(prefix: string, rest: string): boolean {
  const before = prefix.trim();
  if (before.length === 0 || CONNECTIVE_END.test(before)) return false;
  // `원고가 2022. 7. 받은 대출`: a subject or object still waiting for its verb is no sentence end.
  if (/[가-힣](?:이|가|을|를|에게|에서|으로|로)$/u.test(before.split(/\s+/u).at(-1) ?? '')) return false;
  const words = rest.split(/\s+/u);
  const word = (words[0] ?? '').replace(/[,.]$/u, '');
  if (SENTENCE_OPENERS.has(word)) return true;
  // `공고일: 2026. 1. 22. 입찰참가자격: …`: the next word is a label of its own.
  if (/^[가-힣A-Za-z]+[:：]$/u.test(words[0] ?? '')) return true;
  if (DETERMINERS.has(word)) {
    for (const w of words.slice(1, 4)) {
      if (isTopic(w)) return true;
      if (CASE_MARKED.test(w)) return false;
    }
    return false;
  }
  if (DATE_CONTINUATIONS_EXACT.has(word) || DATE_CONTINUATION_PREFIX.test(word)) return false;
  if (isTopic(word)) return true;
  // `선고일: 2026. 1. 22. 피고 …`: a labelled value ends where the next clause starts.
  return /[:：]$/u.test(before) && isHangulSyllable(word[0]);
}

/**
 * True when a closing bracket absorbed after a terminal closes a parenthesis opened after some
 * text of the same sentence: `피고는(다툼이 없다.) 원고에게` is one sentence.
 */
function closesInnerParenthesis(line: string, sentenceStart: number, terminal: number, closers: string): boolean {
  if (!closers.includes(')') && !closers.includes('）')) return false;
  let depth = 0;
  for (let p = terminal - 1; p >= sentenceStart; p -= 1) {
    const ch = line[p];
    if (ch === ')' || ch === '）') depth += 1;
    else if (ch === '(' || ch === '（') {
      if (depth === 0) return line.slice(sentenceStart, p).trim().length > 0;
      depth -= 1;
    }
  }
  return false;
}

/** After a sentence end mark (and its closers), does the following text allow a boundary? */
function followAllowsBoundary(line: string, k: number, closers: string): boolean {
  if (k >= line.length) return true;
  const next = line[k];
  if (isEnclosedMarker(next)) return true;
  if (!isSpace(next)) return false;
  const rest = lookahead(line, k);
  if (rest.length === 0) return true;
  if (closers.length > 0 && QUOTATIVE.test(rest)) return false;
  // Punctuation that continues the sentence (`다. , 그리고` is a typo, not two sentences).
  return !/^[,;:)\]}」』]/u.test(rest);
}

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

/**
 * The next few words after `k` (leading space trimmed), enough for every rule that looks ahead;
 * a bounded window keeps long single-line documents linear. '' when only spaces remain.
 */
function lookahead(line: string, k: number): string {
  let start = k;
  while (isSpace(line[start])) start += 1;
  return line.slice(start, start + 64);
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
