/**
 * Cross-row checks over all validated inputs, and the indexes the merge works from:
 * - a run has one created_at; a model has one vendor, origin and residency within a run;
 * - no row appears twice; a task belongs to one domain, and has one version per run;
 * - a task's first metric row is its primary metric (kseval writes `pack.metrics` in order):
 *   the same task@version must have the same primary metric in every run, and every domain and
 *   overall row must equal the mean of the primaries it lists (which checks that order too);
 * - items.csv rows are unique per (run, model, task, item) and complete for their task, else
 *   that task is left out of the bootstraps (with a warning).
 */
import { itemKey, taskToken, type AggregateResult, type Inputs, type ItemSet, type RunInfo, type SummaryCsvRow, type TaskResult } from './board.ts';
import type { RawInputs } from './inputs.ts';
import { quoteCell, type Problems } from './problems.ts';

/** Scores are written with 6 decimals; hand-written files often with 3. */
const MEAN_TOLERANCE = 5e-4 + 1e-9;
const at = (r: { file: string; line: number }) => `${r.file}:${r.line}`;
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

function checkRuns(rows: SummaryCsvRow[], problems: Problems): Map<string, RunInfo> {
  const runs = new Map<string, RunInfo & { first: SummaryCsvRow }>();
  const identity = new Map<string, SummaryCsvRow>();
  const seen = new Map<string, SummaryCsvRow>();
  for (const r of rows) {
    const run = runs.get(r.run_id);
    if (!run) runs.set(r.run_id, { runId: r.run_id, createdAt: r.created_at, models: new Map(), first: r });
    else if (run.createdAt !== r.created_at) problems.cell(r.file, r.line, 'created_at', `${quoteCell(r.created_at)} differs from ${quoteCell(run.createdAt)} at ${at(run.first)} for the same run_id`, 'a run has one start time: give each run its own run_id');
    const idKey = `${r.run_id}\u0000${r.model}`;
    const id = identity.get(idKey);
    if (!id) identity.set(idKey, r);
    else
      for (const col of ['vendor', 'origin', 'residency'] as const)
        if (id[col] !== r[col]) problems.cell(r.file, r.line, col, `${quoteCell(r[col])} differs from ${quoteCell(id[col])} at ${at(id)} for the same model in the same run`, 'a model has one vendor, origin and residency per run');
    const key = [r.run_id, r.model, r.level, r.domain, r.task, r.metric].join('\u0000');
    const dup = seen.get(key);
    if (dup) problems.add(r.file, r.line, `row — the same run, model, level, domain, task and metric as ${at(dup)}`, 'remove the duplicate row (or give a copied run its own run_id)');
    else seen.set(key, r);
  }
  return new Map([...runs].map(([k, { first: _first, ...info }]) => [k, info]));
}

function taskResults(rows: SummaryCsvRow[], problems: Problems): TaskResult[] {
  const byUnit = new Map<string, SummaryCsvRow>();
  const domainOf = new Map<string, SummaryCsvRow>();
  const versionOf = new Map<string, SummaryCsvRow>();
  const primaryOf = new Map<string, SummaryCsvRow>();
  const out: TaskResult[] = [];
  for (const r of rows) {
    if (r.level !== 'task') continue;
    const d = domainOf.get(r.task);
    if (!d) domainOf.set(r.task, r);
    else if (d.domain !== r.domain) problems.cell(r.file, r.line, 'domain', `${quoteCell(r.domain)} but task ${quoteCell(r.task)} is in domain ${quoteCell(d.domain)} at ${at(d)}`, 'a task belongs to one domain: fix the domain cell');
    const v = versionOf.get(`${r.run_id}\u0000${r.task}`);
    if (!v) versionOf.set(`${r.run_id}\u0000${r.task}`, r);
    else if (v.pack_version !== r.pack_version) problems.cell(r.file, r.line, 'pack_version', `${quoteCell(r.pack_version)} but ${quoteCell(v.pack_version)} at ${at(v)} for the same task in the same run`, 'a run uses one version of each pack');
    const unit = `${r.run_id}\u0000${r.model}\u0000${r.task}`;
    const first = byUnit.get(unit);
    if (first) {
      for (const col of ['n', 'n_error', 'n_unparsed'] as const)
        if (first[col] !== r[col]) problems.cell(r.file, r.line, col, `${r[col]} differs from ${first[col]} at ${at(first)} for the same task`, 'every metric row of a task counts the same items');
      continue;
    }
    byUnit.set(unit, r);
    const token = taskToken(r.task, r.pack_version);
    const p = primaryOf.get(token);
    if (!p) primaryOf.set(token, r);
    else if (p.metric !== r.metric)
      problems.cell(r.file, r.line, 'metric', `the first (primary) metric of ${token} is ${quoteCell(r.metric)} here but ${quoteCell(p.metric)} at ${at(p)}`, "list each task's primary metric first, as `kseval run` does");
    out.push({
      runId: r.run_id,
      createdAt: r.created_at,
      model: r.model,
      vendor: r.vendor,
      origin: r.origin,
      residency: r.residency,
      domain: r.domain,
      task: r.task,
      version: r.pack_version,
      metric: r.metric,
      value: r.value,
      ciLow: r.ci_low,
      ciHigh: r.ci_high,
      n: r.n,
      nError: r.n_error,
      nUnparsed: r.n_unparsed,
      source: { file: r.file, line: r.line },
    });
  }
  return out;
}

