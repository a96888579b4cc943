/**
 * Ranking with uncertainty (harness/publish/rank.ts, scores.ts, paired.ts, cost.ts): rank
 * ranges from overlapping intervals, where each cell's interval comes from (summary, items
 * bootstrap, or unavailable), paired comparisons against the best global baseline with Holm's
 * correction, and cost per 1,000 items.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBoard } from '../harness/publish/publish.ts';
import { formatRank, rankRanges, type Ranked } from '../harness/publish/rank.ts';
import { holm } from '../harness/scoring/bootstrap.ts';
import { MODELS, TASKS, writeRun, type FxTask } from './fixtures/leaderboard/build.ts';
import { tmp } from './helpers/cli.ts';

const dirs: string[] = [];
const fresh = () => {
  const d = tmp('kseval-lb-');
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const iv = (lo: number, hi: number, value = (lo + hi) / 2): Ranked => ({ value, ci: [lo, hi] });

describe('rank ranges', () => {
  const cases: Array<{ name: string; cells: Ranked[]; want: string[] }> = [
    { name: 'separated intervals give single ranks', cells: [iv(0.8, 0.9), iv(0.5, 0.6), iv(0.1, 0.2)], want: ['1', '2', '3'] },
    { name: 'overlapping intervals share ranks', cells: [iv(0.7, 0.9), iv(0.6, 0.8), iv(0.1, 0.3)], want: ['1–2', '1–2', '3'] },
    {
      name: 'a model in the middle of a chain: 2–4',
      cells: [iv(0.85, 0.95), iv(0.6, 0.7), iv(0.55, 0.75), iv(0.5, 0.62), iv(0.1, 0.2)],
      want: ['1', '2–4', '2–4', '2–4', '5'],
    },
    { name: 'identical intervals tie', cells: [iv(0.4, 0.6), iv(0.4, 0.6)], want: ['1–2', '1–2'] },
    { name: 'touching intervals (hi = lo) overlap', cells: [iv(0.5, 0.7), iv(0.3, 0.5)], want: ['1–2', '1–2'] },
    { name: 'one model', cells: [iv(0.2, 0.3)], want: ['1'] },
    { name: 'no interval counts as [0, 1]', cells: [iv(0.8, 0.9), { value: 0.5, ci: null }, iv(0.1, 0.2)], want: ['1–2', '1–3', '2–3'] },
  ];
  it.each(cases)('$name', ({ cells, want }) => {
    expect(rankRanges(cells).map(formatRank)).toEqual(want);
  });
});

/** Two runs: run A has everything; run B re-ran one model on legal only. */
function twoRuns(opts: { itemsB?: boolean; tasks?: FxTask[] } = {}) {
  const root = fresh();
  const tasks = opts.tasks ?? TASKS;
  const M = MODELS;
  writeRun(root, { runId: 'run-a', createdAt: '2026-11-01T09:00:00.000Z', models: [M.exaone!, M.hcx!, M.solar!, M.gpt!, M.claude!, M.lexical!], tasks, manifest: true });
  writeRun(root, { runId: 'run-b', createdAt: '2026-11-15T09:00:00.000Z', models: [{ ...M.hcx!, skill: 0.85 }], tasks: tasks.filter((t) => t.domain === 'legal'), manifest: true, items: opts.itemsB ?? true });
  return root;
}

const board = (paths: string[], seed = 1) => loadBoard(paths, { allRuns: false, seed, bootstrap: 400 });
const row = (b: ReturnType<typeof board>, model: string) => b.rows.find((r) => r.model === model)!;

describe('where intervals come from', () => {
  it('one run, same tasks: the summary.csv interval as written', () => {
    const b = board([path.join(twoRuns(), 'run-a')]);
    const exaone = row(b, 'lg/exaone-4.0-32b');
    for (const cell of exaone.cells.values()) expect(cell.interval).toBe('summary');
    const legal = exaone.cells.get('domain:legal')!;
    expect(legal.sources.map((t) => t.runId)).toEqual(['run-a', 'run-a']);
  });

  it('tasks from two runs: domain from its single run, overall recomputed from items (approximate for corpus-level metrics)', () => {
    const b = board([twoRuns()]);
    const hcx = row(b, 'naver/hcx-005');
    expect(hcx.runIds).toEqual(['run-b', 'run-a']);
    expect(hcx.cells.get('domain:legal')!.interval).toBe('summary');
    expect(hcx.cells.get('domain:clinical')!.interval).toBe('summary');
    const overall = hcx.cells.get('overall')!;
    expect(overall.interval).toBe('bootstrap-approx'); // legal/unfair-terms is corpus-level
    const domainMeans = ['domain:clinical', 'domain:legal', 'domain:procurement'].map((c) => hcx.cells.get(c)!.value);
    expect(overall.value).toBeCloseTo(domainMeans.reduce((s, v) => s + v, 0) / 3, 5);
    expect(overall.ci![0]).toBeLessThan(overall.value);
    expect(overall.ci![1]).toBeGreaterThan(overall.value);
  });

  it('recomputed from items where the per-item mean is the metric: exact bootstrap', () => {
    const tasks = TASKS.map((t) => ({ ...t, corpus: false }));
    const hcx = row(board([twoRuns({ tasks })]), 'naver/hcx-005');
    expect(hcx.cells.get('overall')!.interval).toBe('bootstrap');
  });

  it('without items for a recombined cell the interval is unavailable, never invented', () => {
    const b = board([twoRuns({ itemsB: false })]);
    const hcx = row(b, 'naver/hcx-005');
    const overall = hcx.cells.get('overall')!;
    expect(overall).toMatchObject({ interval: 'unavailable', ci: null });
    expect(overall.rank[0]).toBe(1);
    expect(overall.rank[1]).toBe(b.rows.length);
  });

  it('is reproducible: the same inputs and seed give the same intervals; another seed moves them', () => {
    const root = twoRuns();
    const ci = (seed: number) => row(board([root], seed), 'naver/hcx-005').cells.get('overall')!.ci;
    expect(ci(3)).toEqual(ci(3));
    expect(ci(3)).not.toEqual(ci(4));
  });
});

