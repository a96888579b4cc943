/**
 * Extraction field values by type, as METRICS.md defines them: money/number → number,
 * date → YYYY-MM-DD, datetime → YYYY-MM-DDTHH:MM, code → upper case without spaces,
 * text → NFC with whitespace collapsed and surrounding quotes/brackets stripped.
 */
import type { ExtractionValue, FieldType } from '../core/pack.ts';
import { normalizeDate, normalizeDatetime } from '../text/dates.ts';
import { parseMoney, parseNumber } from '../text/money.ts';
import { foldSpaces, nfc, stripWrapping } from '../text/normalize.ts';

const NULLISH = new Set(['', 'null', 'none', 'n/a', '-', '없음', '해당없음', '해당 없음', '미정', '미기재']);

/** A value that was given but could not be normalized: never equal to any gold. */
const unreadable = (raw: string) => `\u0000unreadable:${raw}`;

type Normalizer = (raw: string | number, opts: { century?: number }) => ExtractionValue;

const asText = (raw: string | number) => foldSpaces(stripWrapping(foldSpaces(nfc(String(raw)))));

export const FIELD_NORMALIZERS: Record<FieldType, Normalizer> = {
  text: (raw) => asText(raw),
  code: (raw) => asText(raw).replace(/\s+/g, '').toUpperCase(),
  money: (raw) => (typeof raw === 'number' ? raw : (parseMoney(raw) ?? unreadable(raw))),
  number: (raw) => (typeof raw === 'number' ? raw : (parseNumber(raw) ?? unreadable(raw))),
  date: (raw, o) => normalizeDate(String(raw), o) ?? unreadable(String(raw)),
  datetime: (raw, o) => normalizeDatetime(String(raw), o) ?? unreadable(String(raw)),
};

export function normalizeField(type: FieldType, raw: unknown, opts: { century?: number } = {}): ExtractionValue {
  if (raw === null || raw === undefined) return null;
  if (typeof raw !== 'string' && typeof raw !== 'number') return unreadable(JSON.stringify(raw));
  if (typeof raw === 'string' && NULLISH.has(foldSpaces(raw).toLowerCase())) return null;
  return FIELD_NORMALIZERS[type](raw, opts);
}
