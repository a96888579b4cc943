/** Result files are written whole or not at all: temp file, fsync, rename. */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { UserError } from '../core/errors.ts';
import path from 'node:path';

export function writeFileAtomic(file: string, content: string): void {
  const out = new AtomicWriter(file);
  try {
    out.write(content);
    out.commit();
  } catch (e) {
    out.abort();
    throw e;
  }
}

/**
 * The same guarantee for a file written in pieces (items.csv of a 100k-item run is never held
 * whole in memory): `write` appends to a temp file, `commit` makes it the file, `abort` drops it.
 */
export class AtomicWriter {
  private readonly tmp: string;
  private fd: number | undefined;

  constructor(readonly file: string) {
    this.tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
    this.fd = openSync(this.tmp, 'w');
  }

  write(text: string): void {
    writeSync(this.fd!, text);
  }

  commit(): void {
    fsyncSync(this.fd!);
    closeSync(this.fd!);
    this.fd = undefined;
    renameSync(this.tmp, this.file);
  }

  abort(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
    unlinkSync(this.tmp);
  }
}

/**
 * `mkdir -p` that fails with a clear UserError: a path through a file, or a place nothing may be
 * created. Not `mkdirSync(dir, { recursive: true })` alone: on Node 20 that spins forever where
 * the parent can never be created (e.g. under /proc).
 */
export function ensureDir(dir: string): void {
  const missing: string[] = [];
  let at = path.resolve(dir);
  for (;;) {
    let isDir: boolean | undefined;
    try {
      isDir = statSync(at).isDirectory();
    } catch {
      isDir = undefined;
    }
    if (isDir === false) throw new UserError(`'${at}' is a file, not a directory`, { file: dir, hint: 'choose another --run-dir' });
    if (isDir) break;
    missing.unshift(at);
    const parent = path.dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const d of missing) {
    try {
      mkdirSync(d);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST' && statSync(d).isDirectory()) continue;
      throw new UserError(`cannot create the directory (${(e as NodeJS.ErrnoException).code ?? 'error'})`, { file: d, hint: 'choose a --run-dir you can write to' });
    }
  }
}
