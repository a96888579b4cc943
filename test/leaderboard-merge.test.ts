/**
 * Merge rules of `kseval leaderboard` (harness/publish/merge.ts, columns.ts), table-driven:
 * latest run wins per model × task (created_at, then run_id), --all-runs, --pack-version,
 * mixed pack versions as separate columns, identity from the latest run, provenance.
 */
import { describe, expect, it } from 'vitest';
import type { Origin, Residency } from '../harness/core/model.ts';
import type { Inputs, RunInfo, TaskResult } from '../harness/publish/board.ts';
import { planColumns } from '../harness/publish/columns.ts';
import { laterFirst, mergeRows } from '../harness/publish/merge.ts';
import { Problems } from '../harness/publish/problems.ts';
import { UserError } from '../harness/core/errors.ts';

/** The CLI's text for what `fn` throws: `file:line: what — what to do`, one line per problem. */
function formatted(fn: () => void): string {
  try {
    fn();
  } catch (e) {
    return e instanceof UserError ? e.format() : String((e as Error).message);
  }
  return '(nothing thrown)';
}

interface T {
  run: string;
  at: string;
  model: string;
  task: string;
  version?: string;
  value?: number;
  vendor?: string;
  origin?: Origin;
  residency?: Residency;
}

const VENDORS: Record<string, string> = { exaone: 'LG AI연구원', hcx: '네이버클라우드', solar: '업스테이지', gpt: 'OpenAI' };

function result(t: T): TaskResult {
  return {
    runId: t.run,
    createdAt: t.at,
    model: t.model,
    vendor: t.vendor ?? VENDORS[t.model] ?? 'kseval',
    origin: t.origin ?? (t.model === 'gpt' ? 'global' : 'sovereign'),
    residency: t.residency ?? 'kr',
    domain: t.task.split('/')[0]!,
    task: t.task,
    version: t.version ?? '1.0.0',
    metric: 'f1.macro',
    value: t.value ?? 0.5,
    ciLow: 0.4,
    ciHigh: 0.6,
    n: 10,
    nError: 0,
    nUnparsed: 0,
    source: { file: `${t.run}/summary.csv`, line: 2 },
  };
}

function inputs(ts: T[]): Inputs {
  const runs = new Map<string, RunInfo>();
  for (const t of ts) runs.set(t.run, { runId: t.run, createdAt: t.at, models: new Map() });
  return { files: [], runs, tasks: ts.map(result), aggregates: [], items: new Map(), warnings: [] };
}

const A = '2026-11-01T09:00:00.000Z';
const B = '2026-11-15T09:00:00.000Z';

function merge(ts: T[], opts: { allRuns?: boolean; packVersion?: string[] } = {}) {
  const problems = new Problems();
  const warnings: string[] = [];
  const rows = mergeRows(inputs(ts), { allRuns: opts.allRuns ?? false, packVersion: opts.packVersion ?? [] }, problems, warnings);
  const plan = planColumns(rows, warnings);
  return { rows, plan, warnings, problems };
}

/** "model: task@version←run, …" per row, for compact expectations. */
const picked = (rows: ReturnType<typeof merge>['rows']) => rows.map((r) => `${r.id}: ${r.tasks.map((t) => `${t.task}@${t.version}←${t.runId}`).join(', ')}`);