function aggregates(rows: SummaryCsvRow[], tasks: TaskResult[], problems: Problems): AggregateResult[] {
  const byUnit = new Map<string, TaskResult>(tasks.map((t) => [`${t.runId}\u0000${t.model}\u0000${taskToken(t.task, t.version)}`, t]));
  const out: AggregateResult[] = [];
  for (const r of rows) {
    if (r.level === 'task') continue;
    const tokens = [...new Set(r.pack_version.split(' '))].sort();
    const listed: TaskResult[] = [];
    for (const tok of tokens) {
      const t = byUnit.get(`${r.run_id}\u0000${r.model}\u0000${tok}`);
      if (!t) problems.cell(r.file, r.line, 'pack_version', `lists ${quoteCell(tok)} but the run has no task row for it for this model`, 'add the task rows, or list only the tasks the row averages');
      else if (r.level === 'domain' && t.domain !== r.domain) problems.cell(r.file, r.line, 'pack_version', `lists ${quoteCell(tok)}, a task of domain ${quoteCell(t.domain)}`, 'a domain row lists only its own tasks');
      else listed.push(t);
    }
    if (listed.length !== tokens.length) continue;
    const byDomain = new Map<string, number[]>();
    for (const t of listed) byDomain.set(t.domain, [...(byDomain.get(t.domain) ?? []), t.value]);
    const expected = mean([...byDomain.values()].map(mean));
    if (Math.abs(expected - r.value) > MEAN_TOLERANCE)
      problems.cell(r.file, r.line, 'value', `${r.value} is not the mean of the listed tasks' primary metrics (${expected.toFixed(6)})`, "each task's first metric row must be its primary metric, and the row must average exactly the tasks it lists");
    out.push({ runId: r.run_id, model: r.model, level: r.level, domain: r.domain, tasks: tokens, value: r.value, ciLow: r.ci_low, ciHigh: r.ci_high });
  }
  return out;
}

function itemSets(raw: RawInputs, tasks: TaskResult[], problems: Problems, warnings: string[]): Map<string, ItemSet> {
  const expected = new Map<string, TaskResult>(tasks.map((t) => [itemKey(t.runId, t.model, t.task), t]));
  const runs = new Set(tasks.map((t) => t.runId));
  const groups = new Map<string, Array<{ id: string; score: number; inTok: number | null; outTok: number | null }>>();
  const seen = new Map<string, { file: string; line: number }>();
  const orphanRuns = new Set<string>();
  for (const r of raw.items) {
    const unique = `${itemKey(r.run_id, r.model, r.task)}\u0000${r.item_id}`;
    const dup = seen.get(unique);
    if (dup) {
      problems.add(r.file, r.line, `item_id — ${quoteCell(r.item_id)} appears twice for the same run, model and task (first at ${at(dup)})`, 'remove the duplicate row');
      continue;
    }
    seen.set(unique, r);
    if (!runs.has(r.run_id)) {
      orphanRuns.add(r.run_id);
      continue;
    }
    const key = itemKey(r.run_id, r.model, r.task);
    const list = groups.get(key) ?? [];
    list.push({ id: r.item_id, score: r.score, inTok: r.input_tokens, outTok: r.output_tokens });
    groups.set(key, list);
  }
  for (const run of [...orphanRuns].sort()) warnings.push(`items.csv rows of run ${run} have no summary.csv rows: not used (add that run's summary.csv)`);
  const out = new Map<string, ItemSet>();
  for (const [key, list] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [run, model, task] = key.split('\u0000') as [string, string, string];
    const t = expected.get(key);
    if (!t) {
      warnings.push(`items.csv has ${task} for ${model} in run ${run}, which summary.csv does not score: not used`);
      continue;
    }
    if (list.length !== t.n) {
      warnings.push(`items.csv has ${list.length} of ${t.n} items of ${task} for ${model} in run ${run}: no item-level interval or comparison for that task`);
      continue;
    }
    list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const usage = list.filter((x) => x.inTok !== null && x.outTok !== null);
    out.set(key, {
      ids: list.map((x) => x.id),
      scores: Float64Array.from(list, (x) => x.score),
      withUsage: usage.length,
      inputTokens: usage.reduce((s, x) => s + x.inTok!, 0),
      outputTokens: usage.reduce((s, x) => s + x.outTok!, 0),
    });
  }
  return out;
}

/** Cross-checks everything read and builds the indexes; problems are collected, not thrown. */
export function buildInputs(raw: RawInputs, problems: Problems): Inputs {
  const warnings = [...raw.warnings];
  const runs = checkRuns(raw.summary, problems);
  const tasks = taskResults(raw.summary, problems);
  const aggs = aggregates(raw.summary, tasks, problems);
  const items = itemSets(raw, tasks, problems, warnings);
  for (const m of raw.manifests) {
    const run = runs.get(m.runId);
    if (!run) continue; // a run directory whose summary.csv was not given
    if (run.manifestFile) {
      warnings.push(`${m.file}: a second manifest for run ${m.runId} (first: ${run.manifestFile}); the first is used`);
      continue;
    }
    run.manifestFile = m.file;
    run.models = m.models;
  }
  return { files: raw.files, runs, tasks, aggregates: aggs, items, warnings };
}
