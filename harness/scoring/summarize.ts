/**
 * From outcomes to scores with uncertainty: task rows for every metric, domain rows (mean of
 * the tasks' primary metrics) and an overall row (mean of domains), each with a seeded 95%
 * percentile interval; and each sovereign model against the best global baseline per domain,
 * paired over the same item resamples, Holm-corrected across domains.
 *
 * Every planned test item is an entry: a missing or failed one scores as an empty prediction
 * (METRICS.md: the denominator is always the number of planned test items).
 */
import type { PlannedModel } from '../core/events.ts';
import type { TaskPack } from '../core/pack.ts';
import { ERROR_STATUSES, type RecordStatus } from '../core/record.ts';
import type { PairedDiff, ScoreRow } from '../core/summary.ts';
import { bootstrapTask, holm, interval, pValue } from './bootstrap.ts';
import { SCORERS } from './score-task.ts';
import { sumStats, type ScoringEntry, type TaskScoring } from './task-scoring.ts';

/** The domain and overall metric: the mean of the tasks' primary metrics. */
export const AGGREGATE_METRIC = 'primary.mean';

export interface Outcome {
  status: RecordStatus;
  parsed: unknown;
}

export interface SummarizeInput {
  models: PlannedModel[];
  packs: TaskPack[];
  /**
   * Outcome of an item, or undefined when it never finished. `model` and `pack` index
   * `models` and `packs`; `item` indexes the pack's items (whose id is `itemId`).
   */
  outcome: (model: number, pack: number, itemId: string, item: number) => Outcome | undefined;
  seed: number;
  bootstrap: number;
}

export interface Summarized {
  rows: ScoreRow[];
  comparisons: PairedDiff[];
}

export function entriesFor(pack: TaskPack, outcome: (itemId: string, index: number) => Outcome | undefined): { entries: ScoringEntry[]; nError: number; nUnparsed: number } {
  let nError = 0;
  let nUnparsed = 0;
  const entries = pack.items.map((item, i) => {
    const o = outcome(item.id, i);
    if (!o || ERROR_STATUSES.has(o.status)) nError++;
    else if (o.status === 'unparsed') nUnparsed++;
    return { gold: item.gold, input: item.input, parsed: o && o.status === 'ok' ? o.parsed : null };
  });
  return { entries, nError, nUnparsed };
}

/** One task's scoring over all its planned items, and the summed stats the metrics read. */
export function scoreTask(pack: TaskPack, outcome: (itemId: string, index: number) => Outcome | undefined): { scoring: TaskScoring; sum: Float64Array; nError: number; nUnparsed: number } {
  const { entries, nError, nUnparsed } = entriesFor(pack, outcome);
  const scoring = SCORERS[pack.kind](pack, entries);
  return { scoring, sum: sumStats(scoring.dims, scoring.items), nError, nUnparsed };
}

