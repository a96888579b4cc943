/**
 * Reads items.jsonl line by line: strict UTF-8, no BOM, a size cap per line, and every
 * problem reported with its line.
 */
import { readFile } from 'node:fs/promises';
import { ItemSchema, type Item } from '../core/pack.ts';
import { UserError } from '../core/errors.ts';
import { decodeUtf8 } from './yaml-source.ts';

const MAX_LINE_CHARS = 1_000_000;

export async function readItems(file: string): Promise<{ items: Item[]; problems: UserError[]; text: string }> {
  const problems: UserError[] = [];
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return { items: [], problems: [new UserError('file not found or not readable', { file, hint: 'every pack needs an items.jsonl next to pack.yaml' })], text: '' };
  }
  const decoded = decodeUtf8(bytes, file);
  if (decoded.text === undefined) return { items: [], problems: [decoded.problem!], text: '' };
  const text = decoded.text;
  if (text.charCodeAt(0) === 0xfeff) {
    return { items: [], problems: [new UserError('file starts with a byte-order mark (BOM)', { file, line: 1, hint: 'save items.jsonl as UTF-8 without BOM' })], text };
  }
  const items: Item[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    const raw = lines[i]!.replace(/\r$/, '');
    if (raw.trim() === '') continue;
    if (raw.length > MAX_LINE_CHARS) {
      problems.push(new UserError(`line is ${raw.length} characters long, over the 1,000,000 limit`, { file, line, hint: 'shorten the item or split the document' }));
      continue;
    }
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch (e) {
      problems.push(new UserError(`not valid JSON (${(e as Error).message.replace(/\s+/g, ' ').slice(0, 120)})`, { file, line, hint: 'write one JSON object per line' }));
      continue;
    }
    const parsed = ItemSchema.safeParse(data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = issue.path.map(String).join('.') || 'item';
        const message = issue.code === 'unrecognized_keys' ? `unknown key ${issue.keys.map((k) => `'${k}'`).join(', ')}` : `${key}: ${issue.message}`;
        problems.push(new UserError(message, { file, line, hint: 'items have id, split, input, gold and optional meta (tasks/FORMAT.md)' }));
      }
      continue;
    }
    if (parsed.data.gold === undefined) {
      problems.push(new UserError('gold is missing', { file, line, hint: 'add the gold answer' }));
      continue;
    }
    items.push({ ...parsed.data, gold: parsed.data.gold as Item['gold'], line });
  }
  return { items, problems, text };
}
