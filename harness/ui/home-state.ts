/**
 * The home screen's choices, as plain data: which tasks and models are selected, the item limit,
 * and the cursor of each section. Pure functions, so the keyboard logic is testable without a
 * terminal.
 */
import { isDefaultModel, ORIGINS, type Origin } from '../core/model.ts';
import type { TaskPack } from '../core/pack.ts';
import type { ModelEntry, RunRequest } from './deps.ts';

export type Section = 'suites' | 'models' | 'runs';
export const SECTIONS: Section[] = ['suites', 'models', 'runs'];

/** Items per task: all, or the first N (quick runs). */
export const LIMITS: Array<number | undefined> = [undefined, 5, 20, 50, 100];

export interface HomeSelection {
  section: Section;
  tasks: ReadonlySet<string>;
  models: ReadonlySet<string>;
  limit: number | undefined;
  cursor: Record<Section, number>;
}

export type SuiteEntry = { kind: 'domain'; domain: string; tasks: TaskPack[] } | { kind: 'task'; pack: TaskPack };
export type ModelListEntry = { kind: 'origin'; origin: Origin; models: ModelEntry[] } | { kind: 'model'; model: ModelEntry };

export function suiteEntries(packs: TaskPack[]): SuiteEntry[] {
  const domains = [...new Set(packs.map((p) => p.domain))].sort();
  return domains.flatMap((domain): SuiteEntry[] => {
    const tasks = packs.filter((p) => p.domain === domain).sort((a, b) => a.id.localeCompare(b.id));
    return [{ kind: 'domain', domain, tasks }, ...tasks.map((pack): SuiteEntry => ({ kind: 'task', pack }))];
  });
}

export function modelEntries(models: ModelEntry[]): ModelListEntry[] {
  return ORIGINS.flatMap((origin): ModelListEntry[] => {
    const group = models.filter((m) => m.origin === origin);
    return group.length ? [{ kind: 'origin', origin, models: group }, ...group.map((model): ModelListEntry => ({ kind: 'model', model }))] : [];
  });
}

/** As `kseval run` chooses by default: every task, the reference systems and every hosted model whose key is set. */
export function defaultSelection(packs: TaskPack[], models: ModelEntry[]): HomeSelection {
  return {
    section: 'suites',
    tasks: new Set(packs.map((p) => p.id)),
    models: new Set(models.filter((m) => isDefaultModel(m, m.keySet)).map((m) => m.id)),
    limit: undefined,
    cursor: { suites: 0, models: 0, runs: 0 },
  };
}

/** Adds every id when not all are in, else removes them all. */
function toggleAll(set: ReadonlySet<string>, ids: string[]): Set<string> {
  const out = new Set(set);
  const all = ids.every((id) => out.has(id));
  for (const id of ids) {
    if (all) out.delete(id);
    else out.add(id);
  }
  return out;
}

export function toggleSuiteEntry(sel: HomeSelection, entry: SuiteEntry): HomeSelection {
  const ids = entry.kind === 'domain' ? entry.tasks.map((t) => t.id) : [entry.pack.id];
  return { ...sel, tasks: toggleAll(sel.tasks, ids) };
}

export function toggleModelEntry(sel: HomeSelection, entry: ModelListEntry): HomeSelection {
  const ids = entry.kind === 'origin' ? entry.models.map((m) => m.id) : [entry.model.id];
  return { ...sel, models: toggleAll(sel.models, ids) };
}

export function toggleAllTasks(sel: HomeSelection, packs: TaskPack[]): HomeSelection {
  return { ...sel, tasks: toggleAll(sel.tasks, packs.map((p) => p.id)) };
}

export function toggleAllModels(sel: HomeSelection, models: ModelEntry[]): HomeSelection {
  return { ...sel, models: toggleAll(sel.models, models.map((m) => m.id)) };
}

export function nextLimit(sel: HomeSelection): HomeSelection {
  const i = LIMITS.indexOf(sel.limit);
  return { ...sel, limit: LIMITS[(i + 1) % LIMITS.length] };
}

/** Items the selection would run per model. */
export function selectedItems(sel: HomeSelection, packs: TaskPack[]): number {
  return packs.filter((p) => sel.tasks.has(p.id)).reduce((s, p) => s + (sel.limit === undefined ? p.items.length : Math.min(sel.limit, p.items.length)), 0);
}

/** The run request, or why there is none. Every task selected is sent as "all" (an empty list). */
export function runRequest(sel: HomeSelection, packs: TaskPack[], models: ModelEntry[]): RunRequest | string {
  const tasks = packs.filter((p) => sel.tasks.has(p.id)).map((p) => p.id);
  const chosen = models.filter((m) => sel.models.has(m.id)).map((m) => m.id);
  if (tasks.length === 0) return 'choose at least one task (Suites: Space)';
  if (chosen.length === 0) return 'choose at least one model (Models: Space)';
  return { tasks: tasks.length === packs.length ? [] : tasks, models: chosen, ...(sel.limit !== undefined ? { limit: sel.limit } : {}) };
}
