/**
 * Reads one result CSV: parses it with the line number where each row starts (cells may hold
 * newlines), recognises it by its header (summary.csv, items.csv or comparisons.csv; extra
 * columns are allowed, missing ones are not), and validates every row with zod. Problems are
 * collected, not thrown, so that all bad rows of all files are reported together.
 */
import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { COMPARISONS_COLUMNS, ITEMS_COLUMNS, SUMMARY_COLUMNS } from '../results/csv-files.ts';
import { hintFor } from './csv-schemas.ts';
import { quoteCell, type Problems } from './problems.ts';

export type CsvKind = 'summary' | 'items' | 'comparisons';

export interface CsvRecord {
  line: number;
  cells: Record<string, string>;
}

export interface CsvTable {
  header: string[];
  records: CsvRecord[];
}

interface ParsedRecord {
  record: string[];
  raw: string;
  info: { lines: number };
}

const KINDS: Array<[CsvKind, readonly string[]]> = [
  ['summary', SUMMARY_COLUMNS],
  ['items', ITEMS_COLUMNS],
  ['comparisons', COMPARISONS_COLUMNS],
];

/** The line a record starts on: csv-parse reports where it ends; its raw text says how far back. */
function startLine(p: ParsedRecord): number {
  const body = p.raw.replace(/^(\r?\n)+/, '').replace(/\r?\n$/, '');
  const inner = body.match(/\n/g)?.length ?? 0;
  return p.info.lines - inner;
}

/** Parses CSV text; a syntax error (unclosed quote…) is a problem at its line and yields null. */
export function parseCsv(file: string, text: string, problems: Problems): CsvTable | null {
  return parseOneLinePerRecord(text) ?? parseWithLineInfo(file, text, problems);
}

/**
 * The fast path: when no cell holds a line break, record i starts on line i + 1, so csv-parse
 * need not keep each record's raw text and line info. That halves parsing time and garbage on
 * the 30 MB inputs of a large leaderboard. A cell with a line break makes fewer records than
 * lines, and the careful path takes over. (A guard on quotes before newlines used to send
 * every items.csv there: its JSON cells are always quoted.)
 */
function parseOneLinePerRecord(text: string): CsvTable | null {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch {
    return null; // let the careful path report the syntax error with its line
  }
  if (rows.length !== lines.length - (lines.at(-1) === '' ? 1 : 0)) return null;
  const [head, ...body] = rows;
  if (!head || (head.length === 1 && head[0] === '')) return null;
  const header = head.map((h) => h.trim());
  const records: CsvRecord[] = [];
  for (let i = 0; i < body.length; i++) {
    const record = body[i]!;
    if (record.length === 1 && record[0] === '') continue; // an empty line
    if (record.length !== header.length) return null; // the careful path reports it
    const cells: Record<string, string> = {};
    for (let c = 0; c < header.length; c++) cells[header[c]!] = record[c]!;
    records.push({ line: i + 2, cells });
  }
  return { header, records };
}

function parseWithLineInfo(file: string, text: string, problems: Problems): CsvTable | null {
  let parsed: ParsedRecord[];
  try {
    parsed = parse(text, { bom: true, raw: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as ParsedRecord[];
  } catch (e) {
    const err = e as { message?: string; lines?: number };
    problems.add(file, err.lines, `not readable as CSV: ${err.message ?? String(e)}`, 'fix the quoting at that line or re-export the file with `kseval run`');
    return null;
  }
  const [head, ...body] = parsed;
  if (!head) {
    problems.add(file, 1, 'the file is empty', 'pass a summary.csv or items.csv written by `kseval run`');
    return null;
  }
  const header = head.record.map((h) => h.trim());
  const records: CsvRecord[] = [];
  for (const p of body) {
    const line = startLine(p);
    if (p.record.length !== header.length) {
      problems.add(file, line, `row has ${p.record.length} cells, the header has ${header.length}`, 'quote cells that contain commas or newlines, or re-export the file');
      continue;
    }
    const cells: Record<string, string> = {};
    header.forEach((h, i) => (cells[h] = p.record[i]!));
    records.push({ line, cells });
  }
  return { header, records };
}

/** Which kseval CSV this header belongs to, or the columns it misses to be a summary.csv. */
export function classify(header: string[]): { kind: CsvKind } | { missing: string[] } {
  const have = new Set(header);
  for (const [kind, columns] of KINDS) if (columns.every((c) => have.has(c))) return { kind };
  const closest = header.includes('item_id') ? ITEMS_COLUMNS : SUMMARY_COLUMNS;
  return { missing: closest.filter((c) => !have.has(c)) };
}

/** Validates every record; a bad row is reported once per bad column and left out. */
export function validateRows<S extends z.ZodType>(file: string, table: CsvTable, schema: S, problems: Problems): Array<z.output<S> & { file: string; line: number }> {
  const out: Array<z.output<S> & { file: string; line: number }> = [];
  for (const { line, cells } of table.records) {
    const result = schema.safeParse(cells);
    if (result.success) {
      out.push({ ...(result.data as object), file, line } as z.output<S> & { file: string; line: number });
      continue;
    }
    const seen = new Set<string>();
    for (const issue of result.error.issues) {
      const column = String(issue.path[0] ?? 'row');
      if (seen.has(column)) continue;
      seen.add(column);
      const got = column in cells ? ` (got ${quoteCell(cells[column])})` : '';
      problems.cell(file, line, column, `${issue.message}${got}`, hintFor(column));
    }
  }
  return out;
}
