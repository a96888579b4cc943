/**
 * Short-answer scoring exactly as METRICS.md "Short answer" and the official KorQuAD 1.0
 * `evaluate-v1.0.py` define it, so kseval's `exact` and `f1.char` are comparable with published
 * KorQuAD numbers. Every step mirrors a line of that script; where JavaScript and Python differ
 * (code points vs UTF-16 units, what counts as whitespace) we follow Python.
 */
import { nfc } from './normalize.ts';

/** Replaced by a space before punctuation removal (the script's `remove_`). */
const SPACED = /['"《》<>〈〉()‘’]/gu;

/** Python's `string.punctuation`: ASCII punctuation only; `「」『』“”·…％` survive. */
const ASCII_PUNCT = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/gu;

/**
 * Python's `str.split()` whitespace (characters with `str.isspace()`), which differs from JS `\s`:
 * it includes U+001C–U+001F and U+0085 and excludes U+FEFF.
 */
const PY_WHITESPACE = /[\t\n\u000b\f\r\u001c-\u001f \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/u;

/** Whitespace tokens of normalize(s); the script's `normalize_answer(s).split()`. */
function tokens(s: string): string[] {
  return korquadNormalize(s)
    .split(PY_WHITESPACE)
    .filter((t) => t.length > 0);
}

/**
 * KorQuAD's normalize_answer: quote-like marks and parentheses to spaces, lower case, ASCII
 * punctuation deleted (`7.2` → `72`), whitespace collapsed. NFC first (METRICS.md "Before any
 * metric"); KorQuAD's own data is already NFC, so this changes nothing there.
 */
export function korquadNormalize(s: string): string {
  const spaced = nfc(s).replace(SPACED, ' ');
  const lowered = spaced.toLowerCase();
  const unpunct = lowered.replace(ASCII_PUNCT, '');
  return unpunct
    .split(PY_WHITESPACE)
    .filter((t) => t.length > 0)
    .join(' ');
}

/** Code points of the tokens, spaces excluded (Python iterates a str by code point). */
function chars(s: string): string[] {
  const out: string[] = [];
  for (const tok of tokens(s)) out.push(...tok);
  return out;
}

/**
 * Character F1 over the multiset of non-space characters. Zero when nothing is shared, which
 * includes the case where both sides normalize to empty (the script returns 0 there too).
 */
export function charF1(pred: string, gold: string): number {
  const p = chars(pred);
  const g = chars(gold);
  const goldCounts = new Map<string, number>();
  for (const ch of g) goldCounts.set(ch, (goldCounts.get(ch) ?? 0) + 1);
  let common = 0;
  for (const ch of p) {
    const left = goldCounts.get(ch) ?? 0;
    if (left > 0) {
      common += 1;
      goldCounts.set(ch, left - 1);
    }
  }
  if (common === 0) return 0;
  const precision = common / p.length;
  const recall = common / g.length;
  return (2 * precision * recall) / (precision + recall);
}

/** Normalized strings equal (spacing-sensitive: `2026년1월22일` ≠ `2026년 1월 22일`). */
export function exactMatch(pred: string, gold: string): boolean {
  return korquadNormalize(pred) === korquadNormalize(gold);
}

/**
 * Best score of `pred` over the acceptable answers (the script's
 * `metric_max_over_ground_truths`). Booleans count as 1/0. No acceptable answer scores 0.
 */
export function bestOver(
  pred: string,
  golds: readonly string[],
  fn: (pred: string, gold: string) => number | boolean,
): number {
  let best = 0;
  for (const gold of golds) {
    const v = fn(pred, gold);
    const score = typeof v === 'boolean' ? (v ? 1 : 0) : v;
    if (score > best) best = score;
  }
  return best;
}