describe('latest run wins per model and task', () => {
  const cases: Array<{ name: string; input: T[]; want: string[] }> = [
    {
      name: 'a later created_at replaces an earlier result of the same task',
      input: [
        { run: 'r1', at: A, model: 'hcx', task: 'legal/cite', value: 0.4 },
        { run: 'r2', at: B, model: 'hcx', task: 'legal/cite', value: 0.7 },
      ],
      want: ['hcx: legal/cite@1.0.0←r2'],
    },
    {
      name: 'order of the inputs does not matter',
      input: [
        { run: 'r2', at: B, model: 'hcx', task: 'legal/cite' },
        { run: 'r1', at: A, model: 'hcx', task: 'legal/cite' },
      ],
      want: ['hcx: legal/cite@1.0.0←r2'],
    },
    {
      name: 'same created_at: the greater run_id wins',
      input: [
        { run: '20261101-b', at: A, model: 'exaone', task: 'legal/cite' },
        { run: '20261101-a', at: A, model: 'exaone', task: 'legal/cite' },
      ],
      want: ['exaone: legal/cite@1.0.0←20261101-b'],
    },
    {
      name: 'created_at compares instants, not text (time zones)',
      input: [
        { run: 'z', at: '2026-11-01T10:00:00+09:00', model: 'solar', task: 'legal/cite' },
        { run: 'a', at: '2026-11-01T09:00:00Z', model: 'solar', task: 'legal/cite' },
      ],
      want: ['solar: legal/cite@1.0.0←a'],
    },
    {
      name: 'tasks from different runs combine into one row, each keeping its run',
      input: [
        { run: 'r1', at: A, model: 'hcx', task: 'legal/cite' },
        { run: 'r1', at: A, model: 'hcx', task: 'clinical/kcd' },
        { run: 'r2', at: B, model: 'hcx', task: 'legal/cite' },
      ],
      want: ['hcx: clinical/kcd@1.0.0←r1, legal/cite@1.0.0←r2'],
    },
    {
      name: 'one row per model, Korean vendors kept',
      input: [
        { run: 'r1', at: A, model: 'exaone', task: 'legal/cite' },
        { run: 'r1', at: A, model: 'hcx', task: 'legal/cite' },
        { run: 'r2', at: B, model: 'exaone', task: 'legal/cite' },
      ],
      want: ['exaone: legal/cite@1.0.0←r2', 'hcx: legal/cite@1.0.0←r1'],
    },
  ];
  it.each(cases)('$name', ({ input, want }) => {
    const { rows, problems } = merge(input);
    expect(problems.count).toBe(0);
    expect(picked(rows)).toEqual(want);
  });

  it('keeps vendor names in Korean and takes identity from the latest run, with a warning', () => {
    const { rows, warnings } = merge([
      { run: 'r1', at: A, model: 'hcx', task: 'legal/cite', vendor: 'NAVER Cloud', residency: 'abroad' },
      { run: 'r2', at: B, model: 'hcx', task: 'clinical/kcd', vendor: '네이버클라우드', residency: 'kr' },
    ]);
    expect(rows[0]).toMatchObject({ vendor: '네이버클라우드', residency: 'kr', latestRunId: 'r2', runIds: ['r2', 'r1'] });
    expect(warnings.join('\n')).toMatch(/hcx: vendor "NAVER Cloud" in run r1, residency "abroad" in run r1 differs from its latest run r2/);
  });

  it('laterFirst orders by created_at, then run_id', () => {
    const runs = [
      { createdAt: A, runId: 'b' },
      { createdAt: B, runId: 'a' },
      { createdAt: A, runId: 'c' },
    ];
    expect([...runs].sort(laterFirst).map((r) => r.runId)).toEqual(['a', 'c', 'b']);
  });
});

describe('--all-runs', () => {
  it('keeps one row per model × run and never combines runs', () => {
    const { rows } = merge(
      [
        { run: 'r1', at: A, model: 'hcx', task: 'legal/cite' },
        { run: 'r1', at: A, model: 'hcx', task: 'clinical/kcd' },
        { run: 'r2', at: B, model: 'hcx', task: 'legal/cite' },
        { run: 'r2', at: B, model: 'gpt', task: 'legal/cite' },
      ],
      { allRuns: true },
    );
    expect(picked(rows)).toEqual(['gpt @ r2: legal/cite@1.0.0←r2', 'hcx @ r1: clinical/kcd@1.0.0←r1, legal/cite@1.0.0←r1', 'hcx @ r2: legal/cite@1.0.0←r2']);
  });
});

