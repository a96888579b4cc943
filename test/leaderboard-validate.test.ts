/**
 * Bad input to `kseval leaderboard`: every row is validated, every problem is reported as
 * `file:line: column — problem — what to do`, the CLI exits 2 without a stack trace, and nothing
 * is written (not even the output directory) until everything is valid.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError, UserErrors } from '../harness/core/errors.ts';
import { publish } from '../harness/publish/publish.ts';
import { MODELS, TASKS, writeRun } from './fixtures/leaderboard/build.ts';
import { cli, tmp } from './helpers/cli.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A fresh good run; returns its directory (cwd-independent absolute path). */
function goodRun(): string {
  const root = tmp('kseval-lbv-');
  dirs.push(root);
  return writeRun(root, { runId: 'run-1', createdAt: '2026-11-01T09:00:00.000Z', models: [MODELS.exaone!, MODELS.hcx!, MODELS.gpt!], tasks: TASKS.slice(0, 3), manifest: true });
}

/** Rewrites a CSV: `rows[i]` is file line i + 1 (the fixtures have no multi-line cells). */
function mutate(file: string, change: (rows: string[][]) => void): void {
  const rows = parse(readFileSync(file, 'utf8')) as string[][];
  change(rows);
  writeFileSync(file, stringify(rows));
}

const col = (name: string) => ['schema_version', 'run_id', 'model', 'vendor', 'origin', 'residency', 'level', 'domain', 'task', 'metric', 'value', 'ci_low', 'ci_high', 'n', 'n_error', 'n_unparsed', 'pack_version', 'created_at'].indexOf(name);
const itemCol = (name: string) => ['schema_version', 'run_id', 'model', 'origin', 'residency', 'domain', 'task', 'item_id', 'status', 'prediction', 'gold', 'score', 'latency_ms', 'input_tokens', 'output_tokens', 'attempts', 'error'].indexOf(name);

/** The lines the CLI would print for what `publish` throws. */
async function problemsOf(paths: string[], out: string, extra: { packVersion?: string[] } = {}): Promise<string[]> {
  try {
    await publish(paths, { out, formats: ['md', 'html', 'json'], allRuns: false, seed: 1, ...extra });
  } catch (e) {
    if (e instanceof UserErrors) return e.problems.map((p) => p.format());
    if (e instanceof UserError) return [e.format()];
    throw e;
  }
  return [];
}

