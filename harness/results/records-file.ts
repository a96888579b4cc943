/**
 * records.jsonl: appended one whole line per finished item (one write call each), so a killed
 * run loses at most the line being written. On resume a torn last line is cut off before
 * appending, and the last record of a unit wins (a --retry-errors record supersedes the error).
 */
import { closeSync, existsSync, fsyncSync, ftruncateSync, openSync, readFileSync, writeSync, createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { RunRecord } from '../core/record.ts';

export const RECORDS_FILE = 'records.jsonl';

export class RecordsWriter {
  private fd: number;

  constructor(readonly file: string) {
    this.fd = openSync(file, 'a');
  }

  append(record: RunRecord): void {
    writeSync(this.fd, JSON.stringify(record) + '\n');
  }

  close(): void {
    fsyncSync(this.fd);
    closeSync(this.fd);
  }
}

/** Cuts a torn last line (no trailing newline) left by a killed process. Returns bytes cut. */
export function repairTail(file: string): number {
  if (!existsSync(file)) return 0;
  const buf = readFileSync(file);
  if (buf.length === 0 || buf[buf.length - 1] === 0x0a) return 0;
  const keep = buf.lastIndexOf(0x0a) + 1;
  const fd = openSync(file, 'r+');
  try {
    ftruncateSync(fd, keep);
  } finally {
    closeSync(fd);
  }
  return buf.length - keep;
}

/**
 * Streams records; a line that is not a record (corruption) is reported with its number.
 * A shipped run may hold `records.jsonl.gz` instead (results/reference/): read transparently.
 */
export async function* readRecords(file: string): AsyncGenerator<RunRecord> {
  const gz = `${file}.gz`;
  if (!existsSync(file) && !existsSync(gz)) return;
  const input = existsSync(file) ? createReadStream(file) : createReadStream(gz).pipe(createGunzip());
  input.setEncoding('utf8');
  const rl = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const text of rl) {
    line++;
    if (!text.trim()) continue;
    let rec: RunRecord;
    try {
      rec = JSON.parse(text) as RunRecord;
    } catch {
      throw new Error(`${file}:${line}: not a JSON record`);
    }
    yield rec;
  }
}

export const unitId = (r: Pick<RunRecord, 'model' | 'task' | 'item_id'>) => `${r.model}\u0000${r.task}\u0000${r.item_id}`;