describe('sovereign models against the best global baseline', () => {
  it('pairs each sovereign row with the best global row of each domain column, Holm-corrected', () => {
    const b = board([twoRuns()]);
    const sovereign = b.rows.filter((r) => r.origin === 'sovereign').map((r) => r.id);
    expect(new Set(b.comparisons.map((c) => c.row))).toEqual(new Set(sovereign));
    for (const c of b.comparisons) {
      const globals = b.rows.filter((r) => r.origin === 'global' && r.cells.has(c.column));
      const best = Math.max(...globals.map((g) => g.cells.get(c.column)!.value));
      expect(row(b, c.baseline).cells.get(c.column)!.value).toBe(best);
      expect(c.ciLow).toBeLessThanOrEqual(c.ciHigh);
      expect(c.significantHolm).toBe(c.pHolm < 0.05);
      expect(c.excludesZero).toBe(c.ciLow > 0 || c.ciHigh < 0);
    }
    for (const id of sovereign) {
      const mine = b.comparisons.filter((c) => c.row === id);
      expect(mine.map((c) => c.domain)).toEqual(['clinical', 'legal', 'procurement']);
      expect(mine.map((c) => c.pHolm)).toEqual(holm(mine.map((c) => c.p)));
    }
    const legal = b.comparisons.find((c) => c.row === 'naver/hcx-005' && c.domain === 'legal')!;
    expect(legal).toMatchObject({ approximate: true, nItems: 70 });
    expect(b.comparisons.find((c) => c.domain === 'procurement')!.approximate).toBe(false);
  });

  it('a strong sovereign model is marked better; the marker needs Holm-adjusted p < 0.05', () => {
    const root = fresh();
    const strong = { ...MODELS.exaone!, skill: 0.97 };
    const weak = { ...MODELS.gpt!, skill: 0.3 };
    writeRun(root, { runId: 'r', createdAt: '2026-11-01T00:00:00Z', models: [strong, weak], tasks: TASKS });
    const b = board([root]);
    expect(b.comparisons).toHaveLength(3);
    for (const c of b.comparisons) expect(c).toMatchObject({ significantHolm: true, excludesZero: true });
    expect(b.comparisons.every((c) => c.delta > 0.4)).toBe(true);
  });

  it('says why a comparison is missing instead of guessing', () => {
    const b = board([twoRuns({ itemsB: false })]);
    const missing = b.missingComparisons.filter((m) => m.row === 'naver/hcx-005');
    expect(missing).toEqual([{ row: 'naver/hcx-005', column: 'domain:legal', reason: 'no usable items.csv for legal/statute-cite of naver/hcx-005' }]);
  });
});

describe('columns from run directories', () => {
  it('open weights and cost come from the manifest and items.csv; unknown without them', () => {
    const root = twoRuns();
    const b = board([root]);
    const hcx = row(b, 'naver/hcx-005');
    expect(hcx.openWeights).toBe(false);
    expect(row(b, 'lg/exaone-4.0-32b').openWeights).toBe(true);
    // 145 items with usage: input 300+i, output 20+(i mod 7) per task; KRW 1250 / 5000 per million.
    expect(hcx.cost).toMatchObject({ currency: 'KRW', itemsWithUsage: 145 });
    const perItem = (hcx.cost!.inputTokens * 1250 + hcx.cost!.outputTokens * 5000) / 1e6 / 145;
    expect(hcx.cost!.per1000Items).toBeCloseTo(perItem * 1000, 9);
    expect(row(b, 'upstage/solar-pro2').cost).toBeNull(); // no price in the manifest
    expect(row(b, 'builtin/lexical').costNote).toMatch(/no price|no token usage/);
    const csvOnly = board([path.join(root, 'run-a', 'summary.csv')]);
    expect(row(csvOnly, 'lg/exaone-4.0-32b').openWeights).toBeNull();
    expect(row(csvOnly, 'lg/exaone-4.0-32b').cost).toBeNull();
  });
});
