/**
 * Text normalization shared by every comparison in kseval.
 *
 * Model output arrives with decomposed Hangul (macOS clipboards, some tokenizers), NBSP and
 * full-width spaces from copied documents, markdown emphasis and polite sentence endings. Gold
 * labels are written plainly. These helpers bring both sides to the same form so that a metric
 * measures the answer, not its typography.
 */

/** NFC, because METRICS.md compares NFC text and decomposed Hangul would never match. */
export function nfc(s: string): string {
  return s.normalize('NFC');
}

/**
 * Every whitespace character, including NBSP (U+00A0), ideographic space (U+3000), the
 * U+2000 block, line/paragraph separators, NEL (U+0085) and the information separators
 * U+001C–U+001F (which Python's str.split treats as whitespace, and KorQuAD's script uses it).
 */
const WHITESPACE_RUN = /[\s\u0085\u001c-\u001f]+/gu;

/** Collapse all whitespace runs to a single ASCII space and trim. */
export function foldSpaces(s: string): string {
  return s.replace(WHITESPACE_RUN, ' ').trim();
}

/**
 * Full-width ASCII (U+FF01–U+FF5E, e.g. `１２０，０００`, `（`) to ASCII, and the ideographic
 * space to a space. Used by the number and date parsers instead of NFKC, because NFKC also turns
 * `①` into `1` and `㈜` into `(주)`, which would create numbers that are not in the text.
 */
