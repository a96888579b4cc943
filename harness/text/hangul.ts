/**
 * Hangul detection: how Korean a model's answer is (a model that answers a Korean question in
 * English or Chinese is a finding worth reporting, not a parsing detail).
 */
import { nfc } from './normalize.ts';

/**
 * A Hangul letter: syllables, conjoining jamo (U+1100 block, extended A/B), compatibility jamo
 * (ㄱ, ㅏ) and half-width jamo. `Script=Hangul` alone would also take symbols such as `㈀`, `㉠`,
 * which are not letters, hence the intersection with `\p{L}`.
 */
const HANGUL_SCRIPT = /^\p{Script=Hangul}$/u;
const LETTER = /^\p{L}$/u;

function isHangulLetter(ch: string): boolean {
  return LETTER.test(ch) && HANGUL_SCRIPT.test(ch);
}

/**
 * True when `ch` is one Hangul letter, or one syllable written as conjoining jamo (NFD), which is
 * a single character on screen even though it is two or three code points.
 */
export function isHangul(ch: string): boolean {
  if (ch.length === 0) return false;
  const composed = nfc(ch);
  const points = [...composed];
  if (points.length === 1) return isHangulLetter(composed);
  // An archaic or incomplete syllable that NFC cannot compose stays as jamo: still Hangul.
  return points.length <= 3 && points.every((p) => isHangulLetter(p)) && isJamoCluster(points);
}

function isJamoCluster(points: readonly string[]): boolean {
  return points.every((p) => {
    const cp = p.codePointAt(0) ?? 0;
    return (cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0xa960 && cp <= 0xa97f) || (cp >= 0xd7b0 && cp <= 0xd7ff);
  });
}

/**
 * Share of Hangul among letters (`\p{L}`), after NFC so that a decomposed syllable counts once.
 * Digits, punctuation and spaces are not letters and do not dilute the ratio. Han characters
 * (法) and Latin count as non-Hangul letters. Null when the text has no letters at all.
 */
export function koreanRatio(text: string): number | null {
  let letters = 0;
  let hangul = 0;
  for (const ch of nfc(text)) {
    if (!LETTER.test(ch)) continue;
    letters += 1;
    if (HANGUL_SCRIPT.test(ch)) hangul += 1;
  }
  return letters === 0 ? null : hangul / letters;
}
