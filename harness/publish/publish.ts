/**
 * `kseval leaderboard PATH... --out DIR`: result CSVs and run directories in; leaderboard.md,
 * index.html and leaderboard.json out.
 *
 * All or nothing: every input is read and validated, the board is built and every page is
 * rendered in memory first; only then is the output directory created and each file written
 * atomically (temp file + rename). Bad input throws `UserError`/`UserErrors` (`file:line:
 * column — problem — what to do`; the CLI exits 2) before anything is written.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../core/errors.ts';
import { writeFileAtomic } from '../results/atomic.ts';
import { harnessVersion } from '../results/manifest.ts';
import { DEFAULT_BOOTSTRAP } from '../scoring/bootstrap.ts';
import type { Board } from './board.ts';
import { buildBoard } from './build-board.ts';
import { readInputs } from './inputs.ts';
import { Problems } from './problems.ts';
import { renderHtml } from './render-html.ts';
import { renderJson } from './render-json.ts';
import { renderMarkdown } from './render-md.ts';
import { buildInputs } from './runs.ts';

export type PublishFormat = 'md' | 'html' | 'json';

export interface PublishOptions {
  out: string;
  formats: PublishFormat[];
  /** `task@version` choices where runs mix pack versions. */
  packVersion?: string[];
  allRuns: boolean;
  seed: number;
  /** Bootstrap replicates for recomputed intervals and comparisons (default 1000). */
  bootstrap?: number;
}

export interface PublishResult {
  written: string[];
  warnings: string[];
  board: Board;
}

export const OUTPUT_FILES: Record<PublishFormat, string> = { md: 'leaderboard.md', html: 'index.html', json: 'leaderboard.json' };

/** Validates and merges the inputs into a board, without writing anything. */
export function loadBoard(paths: string[], opts: Omit<PublishOptions, 'out' | 'formats'>): Board {
  if (paths.length === 0) throw new UserError('no input given', { hint: 'pass summary.csv / items.csv files or run directories' });
  const problems = new Problems();
  const raw = readInputs(paths, problems);
  problems.throwIfAny();
  if (raw.summary.length === 0)
    throw new UserError(`no summary.csv rows found in ${paths.join(', ')}`, { hint: 'pass the summary.csv of each run (items.csv alone cannot be ranked), or run directories written by `kseval run`' });
  const inputs = buildInputs(raw, problems);
  problems.throwIfAny();
  if (inputs.tasks.length === 0) throw new UserError('the summary.csv files have no task rows', { hint: 'leaderboards merge task rows: pass complete summary.csv files written by `kseval run`' });
  const board = buildBoard(inputs, { allRuns: opts.allRuns, packVersion: opts.packVersion ?? [], seed: opts.seed, bootstrap: opts.bootstrap ?? DEFAULT_BOOTSTRAP }, problems);
  problems.throwIfAny();
  return board;
}

export async function publish(paths: string[], opts: PublishOptions): Promise<PublishResult> {
  const formats = [...new Set(opts.formats)];
  if (formats.length === 0) throw new UserError('--format lists no format', { hint: 'use md, html, json or a comma-separated list of them' });
  const out = path.resolve(opts.out);
  if (existsSync(out) && !statSync(out).isDirectory()) throw new UserError('--out is a file, not a directory', { file: opts.out, hint: 'choose a directory for the published pages' });

  const board = loadBoard(paths, opts);
  const version = harnessVersion();
  const pages: Array<[string, string]> = formats.map((f) => [OUTPUT_FILES[f], f === 'md' ? renderMarkdown(board) : f === 'html' ? renderHtml(board, version) : renderJson(board, version)]);

  mkdirSync(out, { recursive: true });
  const written: string[] = [];
  for (const [name, content] of pages) {
    const file = path.join(opts.out, name);
    writeFileAtomic(path.join(out, name), content);
    written.push(file);
  }
  return { written, warnings: board.warnings, board };
}