export function summarize(input: SummarizeInput): Summarized {
  const { models, packs, seed, bootstrap: B } = input;
  const rows: ScoreRow[] = [];
  const domains = [...new Set(packs.map((p) => p.domain))].sort();
  // domainReps[model][domain] = replicate array of the domain score.
  const domainReps = new Map<string, Map<string, Float64Array>>();
  const domainPoint = new Map<string, Map<string, number>>();

  for (const [mi, m] of models.entries()) {
    const base = { model: m.id, vendor: m.vendor, origin: m.origin, residency: m.residency };
    const reps = new Map<string, Float64Array>();
    const points = new Map<string, number>();
    let overallN = 0;
    let overallErr = 0;
    let overallUnp = 0;
    for (const domain of domains) {
      const tasks = packs.filter((p) => p.domain === domain).sort((a, b) => a.id.localeCompare(b.id));
      const domRep = new Float64Array(B);
      let domPoint = 0;
      let n = 0;
      let nErr = 0;
      let nUnp = 0;
      for (const pack of tasks) {
        const pi = packs.indexOf(pack);
        const { scoring, sum, nError, nUnparsed } = scoreTask(pack, (id, ii) => input.outcome(mi, pi, id, ii));
        const wanted = Object.fromEntries(pack.metrics.map((name) => [name, scoring.metrics[name]!]));
        const replicates = bootstrapTask(scoring.dims, scoring.items, wanted, B, seed, pack.id);
        for (const metric of pack.metrics) {
          const [lo, hi] = interval(replicates[metric]!);
          rows.push({ ...base, level: 'task', domain, task: pack.id, metric, value: wanted[metric]!(sum), ci_low: lo, ci_high: hi, n: pack.items.length, n_error: nError, n_unparsed: nUnparsed, pack_version: pack.version });
        }
        const primary = replicates[pack.primaryMetric]!;
        for (let r = 0; r < B; r++) domRep[r]! += primary[r]! / tasks.length;
        domPoint += wanted[pack.primaryMetric]!(sum) / tasks.length;
        n += pack.items.length;
        nErr += nError;
        nUnp += nUnparsed;
      }
      const [lo, hi] = interval(domRep);
      const versions = tasks.map((t) => `${t.id}@${t.version}`).join(' ');
      rows.push({ ...base, level: 'domain', domain, task: '', metric: AGGREGATE_METRIC, value: domPoint, ci_low: lo, ci_high: hi, n, n_error: nErr, n_unparsed: nUnp, pack_version: versions });
      reps.set(domain, domRep);
      points.set(domain, domPoint);
      overallN += n;
      overallErr += nErr;
      overallUnp += nUnp;
    }
    if (domains.length > 0) {
      const overallRep = new Float64Array(B);
      for (const d of domains) for (let r = 0; r < B; r++) overallRep[r]! += reps.get(d)![r]! / domains.length;
      const value = domains.reduce((s, d) => s + points.get(d)!, 0) / domains.length;
      const [lo, hi] = interval(overallRep);
      rows.push({ ...base, level: 'overall', domain: '', task: '', metric: AGGREGATE_METRIC, value, ci_low: lo, ci_high: hi, n: overallN, n_error: overallErr, n_unparsed: overallUnp, pack_version: packs.map((t) => `${t.id}@${t.version}`).sort().join(' ') });
    }
    domainReps.set(m.id, reps);
    domainPoint.set(m.id, points);
  }

  return { rows, comparisons: compare(models, domains, domainReps, domainPoint, packs) };
}

/**
 * Each sovereign model against the best global baseline of each domain. Both models' task
 * replicates were drawn from the same stream (the task id) over the same planned items, so
 * replicate r resamples the same item ids for both: their difference is the paired bootstrap.
 */
function compare(
  models: PlannedModel[],
  domains: string[],
  reps: Map<string, Map<string, Float64Array>>,
  points: Map<string, Map<string, number>>,
  packs: TaskPack[],
): PairedDiff[] {
  const out: PairedDiff[] = [];
  const globals = models.filter((m) => m.origin === 'global');
  if (globals.length === 0) return out;
  for (const m of models.filter((x) => x.origin === 'sovereign')) {
    const mine: PairedDiff[] = [];
    for (const d of domains) {
      const best = globals.reduce((a, b) => (points.get(b.id)!.get(d)! > points.get(a.id)!.get(d)! ? b : a));
      const a = reps.get(m.id)!.get(d)!;
      const b = reps.get(best.id)!.get(d)!;
      const deltas = a.map((v, r) => v - b[r]!);
      const [lo, hi] = interval(deltas);
      // Δ is the observed difference of the two domain scores on the shared items (what the
      // results table shows side by side); the replicates give its interval and p.
      const delta = points.get(m.id)!.get(d)! - points.get(best.id)!.get(d)!;
      const n = packs.filter((p) => p.domain === d).reduce((s, p) => s + p.items.length, 0);
      mine.push({ model: m.id, baseline: best.id, domain: d, delta, ci_low: lo, ci_high: hi, p: pValue(deltas), p_holm: NaN, n });
    }
    const adjusted = holm(mine.map((c) => c.p));
    mine.forEach((c, i) => (c.p_holm = adjusted[i]!));
    out.push(...mine);
  }
  return out;
}
