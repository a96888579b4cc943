/**
 * Reads a YAML file for a strict zod schema and maps every problem back to its line.
 * Aliases are capped (a "billion laughs" file is an error, not a hang) and duplicate keys
 * are errors.
 */
import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument, isMap, isNode, isScalar, type Document } from 'yaml';
import type { z } from 'zod';
import { UserError } from '../core/errors.ts';
import { decodeUtf8 } from '../text/utf8.ts';

const MAX_YAML_BYTES = 1_000_000;

export interface YamlResult<T> {
  value?: T;
  problems: UserError[];
  /** Line of the node at a path (or its nearest existing parent), for later checks. */
  lineAt?: (path: (string | number)[]) => number | undefined;
}

export async function readYaml<S extends z.ZodType>(file: string, schema: S): Promise<YamlResult<z.output<S>>> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return { problems: [new UserError('file not found or not readable', { file, hint: 'check the path' })] };
  }
  if (bytes.length > MAX_YAML_BYTES) {
    return { problems: [new UserError(`file is ${bytes.length} bytes, larger than the 1 MB limit`, { file, line: 1, hint: 'keep YAML files small; put items in items.jsonl' })] };
  }
  const decoded = decodeUtf8(bytes, file); // a BOM in YAML is harmless: decodeUtf8 drops it
  if (decoded.text === undefined) return { problems: [decoded.problem!] };
  const text = decoded.text;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const lineOf = (offset: number | undefined) => (offset === undefined ? undefined : lineCounter.linePos(offset).line);
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map(
        (e) => new UserError(`YAML syntax: ${e.message.split('\n')[0]}`, { file, line: lineOf(e.pos[0]), hint: 'fix the YAML syntax' }),
      ),
    };
  }
  // An unknown tag (`!!js/function`, `!include`) would silently become a plain string: packs and
  // configs are data, so say the tag is not supported instead of guessing what it meant.
  const unresolved = doc.warnings.filter((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (unresolved.length > 0) {
    return {
      problems: unresolved.map((w) => new UserError(`YAML tag not supported: ${w.message.split('\n')[0]}`, { file, line: lineOf(w.pos[0]), hint: 'packs and configs are plain data: remove the tag' })),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    return { problems: [new UserError(`YAML could not be read: ${(e as Error).message.split('\n')[0]}`, { file, line: 1, hint: 'remove excessive aliases/anchors' })] };
  }
  const parsed = schema.safeParse(data ?? {});
  const lineAt = (path: (string | number)[]) => nodeLine(doc, path, lineOf);
  if (parsed.success) return { value: parsed.data, problems: [], lineAt };
  return {
    lineAt,
    problems: parsed.error.issues.map((issue) => {
      const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
      const key = path.join('.') || '(top level)';
      const message = issue.code === 'unrecognized_keys' ? `unknown key ${issue.keys.map((k) => `'${k}'`).join(', ')}${path.length ? ` in ${key}` : ''}` : `${key}: ${issue.message}`;
      const hint = issue.code === 'unrecognized_keys' ? 'remove it or fix its spelling (see tasks/FORMAT.md)' : 'see tasks/FORMAT.md for the expected value';
      const line = issue.code === 'unrecognized_keys' ? (keyLine(doc, path, issue.keys[0]!, lineOf) ?? nodeLine(doc, path, lineOf)) : nodeLine(doc, path, lineOf);
      return new UserError(message, { file, line, hint });
    }),
  };
}

/** Line of the key `key` in the mapping at `path` (where an unknown key is written). */
function keyLine(doc: Document, path: (string | number)[], key: string, lineOf: (o: number | undefined) => number | undefined): number | undefined {
  const map = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (!isMap(map)) return undefined;
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
  return pair && isScalar(pair.key) && pair.key.range ? lineOf(pair.key.range[0]) : undefined;
}

/** Line of the deepest node that exists on `path`. */
function nodeLine(doc: Document, path: (string | number)[], lineOf: (o: number | undefined) => number | undefined): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return lineOf(node.range[0]);
  }
  return 1;
}
