/**
 * Task packs: what a task is, how to prompt it, and how to parse and score its answers.
 *
 * A pack is data, safe to load from anyone (no code runs from a pack). It is read from
 * `tasks/<domain>/<name>/{pack.yaml, items.jsonl}`; tasks/FORMAT.md is the author's guide.
 * These zod schemas are the single source of the types; unknown keys are errors.
 */
import { z } from 'zod';

export const KINDS = [
  'classification',
  'multilabel',
  'extraction',
  'spans',
  'short-answer',
  'sentence-select',
] as const;
export type Kind = (typeof KINDS)[number];

/** Metrics each kind may name; the first one a pack lists is its primary metric. */
export const METRICS_BY_KIND = {
  classification: ['f1.macro', 'f1.micro', 'accuracy'],
  multilabel: ['f1.micro.set', 'f1.macro.set', 'exact.set'],
  extraction: ['f1.field', 'exact.record'],
  spans: ['f1.entity.exact', 'f1.entity.overlap'],
  'short-answer': ['f1.char', 'exact'],
  'sentence-select': ['f1.sentence', 'exact.set'],
} as const satisfies Record<Kind, readonly string[]>;

export const FIELD_TYPES = ['text', 'number', 'money', 'date', 'datetime', 'code'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

const nonEmpty = z.string().trim().min(1);

export const FieldSpecSchema = z.strictObject({
  name: nonEmpty,
  type: z.enum(FIELD_TYPES),
  /** text/code values must appear verbatim in `source_field` (checked by `packs validate`). */
  in_source: z.boolean().optional(),
});
export type FieldSpec = z.infer<typeof FieldSpecSchema>;

export const PackSpecSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9-]*$/, 'must look like domain/name (lower case, digits, hyphens)'),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be semver like 1.0.0'),
  domain: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  title: z.strictObject({ ko: nonEmpty, en: nonEmpty }),
  description: nonEmpty,
  license: nonEmpty,
  source: nonEmpty.optional(),
  canary: nonEmpty.optional(),
  kind: z.enum(KINDS),
  labels: z.array(nonEmpty).min(1).optional(),
  label_descriptions: z.record(z.string(), z.string()).optional(),
  /** How labels/codes are normalized before comparison. */
  label_format: z.enum(['text', 'kcd', 'statute']).optional(),
  fields: z.array(FieldSpecSchema).min(1).optional(),
  entity_types: z.array(nonEmpty).min(1).optional(),
  source_field: nonEmpty.optional(),
  /** short-answer: normalizer run on both sides before KorQuAD normalization. */
  normalize: z.enum(['money', 'number', 'date', 'datetime']).optional(),
  /** Century for two-digit years in dates (`26.01.22` → 2026 with 2000). */
  century: z.number().int().optional(),
  prompt: z.strictObject({
    system: z.string(),
    template: nonEmpty,
    fewshot: z.number().int().min(0).max(32).default(0),
  }),
  /** Parser override; by default the kind's own parser. */
  parser: z.enum(['label', 'label-list', 'json-object', 'json-entities', 'text', 'number-list']).optional(),
  metrics: z.array(nonEmpty).min(1),
});
export type PackSpec = z.infer<typeof PackSpecSchema>;

export const SpanSchema = z.strictObject({
  type: nonEmpty,
  text: z.string().min(1),
  start: z.number().int().min(0),
  end: z.number().int().min(1),
});
export type Span = z.infer<typeof SpanSchema>;

export type ExtractionValue = string | number | null;
/** Gold shapes by kind (validated against the pack by harness/packs). */
export type Gold =
  | string // classification
  | string[] // multilabel, short-answer
  | Record<string, ExtractionValue> // extraction
  | Span[] // spans
  | number[]; // sentence-select

export const ItemSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'ids use letters, digits, . _ - and never start with . or a path separator').max(200),
  split: z.enum(['test', 'fewshot']),
  input: z.record(z.string(), z.string()),
  gold: z.unknown(),
  meta: z.record(z.string(), z.unknown()).optional(),
});

export interface Item {
  id: string;
  split: 'test' | 'fewshot';
  input: Record<string, string>;
  gold: Gold;
  meta?: Record<string, unknown>;
  /** 1-based line in items.jsonl, for error messages. */
  line: number;
}

export interface TaskPack extends PackSpec {
  /** Directory the pack was loaded from. */
  dir: string;
  /** sha256 of pack.yaml + items.jsonl, recorded in the manifest. */
  sha256: string;
  /** Test items, in file order. */
  items: Item[];
  /** Fewshot items, in file order. */
  fewshotItems: Item[];
  primaryMetric: string;
}
