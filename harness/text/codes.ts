/**
 * Canonical forms for codes compared as set members (METRICS.md, Multilabel): KCD-8/ICD-10
 * diagnosis codes and Korean statute references. A model that writes `e119` or `형법 329조` has
 * given the same answer as gold `E11.9` / `형법 제329조`; only the spelling differs.
 */
import { foldSpaces, halfwidth, nfc, normalizeLabel, stripWrapping } from './normalize.ts';

/**
 * A KCD/ICD code: letter, two characters of category (digits; a letter is allowed in the third
 * place for codes such as ICD-10-CM's C4A), then up to two subcategory characters with or without
 * a dot. Spaces between the parts are tolerated (`E 11.9`), but not between a code and a
 * following word, so `E11.9 2형` does not become `E11.92`.
 */
const KCD = /(?<![A-Z0-9])([A-Z])\s?(\d[0-9A-Z])(?:\s?\.\s?([0-9A-Z]{1,2})|([0-9A-Z]{1,2}))?(?![0-9A-Z])/u;

/**
 * `E11.9` form: upper case, no spaces, one dot after the three-character category, the fifth
 * character kept (`E1190` → `E11.90`). KCD dual-classification marks (`†`, `*`) are dropped
 * because gold lists the code alone. Text with no code shape is returned upper-cased without
 * spaces, so odd codes still compare consistently on both sides.
 */
export function normalizeKcd(s: string): string {
  const text = halfwidth(nfc(s)).toUpperCase();
  const m = KCD.exec(text);
  if (!m) return text.replace(/[\s†‡*]+/gu, '');
  const category = `${m[1] ?? ''}${m[2] ?? ''}`;
  const sub = m[3] ?? m[4] ?? '';
  return sub.length > 0 ? `${category}.${sub}` : category;
}

export interface StatuteOptions {
  /** Keep 항·호·목 (`형법 제329조 제1항`); by default references are compared at article level. */
  clauseLevel?: boolean;
}

/**
 * An article reference: `제329조`, `329조`, `제297조의2`, `제 329 조`, optionally followed by
 * 항/호/목. `§ 329` is accepted as an article number too.
 */
const ARTICLE =
  /(?:제\s*(\d+)\s*조|(?<![\d.])(\d+)\s*조|§\s*(\d+))(?:\s*의\s*(\d+))?(?:\s*\([^)]*\))?(?:\s*(?:제\s*)?(\d+)\s*항)?(?:\s*(?:제\s*)?(\d+)\s*호)?(?:\s*([가-하])\s*목)?/u;

/** Quote and bracket marks around law names (`「형법」`, `『민법』`, `"근로기준법"`). */
const NAME_MARKS = /[「」『』“”"'‘’《》〈〉<>]/gu;

/**
 * Canonical `법령명 제N조` (or `제N조의M`): law name without its quote marks and with spaces
 * folded (`근로 기준법` keeps its space — it is folded, not guessed away), `제` restored, article
 * titles such as `(절도)` dropped, 항·호·목 kept only with `clauseLevel`. A bare `제7조` stays
 * `제7조`. Only the first reference is read; split lists before calling. Text without an article
 * number is returned with its name marks removed and spaces folded.
 */
export function normalizeStatute(s: string, opts: StatuteOptions = {}): string {
  const text = foldSpaces(stripWrapping(halfwidth(nfc(s))));
  const m = ARTICLE.exec(text);
  if (!m) return foldSpaces(text.replace(NAME_MARKS, ' '));
  const name = foldSpaces(text.slice(0, m.index).replace(NAME_MARKS, ' '));
  const num = (v: string | undefined): string => String(Number.parseInt(v ?? '0', 10));
  let out = `제${num(m[1] ?? m[2] ?? m[3])}조`;
  if (m[4] !== undefined) out += `의${num(m[4])}`;
  if (opts.clauseLevel) {
    if (m[5] !== undefined) out += ` 제${num(m[5])}항`;
    if (m[6] !== undefined) out += ` 제${num(m[6])}호`;
    if (m[7] !== undefined) out += ` ${m[7]}목`;
  }
  return name.length > 0 ? `${name} ${out}` : out;
}

export type CodeFormat = 'text' | 'kcd' | 'statute';

/** One normalizer per code format; a literal map so a new format is a type error until handled. */
const CODE_NORMALIZERS: Readonly<Record<CodeFormat, (s: string) => string>> = {
  text: normalizeLabel,
  kcd: normalizeKcd,
  statute: (s) => normalizeStatute(s),
};

/** Normalize a code value by its declared format. */
export function normalizeCode(s: string, format: CodeFormat): string {
  return CODE_NORMALIZERS[format](s);
}
