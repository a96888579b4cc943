/**
 * Date and date-time normalizers for extraction fields (METRICS.md, Extraction): every way Korean
 * documents write a date becomes `YYYY-MM-DD`, every date-time `YYYY-MM-DDTHH:MM`. Impossible
 * dates (`2026. 2. 30.`) are null rather than silently rolled over, because a model that invents
 * a 30 February has not given the right date.
 */
import { halfwidth, nfc } from './normalize.ts';

export interface DateOptions {
  /** Century added to two-digit years (`26.01.22` → 2026 with the default 2000). */
  century?: number;
}

interface DateMatch {
  year: number;
  month: number;
  day: number;
  /** Index in the prepared text where the date starts and ends (end exclusive). */
  start: number;
  end: number;
}

/**
 * Written date shapes:
 * - `2026년 1월 22일` (spaces optional),
 * - `2026. 1. 22.`, `2026.1.22`, `2026-01-22`, `2026/01/22`, `26.01.22` — one separator kind,
 *   used twice, spaces around it optional; the trailing dot is consumed.
 */
const DATE_PATTERNS: readonly RegExp[] = [
  /(?<!\d)(\d{4}|\d{2})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일/gu,
  /(?<![\d.])(\d{4}|\d{2})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?!\d)(?:\s*\.(?!\d))?/gu,
];

/**
 * `20260122`: eight digits alone. Only a fallback, and only when it is a real date, because
 * document numbers (`R26BK00917342`) are full of digit runs.
 */
const COMPACT_DATE = /(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)/gu;

function prepare(s: string): string {
  return halfwidth(nfc(s));
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isValid(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function toMatch(m: RegExpExecArray, century: number): DateMatch | null {
  // Numeric groups only: the separator group of the dotted pattern is skipped.
  const [y, mo, d] = m.slice(1).filter((g): g is string => g !== undefined && /^\d+$/u.test(g));
  if (y === undefined || mo === undefined || d === undefined) return null;
  const yy = Number.parseInt(y, 10);
  return {
    year: y.length === 2 ? century + yy : yy,
    month: Number.parseInt(mo, 10),
    day: Number.parseInt(d, 10),
    start: m.index,
    end: m.index + m[0].length,
  };
}

/**
 * The earliest written date in `text`, valid or not: a document whose first date is impossible
 * gets null, not a later date it did not mean.
 */
function findDate(text: string, century: number): DateMatch | null {
  let best: DateMatch | null = null;
  for (const re of DATE_PATTERNS) {
    re.lastIndex = 0;
    const m = re.exec(text);
    if (!m || (best !== null && m.index >= best.start)) continue;
    best = toMatch(m, century) ?? best;
  }
  if (best) return best;
  for (const m of text.matchAll(COMPACT_DATE)) {
    const found = toMatch(m, century);
    if (found && isValid(found.year, found.month, found.day)) return found;
  }
  return null;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

function formatDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/**
 * The first date in `s` as `YYYY-MM-DD`: `2026. 1. 22.`, `2026.1.22`, `2026-01-22`,
 * `2026/01/22`, `2026년 1월 22일`, `2026. 1. 22.(목)`, `26.01.22`. The weekday in brackets is not
 * checked against the date (documents get it wrong more often than the date). Null when there is
 * no date or the first date does not exist.
 */
export function normalizeDate(s: string, opts: DateOptions = {}): string | null {
  const found = findDate(prepare(s), opts.century ?? 2000);
  if (!found || !isValid(found.year, found.month, found.day)) return null;
  return formatDate(found.year, found.month, found.day);
}

interface TimeMatch {
  hour: number;
  minute: number;
}

/**
 * Times: `10:00`, `T10:00:00`, `10시`, `10시 30분`, `2시 반`, with an optional 오전/오후/AM/PM
 * marker before (or AM/PM after), and `정오`/`자정`. `시간` (a duration) is not a time.
 */
const TIME =
  /(?:(오전|오후|새벽|아침|낮|저녁|밤|[AaPp]\.?[Mm]\.?)\s*)?(?<!\d)(\d{1,2})\s*(?::\s*(\d{2})(?::\d{2}(?:\.\d+)?)?|시(?!간)(?:\s*(\d{1,2})\s*분|\s*(반))?)(?:\s*([AaPp]\.?[Mm]\.?)(?![A-Za-z]))?|(정오|자정)/u;

function findTime(text: string): TimeMatch | null {
  const m = TIME.exec(text);
  if (!m) return null;
  if (m[7] === '정오') return { hour: 12, minute: 0 };
  if (m[7] === '자정') return { hour: 0, minute: 0 };
  let hour = Number.parseInt(m[2] ?? '', 10);
  const minute = m[5] ? 30 : Number.parseInt(m[3] ?? m[4] ?? '0', 10);
  const marker = (m[1] ?? m[6] ?? '').replace(/\./gu, '').toLowerCase();
  const afternoon = marker === '오후' || marker === 'pm' || marker === '저녁' || (marker === '밤' && hour >= 6);
  const morning = marker === '오전' || marker === 'am' || marker === '새벽' || marker === '아침';
  if (afternoon && hour < 12) hour += 12;
  if (marker === '낮' && hour >= 1 && hour <= 6) hour += 12;
  // 오전 12시 is midnight, as on Korean clocks and in 12-hour English usage.
  if (morning && hour === 12) hour = 0;
  if (Number.isNaN(hour) || Number.isNaN(minute) || minute > 59 || hour > 24) return null;
  if (hour === 24 && minute !== 0) return null;
  return { hour, minute };
}

/**
 * The first date in `s` and the first time after it (or before it, for `10:00, 2026. 2. 10.`)
 * as `YYYY-MM-DDTHH:MM`: `2026. 2. 10.(화) 10:00`, `2026-02-10 10:00`, `26.02.10 10시`,
 * `2026년 2월 10일 오후 2시 30분` (14:30), `2026.02.10 14:00까지`. `24:00` is the end of that day,
 * written as 00:00 of the next day (ISO 8601). Null when the date is missing or impossible, or
 * when no time is written: a date alone is not a date-time, and guessing 00:00 would score a
 * half-answer as a wrong one.
 */
export function normalizeDatetime(s: string, opts: DateOptions = {}): string | null {
  const text = prepare(s);
  const found = findDate(text, opts.century ?? 2000);
  if (!found || !isValid(found.year, found.month, found.day)) return null;
  const time = findTime(text.slice(found.end)) ?? findTime(text.slice(0, found.start));
  if (!time) return null;
  let { year, month, day } = found;
  let hour = time.hour;
  if (hour === 24) {
    const next = new Date(Date.UTC(year, month - 1, day + 1));
    year = next.getUTCFullYear();
    month = next.getUTCMonth() + 1;
    day = next.getUTCDate();
    hour = 0;
  }
  return `${formatDate(year, month, day)}T${pad2(hour)}:${pad2(time.minute)}`;
}
