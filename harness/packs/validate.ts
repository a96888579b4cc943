/**
 * Loads and validates a pack directory. Every problem is collected (not just the first) and
 * reported as `file:line: what is wrong — what to do`.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { METRICS_BY_KIND, PackSpecSchema, type Item, type PackSpec, type TaskPack } from '../core/pack.ts';
import { UserError } from '../core/errors.ts';
import { foldSpaces, nfc } from '../text/normalize.ts';
import { GOLD_CHECKS } from './gold-checks.ts';
import { readItems } from './items-source.ts';
import { readYaml } from './yaml-source.ts';
import { placeholders, BUILTIN_PLACEHOLDERS } from './prompt.ts';

export interface Validation {
  pack?: TaskPack;
  problems: UserError[];
}

/** What each kind needs in pack.yaml, beyond the common keys. */
const REQUIRED: Record<PackSpec['kind'], Array<keyof PackSpec>> = {
  classification: ['labels'],
  multilabel: [],
  extraction: ['fields'],
  spans: ['entity_types', 'source_field'],
  'short-answer': [],
  'sentence-select': ['source_field'],
};

export async function validatePack(dir: string): Promise<Validation> {
  const yamlFile = path.join(dir, 'pack.yaml');
  const itemsFile = path.join(dir, 'items.jsonl');
  const { value: spec, problems } = await readYaml(yamlFile, PackSpecSchema);
  const { items, problems: itemProblems, sha256: itemsSha } = await readItems(itemsFile);
  problems.push(...itemProblems);
  if (!spec) return { problems };

  const at = (message: string, hint: string, line?: number, file = yamlFile) => problems.push(new UserError(message, { file, line, hint }));

  // id and domain must match where the pack lives, so that ids are stable and unique.
  const parts = path.resolve(dir).split(path.sep);
  const folderId = parts.slice(-2).join('/');
  if (spec.id !== folderId) at(`id '${spec.id}' does not match the folder '${folderId}'`, `set id: ${folderId} or move the pack`, 1);
  if (spec.id.split('/')[0] !== spec.domain) at(`domain '${spec.domain}' does not match the id '${spec.id}'`, 'the domain is the first part of the id', 1);

  for (const key of REQUIRED[spec.kind]) {
    if (spec[key] === undefined) at(`kind '${spec.kind}' needs '${key}'`, `add ${key} (see tasks/FORMAT.md)`, 1);
  }
  const allowed: readonly string[] = METRICS_BY_KIND[spec.kind];
  for (const m of spec.metrics) {
    if (!allowed.includes(m)) at(`metric '${m}' does not apply to kind '${spec.kind}'`, `use one of ${allowed.join(', ')}`, 1);
  }
  for (const key of Object.keys(spec.label_descriptions ?? {})) {
    if (!spec.labels?.includes(key)) at(`label_descriptions has '${key}', which is not in labels`, 'describe only listed labels', 1);
  }
  if (spec.labels && new Set(spec.labels).size !== spec.labels.length) at('labels has duplicates', 'list each label once', 1);

  // Items: ids, splits, input fields, gold.
  const ids = new Map<string, number>();
  const labels = new Map((spec.labels ?? []).map((l) => [l, l]));
  const fieldNames = items[0] ? Object.keys(items[0].input).sort().join(',') : '';
  for (const item of items) {
    const prev = ids.get(item.id);
    if (prev !== undefined) at(`duplicate id '${item.id}' (first on line ${prev})`, 'give every item a unique id', item.line, itemsFile);
    else ids.set(item.id, item.line);
    const names = Object.keys(item.input).sort().join(',');
    if (names !== fieldNames) at(`input fields {${names}} differ from the first item's {${fieldNames}}`, 'every item needs the same input fields', item.line, itemsFile);
    if (spec.source_field && !(spec.source_field in item.input)) at(`input has no '${spec.source_field}' (the pack's source_field)`, 'add it or fix source_field', item.line, itemsFile);
    const difficulty = item.meta?.difficulty;
    if (difficulty !== undefined && !['easy', 'medium', 'hard'].includes(String(difficulty))) {
      at(`meta.difficulty '${String(difficulty)}' is not easy, medium or hard`, 'use easy, medium or hard', item.line, itemsFile);
    }
    for (const problem of GOLD_CHECKS[spec.kind](spec, item)) at(problem, 'fix the gold or the pack definition', item.line, itemsFile);
    // A gold label is one of a few strings: share the pack's copy instead of one per item.
    if (typeof item.gold === 'string') item.gold = labels.get(item.gold) ?? item.gold;
  }

  const test = items.filter((i) => i.split === 'test');
  const fewshot = items.filter((i) => i.split === 'fewshot');
  if (items.length > 0 && test.length === 0) at('no test items', 'add items with "split": "test"', 1, itemsFile);
  if (fewshot.length < spec.prompt.fewshot) {
    at(`prompt.fewshot is ${spec.prompt.fewshot} but there are only ${fewshot.length} fewshot items`, 'add fewshot items or lower prompt.fewshot', 1);
  }
  // A fewshot example that repeats a test item would leak its answer.
  const key = (i: Item) => foldSpaces(nfc(Object.values(i.input).join('\u0000')));
  const testKeys = new Map(test.map((i) => [key(i), i]));
  for (const f of fewshot) {
    const clash = testKeys.get(key(f));
    if (clash) at(`fewshot item '${f.id}' has the same input as test item '${clash.id}' (line ${clash.line})`, 'fewshot and test items must be disjoint', f.line, itemsFile);
  }

  // Placeholders must name a field every item has, or a built-in.
  for (const name of placeholders(spec.prompt.template)) {
    if (BUILTIN_PLACEHOLDERS.includes(name)) {
      if (name === 'sentences' && !spec.source_field) at('{{sentences}} needs source_field', 'set source_field to the input field to number', 1);
      if (name === 'labels' && !spec.labels) at('{{labels}} needs labels', 'add labels or remove the placeholder', 1);
      continue;
    }
    const missing = items.find((i) => !(name in i.input));
    if (missing) at(`placeholder {{${name}}} has no input field '${name}' (item '${missing.id}', line ${missing.line})`, `add '${name}' to every item's input or fix the template`, 1);
  }

  if (problems.length > 0) return { problems };
  const sha256 = createHash('sha256').update(await readFile(yamlFile, 'utf8')).update('\u0000').update(itemsSha).digest('hex');
  return {
    problems,
    pack: { ...spec, dir, sha256, items: test, fewshotItems: fewshot, primaryMetric: spec.metrics[0]! },
  };
}

/** Validates each pack directory: the valid packs, and every problem of the others. */
export async function loadPacks(dirs: string[]): Promise<{ packs: TaskPack[]; problems: UserError[] }> {
  const packs: TaskPack[] = [];
  const problems: UserError[] = [];
  for (const dir of dirs) {
    const v = await validatePack(dir);
    if (v.pack) packs.push(v.pack);
    problems.push(...v.problems);
  }
  return { packs, problems };
}
