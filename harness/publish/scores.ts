/**
 * Domain and overall scores of a row, with their 95% intervals.
 *
 * - All of the cell's tasks from one run, and that run's summary.csv has the domain (overall)
 *   row over exactly those tasks: its value and interval are used as they are.
 * - Otherwise (tasks recombined from several runs, or a `--pack-version` choice that leaves a
 *   subset): the score is recomputed as the mean of the task primaries (overall: mean of the
 *   domain means) and its interval by bootstrap from items.csv (item-bootstrap.ts), each task
 *   resampled within itself in the same replicate. Without usable items for every task, the
 *   interval is `unavailable`: none is invented from the task intervals.
 */
import { interval } from '../scoring/bootstrap.ts';
import type { AggregateResult, Column, Inputs, IntervalMethod, MergedRow, TaskResult } from './board.ts';
import type { ItemBootstrap } from './item-bootstrap.ts';

export interface CellScore {
  value: number;
  ci: [number, number] | null;
  interval: IntervalMethod;
  sources: TaskResult[];
}

const aggKey = (runId: string, model: string, level: string, domain: string, tasks: string[]) => [runId, model, level, domain, tasks.join(' ')].join('\u0000');

export function aggregateIndex(inputs: Inputs): Map<string, AggregateResult> {
  return new Map(inputs.aggregates.map((a) => [aggKey(a.runId, a.model, a.level, a.domain, a.tasks), a]));
}

/** Groups sources by domain (sorted), for the mean of domain means. */
function byDomain<T>(sources: TaskResult[], pick: (t: TaskResult) => T): T[][] {
  const groups = new Map<string, T[]>();
  for (const t of sources) groups.set(t.domain, [...(groups.get(t.domain) ?? []), pick(t)]);
  return [...groups.keys()].sort().map((d) => groups.get(d)!);
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

export function scoreCell(row: MergedRow, column: Column, aggs: Map<string, AggregateResult>, boot: ItemBootstrap): CellScore {
  const sources = row.tasks.filter((t) => column.level === 'overall' || t.domain === column.domain);
  const runs = new Set(sources.map((t) => t.runId));
  let value = mean(byDomain(sources, (t) => t.value).map(mean));
  if (runs.size === 1) {
    const agg = aggs.get(aggKey(sources[0]!.runId, row.model, column.level, column.domain, column.tasks));
    if (agg) {
      value = agg.value;
      if (agg.ciLow !== null && agg.ciHigh !== null) return { value, ci: [agg.ciLow, agg.ciHigh], interval: 'summary', sources };
    }
  }
  const reps = sources.map((t) => boot.task(t));
  if (reps.some((r) => r === null)) return { value, ci: null, interval: 'unavailable', sources };
  const index = new Map(sources.map((t, i) => [t, i]));
  const perDomain = byDomain(sources, (t) => reps[index.get(t)!]!.reps);
  const combined = new Float64Array(boot.b);
  for (let r = 0; r < boot.b; r++) {
    let s = 0;
    for (const domainReps of perDomain) {
      let d = 0;
      for (const taskReps of domainReps) d += taskReps[r]!;
      s += d / domainReps.length;
    }
    combined[r] = s / perDomain.length;
  }
  const exact = reps.every((r) => r!.exact);
  return { value, ci: interval(combined), interval: exact ? 'bootstrap' : 'bootstrap-approx', sources };
}
