/**
 * Merge rules: which task results make up each leaderboard row.
 *
 * 1. `--pack-version task@version` (repeatable) keeps only that version of the task; results of
 *    its other versions are left out (counted in a warning).
 * 2. One row per model. When the same model and task appear in several runs, the latest run wins:
 *    latest `created_at`, then the greater run_id. A row may therefore combine tasks from several
 *    runs; every task result keeps its run id and pack version (provenance).
 * 3. With `--all-runs`, one row per model × run instead, nothing combined across runs.
 * 4. The row's vendor, origin and residency come from its latest run; a model that changed them
 *    between runs gets a warning.
 * 5. A task left with several versions across rows is never averaged together: columns.ts puts
 *    each version in its own column, and a warning says how to pick one.
 */
import type { Inputs, MergedRow, TaskResult } from './board.ts';
import { quoteCell, type Problems } from './problems.ts';

export interface MergeOptions {
  allRuns: boolean;
  /** `task@version` tokens. */
  packVersion: string[];
}

/** Later first: created_at (as instants), then the greater run_id. */
export const laterFirst = (a: { createdAt: string; runId: string }, b: { createdAt: string; runId: string }): number => {
  const ta = Date.parse(a.createdAt);
  const tb = Date.parse(b.createdAt);
  if (ta !== tb) return tb - ta;
  return a.runId < b.runId ? 1 : a.runId > b.runId ? -1 : 0;
};

/** Parses and checks `--pack-version`; returns task → version. */
function chosenVersions(tokens: string[], tasks: TaskResult[], problems: Problems): Map<string, string> {
  const chosen = new Map<string, string>();
  const known = new Map<string, Set<string>>();
  for (const t of tasks) known.set(t.task, (known.get(t.task) ?? new Set()).add(t.version));
  for (const tok of tokens) {
    const at = tok.lastIndexOf('@');
    const task = at > 0 ? tok.slice(0, at) : '';
    const version = at > 0 ? tok.slice(at + 1) : '';
    if (!task || !version) {
      problems.add('--pack-version', undefined, `${quoteCell(tok)} is not task@version`, 'write it like legal/statute-cite@1.1.0');
      continue;
    }
    const prev = chosen.get(task);
    if (prev !== undefined && prev !== version) {
      problems.add('--pack-version', undefined, `two versions chosen for ${task}: ${prev} and ${version}`, 'choose one version per task');
      continue;
    }
    const versions = known.get(task);
    if (!versions?.has(version)) {
      const have = versions ? `its versions in the inputs: ${[...versions].sort().join(', ')}` : 'no input has this task';
      problems.add('--pack-version', undefined, `${quoteCell(tok)} matches no result (${have})`, 'check the task id and version');
      continue;
    }
    chosen.set(task, version);
  }
  return chosen;
}

function latestPerTask(results: TaskResult[]): TaskResult[] {
  const best = new Map<string, TaskResult>();
  for (const r of results) {
    const prev = best.get(r.task);
    if (!prev || laterFirst(r, prev) < 0) best.set(r.task, r);
  }
  return [...best.values()].sort((a, b) => (a.task < b.task ? -1 : a.task > b.task ? 1 : 0));
}

function makeRow(id: string, tasks: TaskResult[], warnings: string[]): MergedRow {
  const byRun = [...tasks].sort(laterFirst);
  const latest = byRun[0]!;
  for (const t of byRun) {
    const changed = (['vendor', 'origin', 'residency'] as const).filter((c) => t[c] !== latest[c]);
    if (changed.length > 0) {
      warnings.push(`${latest.model}: ${changed.map((c) => `${c} ${quoteCell(t[c])} in run ${t.runId}`).join(', ')} differs from its latest run ${latest.runId}; the latest is shown`);
      break;
    }
  }
  const runIds = [...new Set(byRun.map((t) => t.runId))];
  return { id, model: latest.model, vendor: latest.vendor, origin: latest.origin, residency: latest.residency, latestRunId: latest.runId, runIds, tasks };
}

/** Applies the merge rules; problems (bad --pack-version) are collected in `problems`. */
export function mergeRows(inputs: Inputs, opts: MergeOptions, problems: Problems, warnings: string[]): MergedRow[] {
  const chosen = chosenVersions(opts.packVersion, inputs.tasks, problems);
  const dropped = new Map<string, number>();
  const kept = inputs.tasks.filter((t) => {
    const v = chosen.get(t.task);
    if (v === undefined || v === t.version) return true;
    dropped.set(t.task, (dropped.get(t.task) ?? 0) + 1);
    return false;
  });
  for (const [task, n] of [...dropped].sort()) warnings.push(`--pack-version ${task}@${chosen.get(task)}: left out ${n} result(s) of other versions of ${task}`);

  const groups = new Map<string, TaskResult[]>();
  for (const t of kept) {
    const id = opts.allRuns ? `${t.model} @ ${t.runId}` : t.model;
    groups.set(id, [...(groups.get(id) ?? []), t]);
  }
  const rows = [...groups.keys()].sort().map((id) => makeRow(id, latestPerTask(groups.get(id)!), warnings));

  const versions = new Map<string, Map<string, string[]>>();
  for (const row of rows)
    for (const t of row.tasks) {
      const byVersion = versions.get(t.task) ?? new Map<string, string[]>();
      byVersion.set(t.version, [...(byVersion.get(t.version) ?? []), row.id]);
      versions.set(t.task, byVersion);
    }
  for (const [task, byVersion] of [...versions].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (byVersion.size < 2) continue;
    const list = [...byVersion].sort(([a], [b]) => (a < b ? -1 : 1)).map(([v, ids]) => `${v} (${ids.length} row${ids.length === 1 ? '' : 's'})`);
    warnings.push(`${task} was scored with different pack versions: ${list.join(', ')}; they are shown as separate columns, never averaged — pick one with --pack-version ${task}@VERSION`);
  }
  return rows;
}
