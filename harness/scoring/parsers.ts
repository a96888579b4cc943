/**
 * Parsers turn a model's text into the gold's shape. An output that cannot be read is
 * `{ ok: false }`: scored as wrong and counted as unparsed, never silently dropped.
 * Thinking blocks are stripped first, whatever the adapter already did.
 */
import type { Kind, TaskPack } from '../core/pack.ts';
import { normalizeCode } from '../text/codes.ts';
import { labelKey, normalizeLabel, foldSpaces, nfc } from '../text/normalize.ts';
import { splitThinking } from '../text/thinking.ts';
import { normalizeField } from './field-normalizers.ts';
import { findJson } from './json-in-text.ts';

export type Parsed =
  | { ok: true; value: unknown }
  | { ok: false; reason: string };

type Parser = (pack: TaskPack, answer: string) => Parsed;

const NONE = new Set(['해당없음', '없음', 'none', '해당사항없음', '[]']);
const ANSWER_PREFIX = /^\s*(?:최종\s*)?(?:정답|답변|답|분류|라벨|label|answer|결과)\s*[:：]\s*/i;
const BULLET = /^\s*(?:[-*•·]|\d+[.)]|\(\d+\))\s+/;

const fail = (reason: string): Parsed => ({ ok: false, reason });

/**
 * A pack's closed list, keyed once: every answer of a run is matched against the same labels,
 * and keying one runs about ten regular expressions.
 */
interface LabelTable {
  labels: Array<{ label: string; key: string }>;
  byKey: Map<string, string>;
}
const labelTables = new WeakMap<TaskPack, LabelTable>();

function labelTable(pack: TaskPack): LabelTable {
  let table = labelTables.get(pack);
  if (!table) {
    const labels = (pack.labels ?? []).map((label) => ({ label, key: labelKey(label) }));
    table = { labels, byKey: new Map(labels.map((l) => [l.key, l.label])) };
    labelTables.set(pack, table);
  }
  return table;
}

/** The closed list of a set-like pack, by the key of its normalized code or label. */
const codeTables = new WeakMap<TaskPack, Map<string, string>>();

function codeTable(pack: TaskPack, format: NonNullable<TaskPack['label_format']>): Map<string, string> {
  let table = codeTables.get(pack);
  if (!table) {
    table = new Map((pack.labels ?? []).map((l) => [labelKey(normalizeCode(l, format)), normalizeCode(l, format)]));
    codeTables.set(pack, table);
  }
  return table;
}

/** Label from a closed list, after Korean normalization; unique mention as a fallback. */
const label: Parser = (pack, answer) => {
  const { labels, byKey } = labelTable(pack);
  const json = findJson(answer, 'object') as Record<string, unknown> | undefined;
  const jsonLabel = json && (json.label ?? json.answer ?? json['정답'] ?? json['분류']);
  const lines = answer.split('\n').map((l) => l.replace(ANSWER_PREFIX, '')).filter((l) => l.trim());
  const candidates = [answer.replace(ANSWER_PREFIX, ''), ...(typeof jsonLabel === 'string' ? [jsonLabel] : []), ...lines.slice(0, 1)];
  for (const c of candidates) {
    const hit = byKey.get(labelKey(c));
    if (hit) return { ok: true, value: hit };
  }
  // A unique label mentioned in the text (longest matches win over labels they contain).
  const text = labelKey(answer);
  const found = labels.filter((l) => text.includes(l.key));
  const maximal = found.filter((l) => !found.some((o) => o !== l && o.key.includes(l.key)));
  if (maximal.length === 1) return { ok: true, value: maximal[0]!.label };
  return fail(maximal.length > 1 ? `mentions several labels: ${maximal.map((l) => l.label).join(', ')}` : 'no label from the list');
};

const CODE_PATTERNS: Record<'kcd' | 'statute', RegExp> = {
  kcd: /[A-Za-z]\s?\d{2}(?:\s?\.?\s?\d{1,2})?/,
  statute: /(?:[「『]?[가-힣A-Za-z·ㆍ\s]*?[가-힣][」』]?\s*)?제?\s*\d+\s*조(?:\s*의\s*\d+)?/,
};