const S = 'summary.csv';
const I = 'items.csv';
type Case = { name: string; file: string; change: (rows: string[][]) => void; want: RegExp };
const cases: Case[] = [
  { name: 'an unknown origin', file: S, change: (r) => (r[2]![col('origin')] = 'sovereing'), want: /summary\.csv:3: origin — is not one of sovereign, global, reference \(got "sovereing"\) — use sovereign, global or reference$/ },
  { name: 'a percentage instead of a fraction', file: S, change: (r) => (r[4]![col('value')] = '58.5'), want: /summary\.csv:5: value — is above 1 \(scores are fractions in \[0, 1\], not percentages\) \(got "58\.5"\) — write the score as a fraction/ },
  { name: 'an empty score', file: S, change: (r) => (r[4]![col('value')] = ''), want: /summary\.csv:5: value — is not a number \(got ""\)/ },
  { name: 'an inverted interval', file: S, change: (r) => ((r[2]![col('ci_low')] = '0.9'), (r[2]![col('ci_high')] = '0.1')), want: /summary\.csv:3: ci_low — is above ci_high \(0\.9 > 0\.1\)/ },
  { name: 'half an interval', file: S, change: (r) => (r[2]![col('ci_high')] = ''), want: /summary\.csv:3: ci_high — ci_low and ci_high must both be set or both be empty/ },
  { name: 'a newer schema', file: S, change: (r) => (r[6]![col('schema_version')] = '2'), want: /summary\.csv:7: schema_version — is not 1: this kseval reads schema_version 1 \(got "2"\) — the file was written by another kseval version/ },
  { name: 'an unknown level', file: S, change: (r) => (r[3]![col('level')] = 'suite'), want: /summary\.csv:4: level — is not one of task, domain, overall/ },
  { name: 'a task row without a task', file: S, change: (r) => (r[3]![col('task')] = ''), want: /summary\.csv:4: task — is empty on a task row/ },
  { name: 'a bad date', file: S, change: (r) => (r[2]![col('created_at')] = 'yesterday'), want: /summary\.csv:3: created_at — is not an ISO 8601 date-time/ },
  { name: 'two start times for one run', file: S, change: (r) => (r[5]![col('created_at')] = '2026-11-02T09:00:00.000Z'), want: /summary\.csv:6: created_at — "2026-11-02T09:00:00\.000Z" differs from "2026-11-01T09:00:00\.000Z" at .*summary\.csv:2 for the same run_id — a run has one start time/ },
  { name: 'a duplicate row', file: S, change: (r) => r.splice(3, 0, [...r[2]!]), want: /summary\.csv:4: row — the same run, model, level, domain, task and metric as .*summary\.csv:3 — remove the duplicate row/ },
  { name: 'a domain score that is not the mean of its tasks', file: S, change: (r) => (r.find((x) => x[col('level')] === 'domain')![col('value')] = '0.999'), want: /summary\.csv:\d+: value — 0\.999 is not the mean of the listed tasks' primary metrics/ },
  { name: 'a domain row listing a task the run does not have', file: S, change: (r) => (r.find((x) => x[col('level')] === 'domain')![col('pack_version')] += ' legal/ghost@1.0.0'), want: /pack_version — lists "legal\/ghost@1\.0\.0" but the run has no task row for it/ },
  { name: 'an unquoted comma', file: S, change: (r) => r[2]!.push('extra'), want: /summary\.csv:3: row has 19 cells, the header has 18 — quote cells that contain commas/ },
  { name: 'a per-item score above 1', file: I, change: (r) => (r[9]![itemCol('score')] = '1.5'), want: /items\.csv:10: score — is above 1 .* — write the per-item score as a fraction in \[0, 1\]/ },
  { name: 'a duplicate item', file: I, change: (r) => (r[3]![itemCol('item_id')] = r[2]![itemCol('item_id')]!), want: /items\.csv:4: item_id — "statute-cite-002" appears twice for the same run, model and task \(first at .*items\.csv:3\)/ },
  { name: 'an unknown status', file: I, change: (r) => (r[5]![itemCol('status')] = 'timeout'), want: /items\.csv:6: status — is not one of ok, unparsed, incomplete, filtered, error/ },
  { name: 'token counts that are not whole numbers', file: I, change: (r) => (r[5]![itemCol('input_tokens')] = '12.5'), want: /items\.csv:6: input_tokens — is not a whole number/ },
];

describe('every bad row is reported with file, line, column and what to do', () => {
  it.each(cases)('$name', async ({ file, change, want }) => {
    const run = goodRun();
    mutate(path.join(run, file), change);
    const out = path.join(run, '..', 'out');
    const problems = await problemsOf([run], out);
    expect(problems.join('\n')).toMatch(want);
    expect(existsSync(out)).toBe(false);
  });
});

describe('files and paths', () => {
  it('counts lines of multi-line cells: the row after one is reported at its real line', async () => {
    const run = goodRun();
    mutate(path.join(run, I), (r) => {
      r[1]![itemCol('prediction')] = 'line one\nline two\nline three';
      r[2]![itemCol('score')] = 'x';
    });
    expect(await problemsOf([run], path.join(run, 'out'))).toEqual([expect.stringMatching(/items\.csv:5: score — is not a number \(got "x"\)/)]);
  });

  it('an unclosed quote is reported at its line', async () => {
    const run = goodRun();
    writeFileSync(path.join(run, S), readFileSync(path.join(run, S), 'utf8') + '1,run-1,"broken\n');
    expect((await problemsOf([run], path.join(run, 'out'))).join('\n')).toMatch(/summary\.csv:\d+: not readable as CSV: Quote Not Closed.* — fix the quoting at that line/);
  });

  it('a file given by name must be a kseval CSV; one met in a directory is skipped with a warning', async () => {
    const run = goodRun();
    const other = path.join(run, 'notes.csv');
    writeFileSync(other, 'name,score\nfoo,1\n');
    expect((await problemsOf([other], path.join(run, 'out'))).join('\n')).toMatch(/notes\.csv:1: header — not a kseval summary\.csv or items\.csv \(missing columns: schema_version, run_id, model/);
    const res = await publish([run], { out: path.join(run, 'out'), formats: ['json'], allRuns: false, seed: 1 });
    expect(res.warnings.join('\n')).toMatch(/notes\.csv: skipped, not a kseval summary\.csv or items\.csv/);
  });

  it('a missing path, and items.csv alone, are bad input', async () => {
    const run = goodRun();
    expect(await problemsOf([path.join(run, 'nope')], path.join(run, 'out'))).toEqual([expect.stringMatching(/nope: no such file or directory — pass summary\.csv/)]);
    expect((await problemsOf([path.join(run, I)], path.join(run, 'out'))).join('\n')).toMatch(/no summary\.csv rows found .* — pass the summary\.csv of each run/);
  });

  it('reports all problems of all files at once', async () => {
    const a = goodRun();
    const b = goodRun();
    mutate(path.join(a, S), (r) => (r[2]![col('origin')] = 'x'));
    mutate(path.join(b, I), (r) => (r[2]![itemCol('score')] = '-1'));
    const problems = await problemsOf([a, b], path.join(a, 'out'));
    expect(problems).toHaveLength(2);
  });

  it('leaves an existing output directory untouched when the input is bad', async () => {
    const run = goodRun();
    const out = path.join(run, '..', 'published');
    mkdirSync(out);
    writeFileSync(path.join(out, 'leaderboard.md'), 'previous board\n');
    mutate(path.join(run, S), (r) => (r[2]![col('value')] = 'NaN'));
    expect(await problemsOf([run], out)).toHaveLength(1);
    expect(readFileSync(path.join(out, 'leaderboard.md'), 'utf8')).toBe('previous board\n');
    expect(existsSync(path.join(out, 'index.html'))).toBe(false);
  });
});

describe('the command line', () => {
  it('exits 2 with one line per problem and no stack trace', async () => {
    const run = goodRun();
    mutate(path.join(run, S), (r) => (r[2]![col('residency')] = 'mars'));
    const r = await cli(['leaderboard', run, '--out', path.join(run, 'out')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error: .*summary\.csv:3: residency — is not one of kr, abroad, local \(got "mars"\) — use kr, abroad or local$/m);
    expect(r.err).not.toMatch(/at .*\.ts:\d+/);
    expect(existsSync(path.join(run, 'out'))).toBe(false);
  });

  it('exits 2 on a bad --pack-version and writes nothing', async () => {
    const run = goodRun();
    const r = await cli(['leaderboard', run, '--out', path.join(run, 'out'), '--pack-version', 'legal/statute-cite@2.0.0']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--pack-version: "legal\/statute-cite@2\.0\.0" matches no result \(its versions in the inputs: 1\.0\.0\) — check the task id and version/);
    expect(existsSync(path.join(run, 'out'))).toBe(false);
  });

  it('exits 0 and lists what it wrote', async () => {
    const run = goodRun();
    const r = await cli(['leaderboard', run, '--out', path.join(run, 'out'), '--format', 'md,json']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/wrote .*leaderboard\.md\nwrote .*leaderboard\.json/);
    expect(existsSync(path.join(run, 'out', 'index.html'))).toBe(false);
  });
});
