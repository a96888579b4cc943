/**
 * The results screen's view of a run: summary.csv rows indexed by model, domain and task, models
 * grouped sovereign / global / reference, and each sovereign model's paired difference from the
 * best global baseline per domain (comparisons.csv). Values are used exactly as read.
 */
import { ORIGINS, type Origin, type Residency } from '../core/model.ts';
import type { PairedDiff, ScoreRow } from '../core/summary.ts';
import type { LoadedRun } from '../results/load-run.ts';
import { AGGREGATE_METRIC } from '../scoring/summarize.ts';

export interface ResultModel {
  id: string;
  vendor: string;
  origin: Origin;
  residency: Residency;
}

export interface ResultsData {
  runId: string;
  dir: string;
  status: string;
  createdAt: string;
  domains: string[];
  /** Ordered sovereign, global, reference; within a group, as in the manifest. */
  models: ResultModel[];
  tasks: string[];
  domainRow(model: string, domain: string): ScoreRow | undefined;
  overallRow(model: string): ScoreRow | undefined;
  /** Every metric of a task for a model, primary first (summary.csv order). */
  taskRows(model: string, task: string): ScoreRow[];
  tasksOf(domain: string): string[];
  comparison(model: string, domain: string): PairedDiff | undefined;
  /** The best global baseline of a domain, when the run compared any. */
  baseline(domain: string): string | undefined;
  /** Pack kind and planned items of a task, from the manifest. */
  pack(task: string): { kind: string; items: number; version: string; dir: string } | undefined;
}

const key = (...parts: string[]) => parts.join('\u0000');

export function indexResults(run: LoadedRun): ResultsData {
  const { summary, manifest } = run;
  const domainRows = new Map<string, ScoreRow>();
  const overallRows = new Map<string, ScoreRow>();
  const taskRows = new Map<string, ScoreRow[]>();
  const tasksByDomain = new Map<string, Set<string>>();
  const seen = new Map<string, ResultModel>();
  for (const r of summary.rows) {
    if (!seen.has(r.model)) seen.set(r.model, { id: r.model, vendor: r.vendor, origin: r.origin, residency: r.residency });
    if (r.level === 'domain' && r.metric === AGGREGATE_METRIC) domainRows.set(key(r.model, r.domain), r);
    else if (r.level === 'overall' && r.metric === AGGREGATE_METRIC) overallRows.set(r.model, r);
    else if (r.level === 'task') {
      const k = key(r.model, r.task);
      const list = taskRows.get(k) ?? [];
      list.push(r);
      taskRows.set(k, list);
      const set = tasksByDomain.get(r.domain) ?? new Set<string>();
      set.add(r.task);
      tasksByDomain.set(r.domain, set);
    }
  }
  const manifestOrder = new Map(manifest.models.map((m, i) => [m.id, i]));
  const models = [...seen.values()].sort((a, b) => ORIGINS.indexOf(a.origin) - ORIGINS.indexOf(b.origin) || (manifestOrder.get(a.id) ?? 1e9) - (manifestOrder.get(b.id) ?? 1e9) || a.id.localeCompare(b.id));
  const domains = [...new Set(summary.rows.filter((r) => r.level !== 'overall').map((r) => r.domain))].sort();
  const comparisons = new Map(summary.comparisons.map((c) => [key(c.model, c.domain), c]));
  const baselines = new Map<string, string>();
  for (const c of summary.comparisons) if (!baselines.has(c.domain)) baselines.set(c.domain, c.baseline);
  const packs = new Map(manifest.packs.map((p) => [p.id, p]));
  return {
    runId: manifest.run_id,
    dir: run.dir,
    status: manifest.status,
    createdAt: manifest.created_at,
    domains,
    models,
    tasks: [...new Set(summary.rows.filter((r) => r.level === 'task').map((r) => r.task))].sort(),
    domainRow: (m, d) => domainRows.get(key(m, d)),
    overallRow: (m) => overallRows.get(m),
    taskRows: (m, t) => taskRows.get(key(m, t)) ?? [],
    tasksOf: (d) => [...(tasksByDomain.get(d) ?? [])].sort(),
    comparison: (m, d) => comparisons.get(key(m, d)),
    baseline: (d) => baselines.get(d),
    pack: (t) => packs.get(t),
  };
}

/** Models with their group headings, in display order. */
export function groupedModels(models: ResultModel[]): Array<{ origin: Origin; models: ResultModel[] }> {
  return ORIGINS.map((origin) => ({ origin, models: models.filter((m) => m.origin === origin) })).filter((g) => g.models.length > 0);
}
