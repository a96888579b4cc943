/**
 * Numbers and amounts of money as Korean documents write them (METRICS.md, Extraction): Arabic
 * digits with thousands separators, Korean and Sino-Korean numerals (`일억이천만`, `壹億貳阡萬`),
 * the units 십·백·천 and 만·억·조 in any mix (`1억 2,000만`, `120,000천원`, `3.5억원`), and the
 * formal frame of 공문서 amounts (`금 … 원정`, `일금`, `₩`).
 */
import { halfwidth, nfc } from './normalize.ts';
import { isHangulSyllable } from './sentence-chars.ts';

const DIGITS: Readonly<Record<string, number>> = {
  영: 0, 공: 0, 일: 1, 이: 2, 삼: 3, 사: 4, 오: 5, 육: 6, 륙: 6, 칠: 7, 팔: 8, 구: 9,
  零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 貳: 2, 貮: 2, 參: 3, 叁: 3, 肆: 4, 伍: 5, 陸: 6, 柒: 7, 漆: 7, 捌: 8, 玖: 9,
};

/** Units below 만, which multiply the digit before them and add within a 만-group. */
const SMALL_UNITS: Readonly<Record<string, number>> = {
  십: 10, 백: 100, 천: 1000, 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000, 阡: 1000,
};

/** Units that close a group: everything read so far in the group is multiplied by them. */
const BIG_UNITS: Readonly<Record<string, number>> = {
  만: 1e4, 억: 1e8, 조: 1e12, 萬: 1e4, 億: 1e8, 兆: 1e12,
};

/** Arabic number at lastIndex: `1,234,567.5` or `1234.5` (commas only in threes). Sticky. */
const ARABIC = /(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/uy;

interface Candidate {
  value: number;
  start: number;
  end: number;
  /** Written with a currency sign or word (₩, 금, 원, KRW…). */
  currency: boolean;
  /** Uses 만/억/조, which in these documents almost always means money. */
  bigUnit: boolean;
  percent: boolean;
  /** Preceded by 제 (`제3조`): an ordinal, never an amount. */
  ordinal: boolean;
}

/** Float noise from `1.2 * 1e8` and the like, removed at 15 significant digits. */
function clean(x: number): number {
  return Number(x.toPrecision(15));
}

const isLatinOrDigit = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z0-9]/u.test(ch);

/** What may follow a numeral-only amount (`백만 원`, `이천만)`), so `이천시`, `만 19세` are not amounts. */
const KOREAN_AMOUNT_END = /^\s*(?:원|圓|정|整|KRW)|^[)\]}」』,.;:/~\-(]/u;
const CURRENCY_AFTER = /^\s*(?:원|圓|KRW|won\b)/iu;
const CURRENCY_BEFORE = /(?:₩|\\|KRW|금|일금|金)\s*$/u;

/**
 * Read one amount expression starting at `start`, or null when the text there is not a number.
 * Spaces are allowed only after a 만/억/조 group (`1억 2,000만`), which is how amounts are spaced.
 */
