/**
 * zod schemas of the summary.csv and items.csv rows the leaderboard reads (columns:
 * results/csv-files.ts). Every cell arrives as a string; numbers must look like numbers (an
 * empty cell is never silently 0), scores are fractions in [0, 1], and the level decides which
 * of domain/task may be empty. Each column has a hint: what to do when it is wrong.
 */
import { z } from 'zod';
import { ORIGINS, RESIDENCIES } from '../core/model.ts';
import { RECORD_STATUSES } from '../core/record.ts';
import { SUMMARY_SCHEMA_VERSION } from '../core/summary.ts';
import { ITEMS_SCHEMA_VERSION } from '../results/csv-files.ts';

const NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const INTEGER = /^\d+$/;

/**
 * One cell: read and check in a single step (one schema node per cell keeps validation of
 * hundreds of thousands of rows fast); `read` returns the value, or a string saying what is wrong.
 */
const ERR = Symbol('error');
type Read<T> = (s: string) => T | { [ERR]: string };
const fail = (message: string) => ({ [ERR]: message });
const cell = <T>(read: Read<T>) =>
  z.string().transform((s, ctx) => {
    const v = read(s);
    if (typeof v === 'object' && v !== null && ERR in v) {
      ctx.addIssue({ code: 'custom', message: v[ERR] });
      return z.NEVER;
    }
    return v as T;
  });

const inUnit = (x: number) => (x < 0 ? fail('is below 0 (scores are fractions in [0, 1])') : x > 1 ? fail('is above 1 (scores are fractions in [0, 1], not percentages)') : x);
const text = z.string();
const required = cell((s) => (s.trim() === '' ? fail('is empty') : s));
const fraction = cell((s) => (NUMBER.test(s) ? inUnit(Number(s)) : fail('is not a number')));
const optionalFraction = cell((s) => (s === '' ? null : NUMBER.test(s) ? inUnit(Number(s)) : fail('is not a number (leave it empty when unknown)')));
const count = cell((s) => (INTEGER.test(s) ? Number(s) : fail('is not a whole number ≥ 0')));
const optionalCount = cell((s) => (s === '' ? null : INTEGER.test(s) ? Number(s) : fail('is not a whole number ≥ 0 (leave it empty when unknown)')));
const version = (expected: number) => cell((s) => (s === String(expected) ? expected : fail(`is not ${expected}: this kseval reads schema_version ${expected}`)));
let lastDate = '';
const isoDate = cell((s) => {
  if (s === lastDate) return s;
  if (!/^\d{4}-\d{2}-\d{2}T/.test(s) || Number.isNaN(Date.parse(s))) return fail('is not an ISO 8601 date-time like 2026-11-23T14:31:59.360Z');
  lastDate = s;
  return s;
});
const enumCell = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: `is not one of ${values.join(', ')}` });

/** `task@version task@version …` as kseval writes in domain and overall rows. */
export const TASK_LIST = /^\S+@\S+( \S+@\S+)*$/;

export const SummaryRowSchema = z
  .object({
    schema_version: version(SUMMARY_SCHEMA_VERSION),
    run_id: required,
    model: required,
    vendor: text,
    origin: enumCell(ORIGINS),
    residency: enumCell(RESIDENCIES),
    level: enumCell(['task', 'domain', 'overall'] as const),
    domain: text,
    task: text,
    metric: required,
    value: fraction,
    ci_low: optionalFraction,
    ci_high: optionalFraction,
    n: count,
    n_error: count,
    n_unparsed: count,
    pack_version: required,
    created_at: isoDate,
  })
  .superRefine((r, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (r.level === 'overall' && r.domain !== '') issue('domain', 'must be empty on an overall row');
    if (r.level !== 'overall' && r.domain.trim() === '') issue('domain', `is empty on a ${r.level} row`);
    if (r.level === 'task' && r.task.trim() === '') issue('task', 'is empty on a task row');
    if (r.level !== 'task' && r.task !== '') issue('task', `must be empty on a ${r.level} row`);
    if (r.level !== 'task' && !TASK_LIST.test(r.pack_version)) issue('pack_version', `must list task@version tokens on a ${r.level} row`);
    if (r.level === 'task' && /[\s@]/.test(r.pack_version)) issue('pack_version', 'must be one version (like 1.0.0) on a task row');
    if ((r.ci_low === null) !== (r.ci_high === null)) issue('ci_high', 'ci_low and ci_high must both be set or both be empty');
    if (r.ci_low !== null && r.ci_high !== null && r.ci_low > r.ci_high) issue('ci_low', `is above ci_high (${r.ci_low} > ${r.ci_high})`);
    if (r.n_error + r.n_unparsed > r.n) issue('n', `is smaller than n_error + n_unparsed (${r.n} < ${r.n_error + r.n_unparsed})`);
  });

export const ItemRowSchema = z.object({
  schema_version: version(ITEMS_SCHEMA_VERSION),
  run_id: required,
  model: required,
  origin: enumCell(ORIGINS),
  residency: enumCell(RESIDENCIES),
  domain: required,
  task: required,
  item_id: required,
  status: enumCell(RECORD_STATUSES),
  score: fraction,
  input_tokens: optionalCount,
  output_tokens: optionalCount,
});

const FIX = 're-export the file with `kseval run` or correct the cell';

/** What to do when a column is wrong. */
export const COLUMN_HINTS: Record<string, string> = {
  schema_version: 'the file was written by another kseval version: re-export it with this version',
  origin: 'use sovereign, global or reference',
  residency: 'use kr, abroad or local',
  level: 'use task, domain or overall',
  value: 'write the score as a fraction, e.g. 0.585 for 58.5%',
  ci_low: 'write the interval as fractions, or leave both ci_low and ci_high empty',
  ci_high: 'write the interval as fractions, or leave both ci_low and ci_high empty',
  score: 'write the per-item score as a fraction in [0, 1]',
  pack_version: 'task rows carry the pack version (1.0.0); domain and overall rows list task@version separated by spaces',
  created_at: 'use the run start time in ISO 8601 (UTC), the same on every row of a run',
  status: 'use ok, unparsed, incomplete, filtered or error',
};

export const hintFor = (column: string): string => COLUMN_HINTS[column] ?? FIX;
