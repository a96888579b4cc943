/**
 * Finds and reads the leaderboard's inputs: any mix of summary.csv / items.csv files and
 * directories searched recursively (run directories, or folders of runs from many machines).
 * Every file is hashed (sha256, recorded in leaderboard.json so a board can be verified),
 * recognised by its CSV header, and validated row by row. A file given by name that is not a
 * kseval CSV is an error; an unrelated CSV met while searching a directory is skipped with a
 * warning. comparisons.csv files are recognised and not used: comparisons are recomputed
 * across runs.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { decodeUtf8 } from '../text/utf8.ts';
import path from 'node:path';
import { readManifest } from '../results/manifest.ts';
import type { InputFileInfo, ItemCsvRow, ManifestModel, SummaryCsvRow } from './board.ts';
import { classify, parseCsv, validateRows } from './csv-read.ts';
import { ItemRowSchema, SummaryRowSchema } from './csv-schemas.ts';
import type { Problems } from './problems.ts';

export interface ManifestInput {
  file: string;
  runId: string;
  createdAt: string;
  models: Map<string, ManifestModel>;
}

export interface RawInputs {
  files: InputFileInfo[];
  summary: SummaryCsvRow[];
  items: ItemCsvRow[];
  manifests: ManifestInput[];
  warnings: string[];
}

interface Found {
  abs: string;
  shown: string;
  explicit: boolean;
  manifest: boolean;
}

const SKIP_DIRS = new Set(['node_modules']);

function shownPath(abs: string): string {
  const rel = path.relative(process.cwd(), abs);
  const p = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
  return p.split(path.sep).join('/');
}

function walk(dir: string, out: string[]): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    // Symlinked directories are not followed (no loops); symlinked files are read.
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) walk(full, out);
    } else if ((e.isFile() || (e.isSymbolicLink() && statSync(full, { throwIfNoEntry: false })?.isFile())) && (e.name.endsWith('.csv') || e.name === 'manifest.json')) out.push(full);
  }
}

/** Files named or found under the given paths, each once, in a stable order. */
export function findInputs(paths: string[], problems: Problems): Found[] {
  const byReal = new Map<string, Found>();
  const add = (abs: string, explicit: boolean) => {
    const real = realpathSync(abs);
    const prev = byReal.get(real);
    if (!prev || (explicit && !prev.explicit)) byReal.set(real, { abs, shown: shownPath(abs), explicit, manifest: path.basename(abs) === 'manifest.json' });
  };
  for (const p of paths) {
    const abs = path.resolve(p);
    if (!existsSync(abs)) {
      problems.add(p, undefined, 'no such file or directory', 'pass summary.csv / items.csv files or run directories');
      continue;
    }
    if (statSync(abs).isDirectory()) {
      const found: string[] = [];
      walk(abs, found);
      for (const f of found) add(f, false);
    } else add(abs, true);
  }
  return [...byReal.values()].sort((a, b) => (a.shown < b.shown ? -1 : a.shown > b.shown ? 1 : 0));
}

const sha256 = (buf: Buffer) => createHash('sha256').update(buf).digest('hex');

function readManifestInput(f: Found, problems: Problems): ManifestInput | null {
  try {
    const m = readManifest(path.dirname(f.abs));
    const models = new Map<string, ManifestModel>(m.models.map((s) => [s.id, { openWeights: s.openWeights, ...(s.pricing ? { pricing: s.pricing } : {}) }]));
    return { file: f.shown, runId: m.run_id, createdAt: m.created_at, models };
  } catch (e) {
    const err = e as { message?: string; hint?: string };
    problems.add(f.shown, undefined, err.message ?? String(e), err.hint ?? 'pass a run directory written by `kseval run`');
    return null;
  }
}

/** Reads, hashes and validates every input; problems are collected in `problems`. */
export function readInputs(paths: string[], problems: Problems): RawInputs {
  const out: RawInputs = { files: [], summary: [], items: [], manifests: [], warnings: [] };
  const seenHash = new Map<string, string>();
  for (const f of findInputs(paths, problems)) {
    const buf = readFileSync(f.abs);
    const hash = sha256(buf);
    const twin = seenHash.get(hash);
    if (twin !== undefined) {
      out.warnings.push(`${f.shown} has the same content as ${twin}: read once`);
      continue;
    }
    seenHash.set(hash, f.shown);
    if (f.manifest) {
      const m = readManifestInput(f, problems);
      if (m) {
        out.manifests.push(m);
        out.files.push({ path: f.shown, kind: 'manifest', sha256: hash, bytes: buf.length, runIds: [m.runId] });
      }
      continue;
    }
    // Strict UTF-8: a byte that is not text is an error at its line, never a U+FFFD on the page.
    const decoded = decodeUtf8(buf, f.shown);
    if (decoded.text === undefined) {
      problems.add(f.shown, decoded.problem!.line, 'invalid UTF-8 byte sequence', 're-save the file as UTF-8 (kseval writes UTF-8)');
      continue;
    }
    const table = parseCsv(f.shown, decoded.text, problems);
    if (!table) continue;
    const kind = classify(table.header);
    if ('missing' in kind) {
      if (f.explicit) problems.add(f.shown, 1, `header — not a kseval summary.csv or items.csv (missing columns: ${kind.missing.join(', ')})`, 'pass summary.csv / items.csv files written by `kseval run`, or run directories');
      else out.warnings.push(`${f.shown}: skipped, not a kseval summary.csv or items.csv`);
      continue;
    }
    if (kind.kind === 'comparisons') continue; // recomputed across runs; not an input
    const runIds = new Set<string>();
    if (kind.kind === 'summary') {
      for (const r of validateRows(f.shown, table, SummaryRowSchema, problems)) {
        out.summary.push(r);
        runIds.add(r.run_id);
      }
    } else {
      for (const r of validateRows(f.shown, table, ItemRowSchema, problems)) {
        out.items.push(r);
        runIds.add(r.run_id);
      }
    }
    out.files.push({ path: f.shown, kind: kind.kind, sha256: hash, bytes: buf.length, runIds: [...runIds].sort() });
  }
  return out;
}
