/** The Korean sentence splitter's decisions: does a date, a closing quote or a bracket end a sentence? */
import { isHangulSyllable, isSpace, isEnclosedMarker } from './sentence-chars.ts';
// ---------------------------------------------------------------------------------------------
// Decisions

/** What may follow a closing quote without starting a new sentence (`"…다." 라고`, `…" 등`). */
export const QUOTATIVE = /^(?:이?라고|이?라는|이?라며|이?라면서|하고|하며|하는|하였|했|고\s|며\s|는\s|등|와\s|과\s|및\s)/u;

/** Words that carry a preceding date on into the same sentence (`2026. 1. 22. 선고`). */
export const DATE_CONTINUATIONS_EXACT = new Set(['자', '경', '전', '후', '중', '부', '에', '의', '부터', '까지', '현재', '기준', '당시', '무렵', '이내', '내지', '및', '또는', '~', '부로', '자로', '자에']);
export const DATE_CONTINUATION_PREFIX =
  /^(?:선고|이후|이전|현재|기준|당시|무렵|까지|부터|에서|에는|에도|에게|시행|개정|공포|제정|접수|제출|작성|신청|체결|입찰|개찰|마감|착공|준공|입원|내원|퇴원|방문|발생|발병|수술|시술|검사|촬영|투약|처방|오전|오후|자로|자에|자의|경에|경부터|경까지|경의|[~∼\-–(]|\d)/u;

/** Words that open a new sentence after a date that ended the previous one. */
export const SENTENCE_OPENERS = new Set([
  '그러나', '그런데', '그리고', '그러므로', '따라서', '한편', '또한', '또', '다만', '이에', '결국',
  '즉', '그후', '이로써', '아울러', '나아가', '반면', '특히', '그럼에도', '그러자', '이어',
]);

/** Determiners before the subject noun: look a few words further (`이 사건 계약은`). */
export const DETERMINERS = new Set(['이', '그', '위', '본', '해당', '당해', '동']);
/** A noun with a case particle other than the topic: the phrase is not a new subject. */
export const CASE_MARKED = /[이가을를에의로와과도만]$/u;

/** A verb connective ending the text before a date: the date belongs to the next clause. */
export const CONNECTIVE_END =
  /(?:[였었았했됐]고|하고|하며|으며|였으며|었으며|하여|해서|하였으나|였으나|었으나|지만|는데|은데|면서|던|(?:일|날|때)인|[,，;])$/u;

/**
 * A noun marked as topic (`피고는`, `이 사건 소는`'s `소는`). Particle stacks such as `피고와는`,
 * `그때까지는` contrast an adverbial, they do not introduce a new subject.
 */
export const isTopic = (word: string): boolean =>
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
export function dateEndsSentence(prefix: string, rest: string): boolean {
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
export function closesInnerParenthesis(line: string, sentenceStart: number, terminal: number, closers: string): boolean {
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
export function followAllowsBoundary(line: string, k: number, closers: string): boolean {
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

/**
 * The next few words after `k` (leading space trimmed), enough for every rule that looks ahead;
 * a bounded window keeps long single-line documents linear. '' when only spaces remain.
 */
export function lookahead(line: string, k: number): string {
  let start = k;
  while (isSpace(line[start])) start += 1;
  return line.slice(start, start + 64);
}
