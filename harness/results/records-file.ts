/**
 * records.jsonl: whole lines appended as items finish (one write call per event-loop turn), so
 * a killed run loses at most the records of that turn. On resume a torn last line is cut off before
 * appending, and the last record of a unit wins (a --retry-errors record supersedes the error).
 */
import { closeSync, existsSync, fstatSync, fsyncSync, ftruncateSync, openSync, readSync, writeSync, createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { UserError } from '../core/errors.ts';
import type { RunRecord } from '../core/record.ts';

export const RECORDS_FILE = 'records.jsonl';

/** Where a record sits in records.jsonl: its byte range and 1-based line, to read it again. */
export interface RecordAt {
  offset: number;
  length: number;
  line: number;
}

export class RecordsWriter {
  private fd: number;
  private offset: number;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private scheduled = false;

  /** `lines`: how many lines the file already holds (a resumed run), for line numbers. */
  constructor(
    readonly file: string,
    private lines = 0,
  ) {
    this.fd = openSync(file, 'a');
    this.offset = fstatSync(this.fd).size;
  }

  /**
   * Queues one whole line and returns where it will sit. The lines finished in one turn of the
   * event loop go out in one write call at the end of that turn (a record a turn, at 0 ms
   * latency, cost ~25 µs of syscall each). A kill before the write loses only records
   * finished in that turn: their items are asked again on --resume, like those in flight,
   * and the file still holds whole lines only (a torn last line is cut by repairTail).
   */
  append(record: RunRecord): RecordAt {
    const bytes = Buffer.from(JSON.stringify(record) + '\n', 'utf8');
    const at = { offset: this.offset, length: bytes.length - 1, line: ++this.lines };
    this.offset += bytes.length;
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    if (this.pendingBytes >= 1 << 20) this.flush();
    else if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
    return at;
  }

  /** Writes every queued line now. */
  flush(): void {
    this.scheduled = false;
    if (this.pending.length === 0 || this.fd < 0) return;
    const chunk = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    for (let done = 0; done < chunk.length; ) done += writeSync(this.fd, chunk, done);
  }

  close(): void {
    this.flush();
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.fd = -1;
  }
}

/**
 * Cuts a torn last line (no trailing newline) left by a killed process. Returns bytes cut.
 * Reads backwards from the end, so a 100k-record file is not loaded to look at its last line.
 */
export function repairTail(file: string): number {
  if (!existsSync(file)) return 0;
  const fd = openSync(file, 'r+');
  try {
    const size = fstatSync(fd).size;
    if (size === 0) return 0;
    const chunk = Buffer.alloc(64 * 1024);
    let end = size;
    let keep = 0;
    for (;;) {
      const start = Math.max(0, end - chunk.length);
      const n = readSync(fd, chunk, 0, end - start, start);
      if (end === size && chunk[n - 1] === 0x0a) return 0;
      const at = chunk.subarray(0, n).lastIndexOf(0x0a);
      if (at >= 0) {
        keep = start + at + 1;
        break;
      }
      if (start === 0) break;
      end = start;
    }
    ftruncateSync(fd, keep);
    return size - keep;
  } finally {
    closeSync(fd);
  }
}

/** One line of records.jsonl with where it sits in the file (bytes), for reading it again later. */
export interface RecordLine extends RecordAt {
  text: string;
}

/** The lines of a records file with their byte offsets, read in chunks (never the whole file). */
export function* recordLines(file: string): Generator<RecordLine> {
  if (!existsSync(file)) return;
  const fd = openSync(file, 'r');
  try {
    const chunk = Buffer.alloc(1024 * 1024);
    let carry = Buffer.alloc(0);
    let base = 0; // file offset of carry[0]
    let line = 0;
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, base + carry.length);
      const buf = n > 0 ? Buffer.concat([carry, chunk.subarray(0, n)]) : carry;
      let from = 0;
      for (let nl = buf.indexOf(0x0a, from); nl >= 0; nl = buf.indexOf(0x0a, from)) {
        line++;
        yield { text: buf.toString('utf8', from, nl), offset: base + from, length: nl - from, line };
        from = nl + 1;
      }
      carry = Buffer.from(buf.subarray(from));
      base += from;
      if (n === 0) {
        if (carry.length > 0) yield { text: carry.toString('utf8'), offset: base, length: carry.length, line: line + 1 };
        return;
      }
    }
  } finally {
    closeSync(fd);
  }
}

/** Parses one record line, or says which line of which file is damaged. */
export function parseRecord(text: string, file: string, line: number): RunRecord {
  try {
    return JSON.parse(text) as RunRecord;
  } catch {
    throw new UserError('not a JSON record: the line is damaged', { file, line, hint: 'delete that line (its item is asked again on --resume) or restore the file' });
  }
}

/** Reads the record at a byte range found by `recordLines` or returned by `append`. */
export function readRecordAt(fd: number, at: RecordAt, file: string): RunRecord {
  const buf = Buffer.alloc(at.length);
  readSync(fd, buf, 0, at.length, at.offset);
  return parseRecord(buf.toString('utf8'), file, at.line);
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
    // Not the torn last line a kill leaves (repairTail cuts that): a bad line means damage.
    yield parseRecord(text, file, line);
  }
}

export const unitId = (r: Pick<RunRecord, 'model' | 'task' | 'item_id'>) => `${r.model}\u0000${r.task}\u0000${r.item_id}`;