describe('pack versions', () => {
  const mixed: T[] = [
    { run: 'r1', at: A, model: 'exaone', task: 'legal/cite', version: '1.0.0' },
    { run: 'r1', at: A, model: 'exaone', task: 'legal/terms' },
    { run: 'r1', at: A, model: 'gpt', task: 'legal/cite', version: '1.0.0' },
    { run: 'r1', at: A, model: 'gpt', task: 'legal/terms' },
    { run: 'r2', at: B, model: 'hcx', task: 'legal/cite', version: '1.1.0' },
    { run: 'r2', at: B, model: 'hcx', task: 'legal/terms' },
  ];

  it('mixed versions of a task become separate columns, never averaged, with a warning', () => {
    const { plan, warnings } = merge(mixed);
    const legal = plan.columns.filter((c) => c.level === 'domain');
    expect(legal.map((c) => [c.id, c.label, c.tasks])).toEqual([
      ['domain:legal#1', 'legal #1', ['legal/cite@1.0.0', 'legal/terms@1.0.0']],
      ['domain:legal#2', 'legal #2', ['legal/cite@1.1.0', 'legal/terms@1.0.0']],
    ]);
    expect(plan.rowColumns.get('hcx')!.domains).toEqual(['domain:legal#2']);
    expect(plan.rowColumns.get('gpt')!.domains).toEqual(['domain:legal#1']);
    expect(plan.columns.filter((c) => c.level === 'overall').map((c) => c.id)).toEqual(['overall#1', 'overall#2']);
    expect(warnings.join('\n')).toMatch(/legal\/cite was scored with different pack versions: 1\.0\.0 \(2 rows\), 1\.1\.0 \(1 row\).*--pack-version legal\/cite@VERSION/);
  });

  it('the latest result of any version wins by default', () => {
    const { rows } = merge([
      { run: 'r1', at: A, model: 'hcx', task: 'legal/cite', version: '1.0.0' },
      { run: 'r2', at: B, model: 'hcx', task: 'legal/cite', version: '1.1.0' },
    ]);
    expect(picked(rows)).toEqual(['hcx: legal/cite@1.1.0←r2']);
  });

  it('--pack-version keeps the chosen version even when an older run has it', () => {
    const { rows, plan, warnings } = merge(
      [
        { run: 'r1', at: A, model: 'hcx', task: 'legal/cite', version: '1.0.0' },
        { run: 'r2', at: B, model: 'hcx', task: 'legal/cite', version: '1.1.0' },
        { run: 'r2', at: B, model: 'gpt', task: 'legal/cite', version: '1.0.0' },
      ],
      { packVersion: ['legal/cite@1.0.0'] },
    );
    expect(picked(rows)).toEqual(['gpt: legal/cite@1.0.0←r2', 'hcx: legal/cite@1.0.0←r1']);
    expect(plan.columns.map((c) => c.id)).toEqual(['domain:legal', 'overall']);
    expect(warnings).toContain('--pack-version legal/cite@1.0.0: left out 1 result(s) of other versions of legal/cite');
  });

  const bad: Array<{ flag: string[]; want: RegExp }> = [
    { flag: ['legal/cite'], want: /--pack-version: "legal\/cite" is not task@version — write it like/ },
    { flag: ['legal/cite@9.9.9'], want: /matches no result \(its versions in the inputs: 1\.0\.0, 1\.1\.0\)/ },
    { flag: ['legal/nope@1.0.0'], want: /no input has this task/ },
    { flag: ['legal/cite@1.0.0', 'legal/cite@1.1.0'], want: /two versions chosen for legal\/cite/ },
  ];
  it.each(bad)('rejects --pack-version $flag', ({ flag, want }) => {
    const { problems } = merge(mixed, { packVersion: flag });
    expect(formatted(() => problems.throwIfAny())).toMatch(want);
  });
});

describe('columns', () => {
  it('one column per domain and one overall when every row has the same tasks', () => {
    const { plan, warnings } = merge([
      { run: 'r1', at: A, model: 'exaone', task: 'legal/cite' },
      { run: 'r1', at: A, model: 'exaone', task: 'procurement/method' },
      { run: 'r2', at: B, model: 'hcx', task: 'legal/cite' },
      { run: 'r2', at: B, model: 'hcx', task: 'procurement/method' },
    ]);
    expect(plan.columns.map((c) => c.label)).toEqual(['legal', 'procurement', 'overall']);
    expect(warnings).toEqual([]);
  });

  it('a model that ran fewer tasks gets its own columns instead of a mean over other tasks', () => {
    const { plan, warnings } = merge([
      { run: 'r1', at: A, model: 'exaone', task: 'legal/cite' },
      { run: 'r1', at: A, model: 'exaone', task: 'legal/terms' },
      { run: 'r1', at: A, model: 'gpt', task: 'legal/cite' },
      { run: 'r1', at: A, model: 'gpt', task: 'legal/terms' },
      { run: 'r2', at: B, model: 'solar', task: 'legal/cite' },
    ]);
    expect(plan.columns.map((c) => `${c.label}=${c.tasks.join('+')}`)).toEqual([
      'legal #1=legal/cite@1.0.0+legal/terms@1.0.0',
      'legal #2=legal/cite@1.0.0',
      'overall #1=legal/cite@1.0.0+legal/terms@1.0.0',
      'overall #2=legal/cite@1.0.0',
    ]);
    expect(warnings.some((w) => w.startsWith('domain legal: rows were scored on different task sets'))).toBe(true);
  });
});
