import { describe, expect, it } from 'vitest';
import { makePack } from '../../test/helpers/packs.ts';
import { bootstrapTask, holm, interval, percentile, pValue, resamples } from './bootstrap.ts';
import type { SparseStats } from './task-scoring.ts';
import { createPrng } from './prng.ts';
import { summarize } from './summarize.ts';

describe('prng and resampling', () => {
  it('same seed and stream → same draws; another stream → other draws', () => {
    const a = createPrng(7, 'legal/statute-cite');
    const b = createPrng(7, 'legal/statute-cite');
    const c = createPrng(7, 'legal/case-type');
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
    for (const x of xs) expect(x).toBeGreaterThanOrEqual(0), expect(x).toBeLessThan(1);
  });
  it('each resample draws n items with replacement', () => {
    for (const counts of resamples(50, 20, 1, 't')) expect(counts.reduce((s, v) => s + v, 0)).toBe(50);
  });
});

describe('bootstrapTask', () => {
  /** The definition: each replicate sums count × stats item by item. */
  const reference = (dims: number, items: SparseStats[], metric: (s: Float64Array) => number, b: number, stream: string) => {
    const out: number[] = [];
    for (const counts of resamples(items.length, b, 42, stream)) {
      const sum = new Float64Array(dims);
      items.forEach((s, i) => s.idx.forEach((d, k) => (sum[d]! += counts[i]! * s.val[k]!)));
      out.push(metric(sum));
    }
    return out;
  };
  const prng = createPrng(3, 'items');
  // Classification-like counts (few distinct vectors) and short-answer-like fractions.
  const counts: SparseStats[] = Array.from({ length: 400 }, () => {
    const gold = prng.int(4);
    const pred = prng.int(4);
    return gold === pred ? { idx: [1, 0, 2 + 3 * gold], val: [1, 1, 1] } : { idx: [1, 2 + 3 * gold + 2, 2 + 3 * pred + 1], val: [1, 1, 1] };
  });
  const fractions: SparseStats[] = Array.from({ length: 300 }, () => ({ idx: [0, 1], val: [1, prng.next()] }));
  const macro = (s: Float64Array) => [0, 1, 2, 3].reduce((t, k) => t + (2 * s[2 + 3 * k]!) / (2 * s[2 + 3 * k]! + s[3 + 3 * k]! + s[4 + 3 * k]! || 1), 0) / 4;
  const mean = (s: Float64Array) => s[1]! / s[0]!;
  it.each([
    ['whole-number stats (grouped by pattern)', 14, counts, macro],
    ['fractional stats (item by item)', 2, fractions, mean],
  ] as const)('%s: replicates equal the item-by-item definition exactly', (_name, dims, items, metric) => {
    const got = bootstrapTask(dims, [...items], { m: metric }, 200, 42, 'task')['m']!;
    expect(Array.from(got)).toEqual(reference(dims, [...items], metric, 200, 'task'));
  });
});

describe('percentile and tests', () => {
  it('linear interpolation between order statistics', () => {
    expect(percentile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(percentile([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75, 12);
    expect(interval(Float64Array.from({ length: 1001 }, (_, i) => i / 1000))).toEqual([0.025, 0.975]);
  });
  it('two-sided p and Holm', () => {
    expect(pValue([0.1, 0.2, -0.1, 0.3])).toBeCloseTo(0.5, 12);
    expect(pValue([1, 2, 3])).toBe(0);
    expect(holm([0.01, 0.04, 0.03])).toEqual([0.03, 0.06, 0.06]);
  });
});

describe('summarize', () => {
  const labels = ['인정', '조정(삭감)', '보완요청'];
  const golds = Array.from({ length: 60 }, (_, i) => labels[i % 3]!);
  const pack = makePack('classification', { labels, domain: 'clinical', id: 'clinical/claim' }, golds.map((g, i) => ({ id: `c${i}`, gold: g })));
  const models = [
    { id: 'sov', vendor: 'v', origin: 'sovereign' as const, residency: 'kr' as const },
    { id: 'glob', vendor: 'g', origin: 'global' as const, residency: 'abroad' as const },
  ];
  // sov right on 50/60, glob right on 30/60; both wrong on the same 10.
  const outcome = (model: number, _p: number, id: string) => {
    const i = Number(id.slice(1));
    const right = models[model]!.id === 'sov' ? i % 6 !== 0 : i % 2 === 0;
    return { status: 'ok' as const, parsed: right ? golds[i] : labels[(i + 1) % 3] };
  };
  const run = () => summarize({ models, packs: [pack], outcome, seed: 42, bootstrap: 1000 });
  it('is byte-for-byte reproducible with the same seed', () => {
    expect(JSON.stringify(run())).toBe(JSON.stringify(run()));
  });
  it('gives task, domain and overall rows with intervals around the point', () => {
    const { rows } = run();
    const acc = rows.find((r) => r.model === 'sov' && r.metric === 'accuracy')!;
    expect(acc.value).toBeCloseTo(50 / 60, 12);
    expect(acc.ci_low).toBeLessThan(acc.value);
    expect(acc.ci_high).toBeGreaterThan(acc.value);
    const domain = rows.find((r) => r.model === 'sov' && r.level === 'domain')!;
    const task = rows.find((r) => r.model === 'sov' && r.metric === 'f1.macro')!;
    expect(domain.value).toBeCloseTo(task.value, 12);
    expect(rows.filter((r) => r.level === 'overall')).toHaveLength(2);
  });
  it('pairs the sovereign model with the best global baseline', () => {
    const { comparisons } = run();
    expect(comparisons).toHaveLength(1);
    const c = comparisons[0]!;
    expect(c.baseline).toBe('glob');
    expect(c.ci_low).toBeGreaterThan(0);
    expect(c.p).toBeLessThan(0.05);
  });
  it('counts missing items as errors in the denominator', () => {
    const { rows } = summarize({ models: [models[0]!], packs: [pack], outcome: (m, p, id) => (Number(id.slice(1)) < 30 ? outcome(m, p, id) : undefined), seed: 1, bootstrap: 200 });
    const acc = rows.find((r) => r.metric === 'accuracy')!;
    expect(acc.n).toBe(60);
    expect(acc.n_error).toBe(30);
    expect(acc.value).toBeCloseTo(25 / 60, 12);
  });
});
