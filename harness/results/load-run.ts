/**
 * Reads a finished run directory back: manifest, summary.csv and comparisons.csv, validated
 * with zod, for `kseval view` and the results screen.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { UserError } from '../core/errors.ts';
import { ORIGINS, RESIDENCIES } from '../core/model.ts';
import type { PairedDiff, RunSummary, ScoreRow } from '../core/summary.ts';
import { readManifest, type Manifest } from './manifest.ts';

const num = z.coerce.number();
const SummaryRowSchema = z.object({
  model: z.string().min(1),
  vendor: z.string(),
  origin: z.enum(ORIGINS),
  residency: z.enum(RESIDENCIES),
  level: z.enum(['task', 'domain', 'overall']),
  domain: z.string(),
  task: z.string(),
  metric: z.string().min(1),
  value: num,
  ci_low: num,
  ci_high: num,
  n: z.coerce.number().int(),
  n_error: z.coerce.number().int(),
  n_unparsed: z.coerce.number().int(),
  pack_version: z.string(),
});
const ComparisonSchema = z.object({ model: z.string(), baseline: z.string(), domain: z.string(), delta: num, ci_low: num, ci_high: num, p: num, p_holm: num, n: z.coerce.number().int() });

function readCsv<T>(file: string, schema: z.ZodType<T>): T[] {
  const rows = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return rows.map((r, i) => {
    const p = schema.safeParse(r);
    if (!p.success) throw new UserError(`${p.error.issues[0]!.path.join('.')}: ${p.error.issues[0]!.message}`, { file, line: i + 2, hint: 'the file is damaged; re-run or restore it' });
    return p.data;
  });
}

export interface LoadedRun {
  dir: string;
  manifest: Manifest;
  summary: RunSummary;
}

export function loadRun(dir: string): LoadedRun {
  const manifest = readManifest(dir);
  const summaryFile = path.join(dir, 'summary.csv');
  if (!existsSync(summaryFile)) throw new UserError('no summary.csv in this run directory', { file: dir, hint: `the run has not finished: kseval run --resume ${dir}` });
  const rows: ScoreRow[] = readCsv(summaryFile, SummaryRowSchema);
  const compFile = path.join(dir, 'comparisons.csv');
  const comparisons: PairedDiff[] = existsSync(compFile) ? readCsv(compFile, ComparisonSchema) : [];
  const models = [...new Set(rows.map((r) => r.model))].map((model) => {
    const overall = rows.find((r) => r.model === model && r.level === 'overall');
    return { model, items: overall?.n ?? 0, ok: 0, errors: overall?.n_error ?? 0, unparsed: overall?.n_unparsed ?? 0, inputTokens: 0, outputTokens: 0 };
  });
  return { dir, manifest, summary: { runId: manifest.run_id, createdAt: manifest.created_at, seed: manifest.seed, bootstrap: manifest.bootstrap, rows, comparisons, models } };
}

/** Run directories (holding a manifest.json) directly under `root`, sorted by name (UTC timestamp first). */
export function runDirs(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((d) => existsSync(path.join(root, d, 'manifest.json')))
    .sort()
    .map((d) => path.join(root, d));
}

/**
 * The newest run under results/runs; before any run of one's own, the shipped reference run
 * under results/reference, so that `kseval view` right after a clone shows the floor.
 */
export function latestRunDir(root = path.join('results', 'runs'), reference = path.join('results', 'reference')): string | undefined {
  return runDirs(root).at(-1) ?? runDirs(reference).at(-1);
}