export function halfwidth(s: string): string {
  return s.replace(/[\uff01-\uff5e\u3000]/gu, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/** Bracket-like wrappers: [open, close]. Checked for balance so `(주)한국 (서울)` is left alone. */
const BRACKET_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['(', ')'],
  ['[', ']'],
  ['{', '}'],
  ['「', '」'],
  ['『', '』'],
  ['《', '》'],
  ['〈', '〉'],
  ['<', '>'],
  ['“', '”'],
  ['‘', '’'],
  ['【', '】'],
  ['〔', '〕'],
  ['（', '）'],
  ['［', '］'],
];

/** Symmetric wrappers: the same string opens and closes (quotes, markdown emphasis, code). */
const SYMMETRIC_WRAPPERS: readonly string[] = ['***', '**', '*', '__', '"', "'", '＂', '＇'];

/** True when the opener at index 0 is closed by the last character and not earlier. */
function wrapsWhole(s: string, open: string, close: string): boolean {
  if (!s.startsWith(open) || !s.endsWith(close) || s.length < open.length + close.length) return false;
  let depth = 0;
  for (let i = 0; i < s.length; i += 1) {
    const ch = s[i];
    if (ch === open) depth += 1;
    else if (ch === close) {
      depth -= 1;
      // Closed before the end: the brackets wrap only a prefix, e.g. `(주)한국 (서울)`.
      if (depth === 0 && i !== s.length - 1) return false;
    }
  }
  return depth === 0;
}

/** Strip one layer of wrapping, or return null when `s` is not wrapped. */
function unwrapOnce(s: string): string | null {
  // Code spans and fences: a run of N backticks on both ends (```x``` or `x`).
  const ticks = /^(`+)([\s\S]*?)\1$/u.exec(s);
  if (ticks && ticks[2] !== undefined && !ticks[2].includes(ticks[1] ?? '`')) {
    // A fenced block may carry a language tag on its first line (```text\n…```).
    const body = ticks[2].replace(/^[A-Za-z0-9_-]*\n/u, '');
    return body;
  }
  for (const [open, close] of BRACKET_PAIRS) {
    if (wrapsWhole(s, open, close)) return s.slice(open.length, s.length - close.length);
  }
  for (const w of SYMMETRIC_WRAPPERS) {
    if (s.length >= 2 * w.length + 1 && s.startsWith(w) && s.endsWith(w)) {
      const inner = s.slice(w.length, s.length - w.length);
      // `"a" 또는 "b"` starts and ends with a quote but is not one quoted string.
      if (!inner.includes(w)) return inner;
    }
  }
  return null;
}

/**
 * Remove quotes, brackets and markdown emphasis/code that wrap the whole string, repeatedly
 * (`**「수의계약」**` → `수의계약`). Inner text is trimmed after each layer.
 */
export function stripWrapping(s: string): string {
  let out = s.trim();
  for (;;) {
    const inner = unwrapOnce(out);
    if (inner === null) return out;
    out = inner.trim();
  }
}

/**
 * Answer prefixes models put before a label: `답: 수의계약`, `**정답**: 수의계약`, `Answer: …`,
 * `정답은 수의계약입니다`.
 */
const ANSWER_PREFIX =
  /^(?:\*\*)?(?:최종\s*)?(?:정답|답변|답|결론|분류|라벨|레이블|판단|결과|final\s+answer|answer|label)(?:\*\*)?\s*(?:(?:은|는)\s*[:：]?|[:：])\s*/iu;

/** Trailing sentence punctuation (`.`, `。`, `!`, `?`, `…`, `~`) with any spaces among it. */
const TRAILING_PUNCT = /[\s.。．!！?？…~〜]+$/u;

/**
 * Polite/plain endings after a label, longest first. Each is stripped only when something is left
 * before it, so a label that *is* one of these strings survives.
 */
const ENDINGS: readonly RegExp[] = [
  /\s*(?:으로|로|에)\s*(?:해당|판단|분류|보|결정)(?:합니다|됩니다|한다|된다|함|됨|입니다|이다|임|여집니다|임니다|이?에요|해요|돼요)$/u,
  /\s*(?:이|가)\s*(?:적절|타당|정답)(?:합니다|하다|함|해요)$/u,
  /\s*(?:입니다|이에요|예요|이요|이다|임)$/u,
];

/**
 * Nouns that end in 임 themselves: 任 compounds (책임, 배임 as in the case name 업무상배임, 위임…),
 * 姙 compounds (불임, 피임), 모임 and loanwords. Stripping 임 from these would turn `책임` into `책`,
 * so they are left alone.
 */
const NOUNS_ENDING_IM =
  /(?:책임|배임|위임|수임|선임|해임|연임|중임|겸임|부임|퇴임|취임|전임|후임|일임|재임|방임|자임|상임|주임|담임|소임|신임|유임|사임|초임|특임|역임|적임|무임|불임|피임|회임|모임|게임|타임|프레임|네임)$/u;

/** Invisible characters that copy/paste adds inside words (ZWSP, word joiner, BOM). */
const INVISIBLE = /[\u200b\u2060\ufeff]/gu;

function stripEnding(s: string): string {
  for (const re of ENDINGS) {
    const m = re.exec(s);
    if (!m) continue;
    const rest = s.slice(0, m.index).trimEnd();
    if (rest.length === 0) continue;
    // `…임` where 임 belongs to the noun (책임, 위임…): keep it.
    if (m[0].trim() === '임' && NOUNS_ENDING_IM.test(s)) continue;
    return rest;
  }
  return s;
}

/**
 * Normalize a label for comparison: NFC, folded whitespace, no wrapping, no answer prefix, no
 * trailing punctuation or copula. `수의계약입니다.`, `수의계약이다`, `수의계약임`, `**수의계약**`,
 * `답: 수의계약` all give `수의계약`.
 */
export function normalizeLabel(s: string): string {
  let out = foldSpaces(nfc(s).replace(INVISIBLE, ''));
  // Iterate because layers nest in any order: `**답: "수의계약"입니다.**`.
  for (let guard = 0; guard < 8; guard += 1) {
    const before = out;
    out = stripWrapping(out);
    const prefixed = ANSWER_PREFIX.exec(out);
    if (prefixed && out.length > prefixed[0].length) out = out.slice(prefixed[0].length);
    const unpunct = out.replace(TRAILING_PUNCT, '');
    if (unpunct.length > 0) out = unpunct;
    out = stripEnding(out);
    if (out === before) break;
  }
  return out;
}

/** normalizeLabel without any whitespace, for spacing-insensitive comparison (`해당 없음` = `해당없음`). */
export function labelKey(s: string): string {
  return normalizeLabel(s).replace(/\s+/gu, '');
}