function readAmount(text: string, start: number): Candidate | null {
  let i = start;
  let total = 0;
  let group = 0;
  let current: number | null = null;
  let sawArabic = false;
  let sawUnit = false;
  let sawBig = false;
  let lastWasDigit = false;
  let lastWasBig = false;
  let end = start;

  for (;;) {
    let j = i;
    if (lastWasBig) while (text[j] === ' ') j += 1;
    const ch = text[j];
    if (ch === undefined) break;
    ARABIC.lastIndex = j;
    const arabic = ARABIC.exec(text);
    if (arabic && !lastWasDigit) {
      current = Number.parseFloat(arabic[0].replace(/,/gu, ''));
      sawArabic = true;
      i = j + arabic[0].length;
    } else if (ch in DIGITS && !lastWasDigit) {
      current = DIGITS[ch] ?? 0;
      i = j + 1;
    } else if (j === i && ch in SMALL_UNITS) {
      group += (current ?? 1) * (SMALL_UNITS[ch] ?? 1);
      current = null;
      sawUnit = true;
      i = j + 1;
    } else if (j === i && ch in BIG_UNITS) {
      // `3조` alone is an article number; 조 is a unit only when the amount goes on (`1조 2천억원`).
      if ((ch === '조' || ch === '兆') && !/^\s*(?:[0-9일이삼사오육칠팔구십백천만억]|원)/u.test(text.slice(j + 1, j + 4))) break;
      group += current ?? 0;
      total += (group === 0 ? 1 : group) * (BIG_UNITS[ch] ?? 1);
      group = 0;
      current = null;
      sawUnit = true;
      sawBig = true;
      i = j + 1;
      end = i;
      lastWasDigit = false;
      lastWasBig = true;
      continue;
    } else {
      break;
    }
    end = i;
    lastWasDigit = current !== null;
    lastWasBig = false;
  }
  if (end === start) return null;
  const value = clean(total + group + (current ?? 0));
  // Context windows, not whole remainders: keeps a long output linear to scan.
  const before = text.slice(Math.max(0, start - 8), start);
  const after = text.slice(end, end + 16);
  const atEnd = /^\s*$/u.test(after) && /^\s*$/u.test(text.slice(end));

  if (!sawArabic) {
    // Numeral syllables are ordinary syllables too (이천시, 오전, 공고): accept a Korean-only
    // amount only as a word of its own that ends like an amount.
    const prev = before.at(-1);
    if (isHangulSyllable(prev) && !/(?:금|일금)$/u.test(before)) return null;
    if (!atEnd && !KOREAN_AMOUNT_END.test(after)) return null;
    if (!sawUnit && !/^\s*(?:원|圓)/u.test(after)) return null;
  } else if (isLatinOrDigit(before.at(-1))) {
    // `HbA1c`, `R26BK00917342`: digits inside an identifier are not numbers.
    return null;
  }
  return {
    value,
    start,
    end,
    currency: CURRENCY_BEFORE.test(before) || CURRENCY_AFTER.test(after),
    bigUnit: sawBig,
    percent: /^\s*(?:%|퍼센트|프로)/u.test(after),
    ordinal: /제\s*$/u.test(before),
  };
}

function candidates(s: string): Candidate[] {
  const text = halfwidth(nfc(s)).replace(/[￦]/gu, '₩');
  const out: Candidate[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    const starts = /\d/u.test(ch) || ch in DIGITS || ch in SMALL_UNITS || ch in BIG_UNITS;
    const found = starts ? readAmount(text, i) : null;
    if (found) {
      const sign = /(?:^|[^\w.])[-−]$/u.test(text.slice(Math.max(0, i - 2), i)) ? -1 : 1;
      out.push({ ...found, value: sign * found.value });
      i = found.end;
    } else {
      i += 1;
    }
  }
  return out;
}

/**
 * The amount of money in `s`, in won: `금 일억이천만원정` and `1억 2,000만 원` → 120000000,
 * `120,000천원` → 120000000, `3.5억원` → 350000000. When several numbers are written, the first
 * one marked as money (₩, 금, 원, KRW) wins, then the first with 만/억/조, then the first plain
 * number; percentages and article numbers (`제3조`) are never amounts. Bracketed noise such as
 * `(부가세 포함)` has no number and is skipped. Null when there is no amount.
 */
export function parseMoney(s: string): number | null {
  const usable = candidates(s).filter((c) => !c.percent && !c.ordinal);
  const pick = usable.find((c) => c.currency) ?? usable.find((c) => c.bigUnit) ?? usable[0];
  return pick ? pick.value : null;
}

/**
 * The first number in `s`: `1,234.5` → 1234.5, `7.1%` → 7.1 (the number as written, not a
 * fraction), `-3` → -3, `1.2만` → 12000. Digits inside identifiers (`HbA1c`) are skipped.
 * Null when there is no number.
 */
export function parseNumber(s: string): number | null {
  const first = candidates(s)[0];
  return first ? first.value : null;
}
