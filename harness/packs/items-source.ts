/**
 * Reads items.jsonl line by line as a stream: strict UTF-8, no BOM, a size cap per line, and
 * every problem reported with its line. Streaming keeps a 100,000-item pack from being held
 * three times over (bytes, decoded text, split lines) while it loads.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { ItemSchema, type Item } from '../core/pack.ts';
import { readFile } from 'node:fs/promises';
import { UserError } from '../core/errors.ts';
import { decodeUtf8 } from '../text/utf8.ts';

const MAX_LINE_CHARS = 1_000_000;

export interface ItemsRead {
  items: Item[];
  problems: UserError[];
  /** sha256 of the file's bytes (empty when unreadable). */
  sha256: string;
}

/** Parses one non-empty line into an item, or reports why not. */
function parseLine(raw: string, file: string, line: number, problems: UserError[], items: Item[]): void {
  if (raw.length > MAX_LINE_CHARS) {
    problems.push(new UserError(`line is ${raw.length} characters long, over the 1,000,000 limit`, { file, line, hint: 'shorten the item or split the document' }));
    return;
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (e) {
    problems.push(new UserError(`not valid JSON (${(e as Error).message.replace(/\s+/g, ' ').slice(0, 120)})`, { file, line, hint: 'write one JSON object per line' }));
    return;
  }
  const parsed = ItemSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path.map(String).join('.') || 'item';
      const message = issue.code === 'unrecognized_keys' ? `unknown key ${issue.keys.map((k) => `'${k}'`).join(', ')}` : `${key}: ${issue.message}`;
      problems.push(new UserError(message, { file, line, hint: 'items have id, split, input, gold and optional meta (tasks/FORMAT.md)' }));
    }
    return;
  }
  if (parsed.data.gold === undefined) {
    problems.push(new UserError('gold is missing', { file, line, hint: 'add the gold answer' }));
    return;
  }
  // Built field by field, not `{ ...parsed.data, line }`: V8 gives every object made by that
  // spread its own hidden class (~200 bytes each, a third of a 100,000-item pack's heap).
  const { id, split, input, gold, meta } = parsed.data;
  items.push(meta === undefined ? { id, split, input, gold: gold as Item['gold'], line } : { id, split, input, gold: gold as Item['gold'], meta, line });
}

export async function readItems(file: string): Promise<ItemsRead> {
  const problems: UserError[] = [];
  const items: Item[] = [];
  const hash = createHash('sha256');
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let pending = '';
  let line = 0;
  let first = true;
  // A line longer than the cap is dropped as it streams in, not accumulated (10 MB lines).
  let overlong = false;
  const take = (text: string, final: boolean) => {
    pending += text;
    if (first && pending.length > 0) {
      first = false;
      if (pending.charCodeAt(0) === 0xfeff) throw new UserError('file starts with a byte-order mark (BOM)', { file, line: 1, hint: 'save items.jsonl as UTF-8 without BOM' });
    }
    let nl: number;
    while ((nl = pending.indexOf('\n')) !== -1) {
      const raw = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      endLine(raw);
    }
    if (pending.length > MAX_LINE_CHARS) {
      overlong = true;
      pending = '';
    }
    if (final && (pending.trim() !== '' || overlong)) {
      endLine(pending);
      pending = '';
    }
  };
  /** One whole line: reported if it was too long, else parsed unless blank. */
  const endLine = (raw: string) => {
    line++;
    if (overlong) {
      overlong = false;
      problems.push(new UserError('line is over the 1,000,000 limit (characters)', { file, line, hint: 'shorten the item or split the document' }));
    } else if (raw.trim() !== '') parseLine(raw.replace(/\r$/, ''), file, line, problems, items);
  };
  try {
    for await (const chunk of createReadStream(file)) {
      const bytes = chunk as Buffer;
      hash.update(bytes);
      take(decoder.decode(bytes, { stream: true }), false); // invalid UTF-8 throws a TypeError, below
    }
    take(decoder.decode(), true);
  } catch (e) {
    if (e instanceof UserError) return { items: [], problems: [e], sha256: '' };
    if (e instanceof TypeError) return { items, problems: [...problems, await invalidUtf8(file)], sha256: '' };
    return { items: [], problems: [new UserError('file not found or not readable', { file, hint: 'every pack needs an items.jsonl next to pack.yaml' })], sha256: '' };
  }
  return { items, problems, sha256: hash.digest('hex') };
}

/** The error path may read the whole file: it locates the first bad byte's line. */
async function invalidUtf8(file: string): Promise<UserError> {
  return decodeUtf8(await readFile(file), file).problem ?? new UserError('invalid UTF-8 byte sequence', { file, hint: 'save the file as UTF-8' });
}
