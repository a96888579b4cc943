/**
 * Gold consistency per kind: the gold has the kind's shape, uses the pack's closed lists,
 * and agrees with the source text (span offsets, in-source values, sentence numbers).
 */
import { SpanSchema, type Item, type Kind, type PackSpec } from '../core/pack.ts';
import { normalizeCode } from '../text/codes.ts';
import { foldSpaces, nfc } from '../text/normalize.ts';
import { splitSentences } from '../text/sentences.ts';

type Check = (pack: PackSpec, item: Item) => string[];

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

function source(pack: PackSpec, item: Item): string | undefined {
  return pack.source_field ? item.input[pack.source_field] : undefined;
}

const classification: Check = (pack, item) => {
  if (typeof item.gold !== 'string') return ['gold must be one label (a string)'];
  if (pack.labels && !pack.labels.includes(item.gold)) return [`gold label '${item.gold}' is not in labels`];
  return [];
};

const multilabel: Check = (pack, item) => {
  const gold = item.gold;
  if (!Array.isArray(gold) || gold.some((g) => typeof g !== 'string')) return ['gold must be an array of labels (strings)'];
  const out: string[] = [];
  const format = pack.label_format ?? 'text';
  const seen = new Set<string>();
  for (const g of gold as string[]) {
    const norm = normalizeCode(g, format);
    if (seen.has(norm)) out.push(`gold label '${g}' is listed twice`);
    seen.add(norm);
    if (pack.labels && !pack.labels.includes(g)) out.push(`gold label '${g}' is not in labels`);
  }
  return out;
};

const extraction: Check = (pack, item) => {
  const gold = item.gold;
  if (typeof gold !== 'object' || gold === null || Array.isArray(gold)) return ['gold must be an object of field values'];
  const values = gold as Record<string, unknown>;
  const out: string[] = [];
  const names = new Set((pack.fields ?? []).map((f) => f.name));
  for (const key of Object.keys(values)) if (!names.has(key)) out.push(`gold has field '${key}' that is not in fields`);
  const src = source(pack, item);
  for (const field of pack.fields ?? []) {
    if (!(field.name in values)) {
      out.push(`gold lacks field '${field.name}' (use null when absent)`);
      continue;
    }
    const v = values[field.name];
    if (v === null) continue;
    const numeric = field.type === 'money' || field.type === 'number';
    if (numeric && (typeof v !== 'number' || !Number.isFinite(v))) out.push(`field '${field.name}' (${field.type}) must be a number`);
    if (!numeric && typeof v !== 'string') out.push(`field '${field.name}' (${field.type}) must be a string`);
    if (field.type === 'date' && typeof v === 'string' && !DATE.test(v)) out.push(`field '${field.name}' must be a date YYYY-MM-DD, got '${v}'`);
    if (field.type === 'datetime' && typeof v === 'string' && !DATETIME.test(v)) out.push(`field '${field.name}' must be YYYY-MM-DDTHH:MM, got '${v}'`);
    if (field.in_source && typeof v === 'string' && (field.type === 'text' || field.type === 'code')) {
      if (src === undefined) out.push(`field '${field.name}' is in_source but the item has no '${pack.source_field}' input`);
      else if (!foldSpaces(nfc(src)).includes(foldSpaces(nfc(v)))) out.push(`field '${field.name}' value '${v}' is marked in_source but does not occur in '${pack.source_field}'`);
    }
  }
  return out;
};

const spans: Check = (pack, item) => {
  if (!Array.isArray(item.gold)) return ['gold must be an array of {type, text, start, end}'];
  const src = source(pack, item);
  if (src === undefined) return [`the item has no '${pack.source_field}' input for span offsets`];
  const out: string[] = [];
  const seen = new Set<string>();
  (item.gold as unknown[]).forEach((raw, i) => {
    const parsed = SpanSchema.safeParse(raw);
    if (!parsed.success) {
      out.push(`gold[${i}] must be {type, text, start, end} (${parsed.error.issues[0]?.message ?? 'bad shape'})`);
      return;
    }
    const s = parsed.data;
    if (pack.entity_types && !pack.entity_types.includes(s.type)) out.push(`gold[${i}] type '${s.type}' is not in entity_types`);
    const actual = src.slice(s.start, s.end);
    if (s.end <= s.start || s.end > src.length) out.push(`gold[${i}] offsets ${s.start}-${s.end} are outside the text (length ${src.length})`);
    else if (actual !== s.text) out.push(`gold[${i}] text '${s.text}' does not match the source at ${s.start}-${s.end} ('${actual}')`);
    const key = `${s.type}:${s.start}:${s.end}`;
    if (seen.has(key)) out.push(`gold[${i}] repeats an entity`);
    seen.add(key);
  });
  return out;
};

const shortAnswer: Check = (_pack, item) => {
  const gold = item.gold;
  if (!Array.isArray(gold) || gold.length === 0 || gold.some((g) => typeof g !== 'string' || g.trim() === '')) {
    return ['gold must be a non-empty array of acceptable answers (strings)'];
  }
  return [];
};

const sentenceSelect: Check = (pack, item) => {
  const gold = item.gold;
  if (!Array.isArray(gold) || gold.some((g) => typeof g !== 'number' || !Number.isInteger(g))) return ['gold must be an array of sentence numbers'];
  const src = source(pack, item);
  if (src === undefined) return [`the item has no '${pack.source_field}' input to number sentences in`];
  const count = splitSentences(src).length;
  const out: string[] = [];
  const seen = new Set<number>();
  for (const n of gold as number[]) {
    if (n < 1 || n > count) out.push(`sentence number ${n} is out of range: the splitter finds ${count} sentences`);
    if (seen.has(n)) out.push(`sentence number ${n} is listed twice`);
    seen.add(n);
  }
  return out;
};

export const GOLD_CHECKS: Record<Kind, Check> = {
  classification,
  multilabel,
  extraction,
  spans,
  'short-answer': shortAnswer,
  'sentence-select': sentenceSelect,
};