/** A set of labels or codes: a JSON array, or one per line / comma-separated. */
const labelList: Parser = (pack, answer) => {
  const format = pack.label_format ?? 'text';
  const json = findJson(answer, 'array');
  const pieces = Array.isArray(json)
    ? json.map((v) => String(v))
    : answer.split(/[\n,;]+/).map((p) => p.replace(ANSWER_PREFIX, '').replace(BULLET, ''));
  const cleaned = pieces.map((p) => foldSpaces(nfc(p))).filter(Boolean);
  if (cleaned.length === 0 || cleaned.every((p) => NONE.has(labelKey(p).toLowerCase()))) {
    return answer.trim() || Array.isArray(json) ? { ok: true, value: [] } : fail('empty answer');
  }
  const byKey = codeTable(pack, format);
  const out = new Set<string>();
  for (const piece of cleaned) {
    if (format === 'text') {
      const hit = byKey.get(labelKey(piece));
      if (hit) out.add(hit);
      else if (!pack.labels) out.add(normalizeLabel(piece));
      continue;
    }
    const m = piece.match(CODE_PATTERNS[format]);
    if (!m) continue;
    // Law names are matched to the closed list ignoring spaces (특정범죄가중처벌등에관한법률 = 특정범죄 가중처벌 등에 관한 법률).
    const code = normalizeCode(m[0], format);
    out.add(byKey.get(labelKey(code)) ?? code);
  }
  if (out.size === 0) return fail('no label or code recognised');
  return { ok: true, value: [...out].sort() };
};

/** One JSON object; every field normalized by its type; keys matched ignoring spaces. */
const jsonObject: Parser = (pack, answer) => {
  const obj = findJson(answer, 'object') as Record<string, unknown> | undefined;
  if (!obj) return fail('no JSON object');
  const byKey = new Map(Object.entries(obj).map(([k, v]) => [labelKey(k), v]));
  const value: Record<string, unknown> = {};
  for (const f of pack.fields ?? []) value[f.name] = normalizeField(f.type, byKey.get(labelKey(f.name)), { century: pack.century });
  return { ok: true, value };
};

/** A JSON array of {type, text[, start]}; offsets are hints only. */
const jsonEntities: Parser = (_pack, answer) => {
  let arr = findJson(answer, 'array') as unknown[] | undefined;
  if (!arr) {
    const obj = findJson(answer, 'object') as Record<string, unknown> | undefined;
    const inner = obj && (obj.entities ?? obj.spans ?? obj.items);
    if (Array.isArray(inner)) arr = inner;
  }
  if (!arr) return NONE.has(labelKey(answer).toLowerCase()) ? { ok: true, value: [] } : fail('no JSON array of entities');
  const value = arr.flatMap((e) => {
    if (typeof e !== 'object' || e === null) return [];
    const r = e as Record<string, unknown>;
    const type = typeof r.type === 'string' ? nfc(r.type.trim()) : typeof r.label === 'string' ? nfc(r.label.trim()) : '';
    const text = typeof r.text === 'string' ? nfc(r.text) : '';
    if (!type || !text) return [];
    return [{ type, text, ...(typeof r.start === 'number' ? { start: r.start } : {}) }];
  });
  return { ok: true, value };
};

/** The answer alone: first non-empty line, prefixes and a trailing copula removed. */
const text: Parser = (_pack, answer) => {
  const line = answer.split('\n').map((l) => l.replace(ANSWER_PREFIX, '').trim()).find(Boolean);
  if (!line) return fail('empty answer');
  const value = line.replace(/\s*(?:입니다|이다)\s*[.。]?$/u, '').trim();
  return value ? { ok: true, value } : fail('empty answer');
};

/** Sentence numbers: a JSON array, else the integers written in the answer. */
const numberList: Parser = (_pack, answer) => {
  const json = findJson(answer, 'array');
  const nums = Array.isArray(json) ? json.map(Number) : [...answer.matchAll(/\d+/g)].map((m) => Number(m[0]));
  const value = [...new Set(nums.filter((n) => Number.isInteger(n) && n > 0))].sort((a, b) => a - b);
  if (value.length === 0 && !NONE.has(labelKey(answer).toLowerCase()) && !Array.isArray(json)) return fail('no sentence numbers');
  return { ok: true, value };
};

export const PARSERS = {
  label,
  'label-list': labelList,
  'json-object': jsonObject,
  'json-entities': jsonEntities,
  text,
  'number-list': numberList,
} as const satisfies Record<string, Parser>;

export const DEFAULT_PARSER: Record<Kind, keyof typeof PARSERS> = {
  classification: 'label',
  multilabel: 'label-list',
  extraction: 'json-object',
  spans: 'json-entities',
  'short-answer': 'text',
  'sentence-select': 'number-list',
};

export function parseOutput(pack: TaskPack, output: string): Parsed {
  const { answer } = splitThinking(output);
  return PARSERS[pack.parser ?? DEFAULT_PARSER[pack.kind]](pack, answer);
}
