/** Character classes, terminals, closers and abbreviations for the Korean sentence splitter. */
// ---------------------------------------------------------------------------------------------
// Character classes

export const isHangulSyllable = (ch: string | undefined): boolean => ch !== undefined && ch >= '가' && ch <= '힣';
export const isSpace = (ch: string | undefined): boolean => ch !== undefined && /\s/u.test(ch);
export const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';

/** Marks that can end a sentence. Runs of them (`?!`, `...`, `……`) are read together. */
export const TERMINALS = new Set(['.', '?', '!', '…', '。', '．', '？', '！', '‼', '⁇', '⁈', '⁉']);
export const isTerminal = (ch: string | undefined): boolean => ch !== undefined && TERMINALS.has(ch);

/** Marks that close a quotation or bracket and stay with the sentence they end (`다.")`). */
export const CLOSERS = new Set([')', ']', '}', '」', '』', '”', '’', '》', '〉', '>', '】', '〕', '）', '］', "'", '"']);

/**
 * Syllables that end a Korean sentence: declarative/interrogative endings (다, 요, 죠, 까) and the
 * nominal endings of 개조식 and EMR style (함, 음, 임, 됨, 옴, 봄, 짐, 줌, 냄, 둠). Used before list
 * markers with no period (`…하여야 한다 ② …`), after an ellipsis, and where a period glued to a
 * Latin word or number may still end a sentence (`없음.CXR 시행함`).
 */
export const SENTENCE_FINAL = new Set(['다', '요', '죠', '까', '함', '음', '임', '됨', '옴', '봄', '짐', '줌', '냄', '둠']);

/** Common nouns that end in one of those syllables (`붙임 1. 신청서`, `다음 ① …`). */
export const NOUNS_LIKE_ENDINGS =
  /(?:붙임|다음|처음|마음|모임|소음|죽음|웃음|울음|얼음|믿음|물음|이음|책임|위임|게임|필요|중요|수요|바다)$/u;

export const endsSentence = (textBefore: string): boolean => {
  const text = textBefore.trimEnd();
  return SENTENCE_FINAL.has(text.slice(-1)) && !NOUNS_LIKE_ENDINGS.test(text);
};

/** Enclosed list markers: ①–⑳, ⑴–⒇, ⒈–⒛, ⓐ–ⓩ, ㈀–㈛, ㉠–㉻. */
export const isEnclosedMarker = (ch: string | undefined): boolean => {
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
export const KO_LIST_LETTERS = '가나다라마바사아자차카타파하';
export const KO_LETTER = `[${KO_LIST_LETTERS}]`;
/** `3. ` or `나. ` inside a line. */
export const INLINE_DOTTED = new RegExp(`^(\\d{1,2}|${KO_LETTER})\\.(?=\\s)`, 'u');
/** `(3) `, `3) `, `(나) `, `나) ` inside a line. */
export const INLINE_BRACKETED = new RegExp(`^(?:\\(\\s*(?:\\d{1,2}|${KO_LETTER})\\s*\\)|\\d{1,2}\\)|${KO_LETTER}\\))(?=\\s)`, 'u');
/** A marker label right before a dot. */
export const LABEL_BEFORE_DOT = new RegExp(`(\\d{1,2}|${KO_LETTER})$`, 'u');

// ---------------------------------------------------------------------------------------------
// Abbreviations

/** Words written with a period that does not end a sentence (compared in lower case). */
export const ABBREVIATIONS = new Set([
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
export const NUMBER_SIGN = new Set(['No', 'NO', 'Nos']);

/** `e.g`, `i.e`, `p.o`, `b.i.d`, `U.S`, `Ph.D`: short letter groups joined by dots. */
export const DOTTED_ABBREVIATION = /^[A-Za-z]{1,3}(?:\.[A-Za-z]{1,3})+$/u;

/** The Latin word (with inner dots) that ends right before `line[dot]`, or '' when none. */
export function latinWordBefore(line: string, dot: number): { word: string; start: number } {
  let s = dot;
  while (s > 0 && /[A-Za-z.]/u.test(line[s - 1] ?? '')) s -= 1;
  while (line[s] === '.') s += 1;
  return { word: line.slice(s, dot), start: s };
}

export function isAbbreviation(line: string, dot: number): boolean {
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
export function isInitial(line: string, dot: number): boolean {
  const { word, start } = latinWordBefore(line, dot);
  if (!/^[A-Z]$/u.test(word)) return false;
  if (start > 0 && /[A-Za-z0-9]/u.test(line[start - 1] ?? '')) return false;
  return /^\s?[A-Z][a-z]/u.test(line.slice(dot + 1));
}
