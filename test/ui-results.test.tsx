/**
 * The results screen on a real run of the reference systems over the fixture packs: numbers equal
 * summary.csv, Korean titles and labels line up, drill-down to a domain, a task and an item.
 */
import React from 'react';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../harness/results/manifest.ts';
import { loadRun, type LoadedRun } from '../harness/results/load-run.ts';
import { pctInterval, ratePct } from '../harness/ui/format.ts';
import { domainColumns } from '../harness/ui/results-columns.ts';
import { indexResults } from '../harness/ui/results-data.ts';
import { ResultsApp, type ResultsExit } from '../harness/ui/ResultsApp.tsx';
import { ResultsOverview } from '../harness/ui/ResultsOverview.tsx';
import { seg } from '../harness/ui/segments.ts';
import { displayWidth } from '../harness/text/width.ts';
import { cli, FIXTURE_PACKS, tmp } from './helpers/cli.ts';
import { columnOf, KEY, lineWith, tick, waitForFrame, widest } from './ui-helpers.ts';

let run: LoadedRun;
let csv: Array<Record<string, string>>;

beforeAll(async () => {
  const dir = path.join(tmp('kseval-ui-'), 'run');
  const r = await cli(['run', '--no-tui', '--pack', FIXTURE_PACKS, '--run-dir', dir, '--bootstrap', '200']);
  expect(r.code, r.err).toBe(0);
  run = loadRun(dir);
  csv = parse(readFileSync(path.join(dir, 'summary.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
});

afterEach(() => cleanup());

const fromCsv = (r: Record<string, string>) => pctInterval(Number(r.value), Number(r.ci_low), Number(r.ci_high));

describe('results overview', () => {
  it('shows each model’s domain F1 and interval exactly as summary.csv, with error and unparsed rates', () => {
    const onExit = (_: ResultsExit) => {};
    const { lastFrame } = render(<ResultsApp run={run} onExit={onExit} size={{ columns: 100, rows: 40 }} />);
    const f = lastFrame()!;
    expect(widest(f)).toBeLessThanOrEqual(100);
    for (const r of csv.filter((x) => x.level === 'domain' && x.metric === 'primary.mean')) {
      const line = lineWith(f, ` ${r.model} `);
      expect(line).toContain(fromCsv(r));
      expect(line).toContain(ratePct(Number(r.n_error), Number(r.n)));
    }
    expect(f).toContain('reference');
    expect(f).toMatch(/F1 in % with one decimal, exactly as in summary\.csv; \[95% bootstrap interval\]/);
  });

  it('has an overall tab with the overall interval from summary.csv', async () => {
    const { lastFrame, stdin } = render(<ResultsApp run={run} onExit={() => {}} size={{ columns: 100, rows: 40 }} />);
    stdin.write(KEY.right);
    const f = await waitForFrame(lastFrame, (x) => x.includes('overall [95% CI]'));
    for (const r of csv.filter((x) => x.level === 'overall')) expect(lineWith(f, ` ${r.model} `)).toContain(fromCsv(r));
  });

  it('drills into a domain, a task (per-label F1) and an item, and goes back', async () => {
    const exits: ResultsExit[] = [];
    const { lastFrame, stdin } = render(<ResultsApp run={run} onExit={(h) => exits.push(h)} size={{ columns: 100, rows: 60 }} />);
    stdin.write(KEY.down);
    await tick();
    stdin.write(KEY.enter);
    // Domain page: every metric of every task from summary.csv; Korean titles in a column.
    let f = await waitForFrame(lastFrame, (x) => x.includes('계약방법') && x.includes('공고 추출'));
    for (const r of csv.filter((x) => x.level === 'task' && x.task === 'demo/classify')) expect(f).toContain(fromCsv(r));
    const headings = ['demo/classify', 'demo/extract', 'demo/multi', 'demo/select', 'demo/short', 'demo/spans'].map((t) => lineWith(f, `${t} `));
    const kinds = ['classification', 'extraction', 'multilabel', 'sentence-select', 'short-answer', 'spans'];
    const starts = headings.map((l, i) => columnOf(l, `${kinds[i]}  n=`));
    expect(new Set(starts).size).toBe(1);
    expect(starts[0]).toBeGreaterThan(0);
    // The cursor followed the model chosen on the overview (the second one).
    const chosen = indexResults(run).models[1]!.id;
    expect(lineWith(f, '›')).toContain(chosen);
    // Task page: per-label breakdown with Korean labels aligned, and the items.
    stdin.write(KEY.up);
    await tick();
    stdin.write(KEY.enter);
    f = await waitForFrame(lastFrame, (x) => x.includes('per label (5)') && x.includes('items (4)'));
    const labelLines = ['수의계약', '협상에 의한 계약', '일반경쟁'].map((l) => lineWith(f, `  ${l}  `));
    // The support column ends at the same display column whether the label is 4 or 9 syllables.
    const supportEnds = labelLines.map((l) => {
      const m = /(\d+)\s*[█▏▎▍▌▋▊▉]*\s*$/u.exec(l)!;
      return displayWidth(l.slice(0, m.index)) + m[1]!.length;
    });
    expect(new Set(supportEnds).size, labelLines.join('\n')).toBe(1);
    expect(lineWith(f, 'cls-003')).toMatch(/ok/);
    // Item page: gold, parsed answer, output and the prompt.
    stdin.write(KEY.enter);
    f = await waitForFrame(lastFrame, (x) => x.includes('── gold'));
    expect(f).toContain('item cls-003');
    expect(f).toContain('── parsed answer');
    expect(f).toContain('── output');
    expect(f).toContain('prompt 1 · system');
    expect(f).toContain('제한경쟁');
    stdin.write(KEY.right);
    f = await waitForFrame(lastFrame, (x) => x.includes('item cls-004'));
    expect(f).toContain('2 of 4');
    stdin.write(KEY.escape);
    f = await waitForFrame(lastFrame, (x) => x.includes('items (4)'));
    expect(lineWith(f, '›')).toContain('cls-004');
    stdin.write(KEY.backspace);
    f = await waitForFrame(lastFrame, (x) => x.includes('every metric'));
    stdin.write(KEY.escape);
    f = await waitForFrame(lastFrame, (x) => x.includes('F1 [95% CI]'));
    stdin.write('q');
    await tick();
    expect(exits).toEqual(['quit']);
  });

  it('fits in 80 columns and degrades below', async () => {
    for (const columns of [80, 60, 40]) {
      const { lastFrame, stdin } = render(<ResultsApp run={run} onExit={() => {}} size={{ columns, rows: 40 }} />);
      expect(widest(lastFrame()!)).toBeLessThanOrEqual(columns);
      stdin.write(KEY.enter);
      const f = await waitForFrame(lastFrame, (x) => x.includes('every metric'));
      expect(widest(f)).toBeLessThanOrEqual(columns);
      cleanup();
    }
  });
});

/** A run with sovereign and global models and comparisons (made up values, no files needed). */
function syntheticRun(): LoadedRun {
  const base = { n: 100, n_error: 2, n_unparsed: 5, pack_version: 'legal/a@1.0.0', task: '', metric: 'primary.mean' };
  const rows = [
    { model: 'exaone-4.0.1-32b', vendor: 'LG AI Research', origin: 'sovereign', residency: 'abroad', value: 0.613, ci_low: 0.55, ci_high: 0.672 },
    { model: 'solar-pro3', vendor: 'Upstage', origin: 'sovereign', residency: 'kr', value: 0.702, ci_low: 0.645, ci_high: 0.76 },
    { model: 'gpt-4.1', vendor: 'OpenAI', origin: 'global', residency: 'abroad', value: 0.58, ci_low: 0.52, ci_high: 0.64 },
    { model: 'builtin/lexical', vendor: 'kseval', origin: 'reference', residency: 'local', value: 0.3, ci_low: 0.25, ci_high: 0.35 },
  ] as const;
  const manifest: Manifest = {
    schema_version: 1,
    run_id: 'synthetic',
    harness: { name: 'kseval', version: '0', git_commit: null, node: 'v20' },
    created_at: '2026-01-22T00:00:00Z',
    finished_at: '2026-01-22T00:10:00Z',
    status: 'finished',
    seed: 1,
    bootstrap: 1000,
    options: { concurrency: 1, limit: null, timeout_ms: 1, retries: { max: 1, baseDelayMs: 1, maxDelayMs: 1, deadlineMs: 1 }, config_file: null, task_ids: [], pack_dirs: [] },
    models: [],
    skipped_models: [],
    packs: [],
  };
  return {
    dir: '/nonexistent',
    manifest,
    summary: {
      runId: 'synthetic',
      createdAt: '',
      seed: 1,
      bootstrap: 1000,
      rows: rows.flatMap((r) => [
        { ...base, ...r, level: 'domain' as const, domain: 'legal' },
        { ...base, ...r, level: 'overall' as const, domain: '' },
      ]),
      comparisons: [
        { model: 'exaone-4.0.1-32b', baseline: 'gpt-4.1', domain: 'legal', delta: 0.033, ci_low: -0.02, ci_high: 0.09, p: 0.2, p_holm: 0.2, n: 100 },
        { model: 'solar-pro3', baseline: 'gpt-4.1', domain: 'legal', delta: 0.122, ci_low: 0.061, ci_high: 0.18, p: 0.001, p_holm: 0.001, n: 100 },
      ],
      models: [],
    },
  };
}

describe('sovereign against the best global baseline', () => {
  it('groups models by origin and shows the paired difference beside sovereign models', () => {
    const run = syntheticRun();
    const data = indexResults(run);
    const f = render(<ResultsOverview data={data} tab={0} cursor={0} width={100} height={30} />).lastFrame()!;
    const lines = f.split('\n');
    const at = (s: string) => lines.findIndex((l) => (['sovereign', 'global', 'reference'].includes(s) ? l.trim() === s : l.includes(` ${s} `)));
    expect(at('sovereign')).toBeLessThan(at('exaone-4.0.1-32b'));
    expect(at('solar-pro3')).toBeLessThan(at('global'));
    expect(at('global')).toBeLessThan(at('gpt-4.1'));
    expect(at('gpt-4.1')).toBeLessThan(at('reference'));
    expect(lineWith(f, 'solar-pro3')).toContain('+12.2 [+6.1–+18.0]');
    expect(lineWith(f, 'exaone-4.0.1-32b')).toContain('+3.3 [-2.0–+9.0]');
    expect(lineWith(f, 'exaone-4.0.1-32b')).toContain('61.3 [55.0–67.2]');
    expect(lineWith(f, 'exaone-4.0.1-32b')).toMatch(/2\.0 +5\.0/);
    expect(f).toContain('best global baseline in legal (gpt-4.1)');
    // Score columns line up for every model (ids of different lengths).
    const starts = ['exaone-4.0.1-32b', 'solar-pro3', 'gpt-4.1', 'builtin/lexical'].map((m) => columnOf(lineWith(f, m), lineWith(f, m).match(/\d+\.\d \[/u)![0]));
    expect(new Set(starts).size).toBe(1);
  });

  it('colours a difference only when its interval excludes zero', () => {
    const data = indexResults(syntheticRun());
    const delta = domainColumns(data, 'legal').find((c) => c.id === 'delta')!;
    const cell = (id: string) => seg(delta.cell({ model: data.models.find((m) => m.id === id)!, selected: false }, 20));
    expect(cell('solar-pro3').color).toBe('green');
    expect(cell('exaone-4.0.1-32b').color).toBeUndefined();
    expect(cell('gpt-4.1').text).toBe('');
  });
});
