/** Broken packs: every problem reported as file:line with what to do; good packs pass. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatePack } from '../harness/packs/validate.ts';

const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'packs', 'demo');

/** Copies a fixture pack to a temp tasks/<domain>/<name> folder and applies edits. */
function broken(name: string, edit: (files: { yaml: string; items: string }) => { yaml?: string; items?: string }): string {
  const root = mkdtempSync(path.join(tmpdir(), 'kseval-pack-'));
  const dir = path.join(root, 'demo', name);
  cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  const yaml = readFileSync(path.join(dir, 'pack.yaml'), 'utf8');
  const items = readFileSync(path.join(dir, 'items.jsonl'), 'utf8');
  const out = edit({ yaml, items });
  if (out.yaml !== undefined) writeFileSync(path.join(dir, 'pack.yaml'), out.yaml);
  if (out.items !== undefined) writeFileSync(path.join(dir, 'items.jsonl'), out.items);
  return dir;
}

const lines = (s: string) => s.trimEnd().split('\n');
const setLine = (s: string, i: number, f: (o: Record<string, unknown>) => void) => {
  const ls = lines(s);
  const o = JSON.parse(ls[i]!) as Record<string, unknown>;
  f(o);
  ls[i] = JSON.stringify(o);
  return ls.join('\n') + '\n';
};

const cases: Array<[string, string, Parameters<typeof broken>[1], RegExp, string]> = [
  ['unknown key', 'classify', ({ yaml }) => ({ yaml: yaml.replace('labels:', 'lables:') }), /unknown key 'lables'/, 'pack.yaml:'],
  ['label outside the set', 'classify', ({ items }) => ({ items: setLine(items, 3, (o) => (o.gold = '경쟁계약')) }), /gold label '경쟁계약' is not in labels/, 'items.jsonl:4'],
  ['duplicate id', 'classify', ({ items }) => ({ items: setLine(items, 4, (o) => (o.id = 'cls-004')) }), /duplicate id 'cls-004' \(first on line 4\)/, 'items.jsonl:5'],
  ['fewshot/test overlap', 'classify', ({ items }) => ({ items: setLine(items, 0, (o) => (o.input = { scenario: '관내 업체로 참가 자격을 제한하여 입찰한다.' })) }), /same input as test item 'cls-003'/, 'items.jsonl:1'],
  ['placeholder with no input field', 'classify', ({ yaml }) => ({ yaml: yaml.replace('{{scenario}}', '{{situation}}') }), /placeholder \{\{situation\}\} has no input field/, 'pack.yaml:1'],
  ['span offsets that do not match', 'spans', ({ items }) => ({ items: setLine(items, 1, (o) => ((o.gold as Array<{ start: number }>)[0]!.start += 1)) }), /does not match the source/, 'items.jsonl:2'],
  ['in_source value not in the source', 'extract', ({ items }) => ({ items: setLine(items, 1, (o) => ((o.gold as Record<string, unknown>)['공고번호'] = 'R26XX9999')) }), /marked in_source but does not occur/, 'items.jsonl:2'],
  ['sentence number out of range', 'select', ({ items }) => ({ items: setLine(items, 1, (o) => (o.gold = [3, 9])) }), /sentence number 9 is out of range/, 'items.jsonl:2'],
  ['metric of another kind', 'short', ({ yaml }) => ({ yaml: yaml.replace('[f1.char, exact]', '[f1.macro]') }), /metric 'f1.macro' does not apply to kind 'short-answer'/, 'pack.yaml:1'],
  ['invalid JSON line', 'multi', ({ items }) => ({ items: items.replace('"split": "test"', '"split": "test",,') }), /not valid JSON/, 'items.jsonl:2'],
  ['BOM', 'multi', ({ items }) => ({ items: '\uFEFF' + items }), /byte-order mark/, 'items.jsonl:1'],
  ['path traversal id', 'multi', ({ items }) => ({ items: setLine(items, 2, (o) => (o.id = '../../etc/passwd')) }), /ids use letters/, 'items.jsonl:3'],
  ['unknown kind', 'multi', ({ yaml }) => ({ yaml: yaml.replace('kind: multilabel', 'kind: ranking') }), /kind: Invalid option/, 'pack.yaml:7'],
  ['YAML alias bomb', 'multi', ({ yaml }) => ({ yaml: yaml + 'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n' }), /aliases|unknown key/, 'pack.yaml:'],
];

describe('packs validate', () => {
  it.each(['classify', 'multi', 'extract', 'spans', 'short', 'select'])('fixture %s is valid', async (name) => {
    const v = await validatePack(path.join(FIXTURES, name));
    expect(v.problems.map((p) => p.format())).toEqual([]);
    expect(v.pack!.items.length).toBeGreaterThan(0);
  });
  it.each(cases)('%s', async (_name, fixture, edit, message, where) => {
    const v = await validatePack(broken(fixture, edit));
    const formatted = v.problems.map((p) => p.format());
    const hit = formatted.find((f) => message.test(f));
    expect(hit, formatted.join('\n')).toBeDefined();
    expect(hit).toContain(where);
    expect(hit).toMatch(/ — /); // says what to do
    expect(v.pack).toBeUndefined();
  });
});
