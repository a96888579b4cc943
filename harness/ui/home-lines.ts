/** The lines of the home screen's three sections, one line per selectable entry, columns by display width. */
import type { TaskPack } from '../core/pack.ts';
import type { ModelEntry } from './deps.ts';
import type { HomeSelection, ModelListEntry, SuiteEntry } from './home-state.ts';
import type { PastRun } from './run-list.ts';
import { ORIGIN_COLOR, type Segment } from './segments.ts';
import { fitColumns, tableRow, type Column } from './table.ts';
import { displayWidth } from '../text/width.ts';

const box = (state: 'all' | 'some' | 'none'): Segment => (state === 'all' ? { text: '[x]', color: 'green', bold: true } : state === 'some' ? { text: '[-]', color: 'yellow' } : { text: '[ ]', dim: true });
const stateOf = (ids: string[], set: ReadonlySet<string>): 'all' | 'some' | 'none' => {
  const n = ids.filter((id) => set.has(id)).length;
  return n === 0 ? 'none' : n === ids.length ? 'all' : 'some';
};
const cursorMark = (on: boolean): Segment => (on ? { text: '›', color: 'cyan', bold: true } : { text: ' ' });

export function suiteLines(entries: SuiteEntry[], sel: HomeSelection, cursor: number | undefined, width: number): Segment[][] {
  const packs = entries.flatMap((e) => (e.kind === 'task' ? [e.pack] : []));
  const cols: Column<TaskPack>[] = [
    { id: 'id', header: 'task', width: Math.min(14, Math.max(4, ...packs.map((p) => displayWidth(p.id)))), maxWidth: Math.max(4, ...packs.map((p) => displayWidth(p.id))), priority: 0, cell: (p) => p.id },
    { id: 'title', header: '제목', width: Math.min(10, Math.max(4, ...packs.map((p) => displayWidth(p.title.ko)))), maxWidth: Math.max(4, ...packs.map((p) => displayWidth(p.title.ko))), priority: 2, cell: (p) => p.title.ko },
    { id: 'kind', header: 'kind', width: Math.max(4, ...packs.map((p) => p.kind.length)), priority: 3, cell: (p) => ({ text: p.kind, dim: true }) },
    { id: 'items', header: 'items', width: 9, align: 'right', priority: 1, cell: (p) => `${p.items.length} items` },
  ];
  const fitted = fitColumns(cols, Math.max(10, width - 10)); // after '› ' + indent + '[x] '
  return entries.map((e, i) => {
    const on = i === cursor;
    if (e.kind === 'domain') {
      const items = e.tasks.reduce((s, t) => s + t.items.length, 0);
      return [cursorMark(on), { text: ' ' }, box(stateOf(e.tasks.map((t) => t.id), sel.tasks)), { text: ` ${e.domain}`, bold: true, color: 'cyan' }, { text: `  ${e.tasks.length} task${e.tasks.length === 1 ? '' : 's'} · ${items} items`, dim: true }];
    }
    return [cursorMark(on), { text: '     ' }, box(sel.tasks.has(e.pack.id) ? 'all' : 'none'), { text: ' ' }, ...tableRow(fitted, e.pack)];
  });
}

function keyStatus(m: ModelEntry): Segment {
  if (!m.apiKeyEnv) return { text: 'no key needed', dim: true };
  return m.keySet ? { text: `key set (${m.apiKeyEnv})`, color: 'green' } : { text: `no key: ${m.apiKeyEnv}`, color: 'yellow' };
}

export function modelLines(entries: ModelListEntry[], sel: HomeSelection, cursor: number | undefined, width: number): Segment[][] {
  const models = entries.flatMap((e) => (e.kind === 'model' ? [e.model] : []));
  const cols: Column<ModelEntry>[] = [
    { id: 'id', header: 'model', width: Math.min(14, Math.max(5, ...models.map((m) => m.id.length))), maxWidth: Math.min(30, Math.max(5, ...models.map((m) => m.id.length))), priority: 0, cell: (m) => ({ text: m.id, bold: sel.models.has(m.id) }) },
    { id: 'vendor', header: 'vendor', width: 10, maxWidth: 24, priority: 3, cell: (m) => ({ text: m.vendor, dim: true }) },
    { id: 'residency', header: 'where', width: 6, priority: 2, cell: (m) => m.residency },
    { id: 'weights', header: 'weights', width: 6, priority: 4, cell: (m) => ({ text: m.openWeights ? 'open' : 'closed', dim: true }) },
    { id: 'key', header: 'key', width: 24, maxWidth: 40, priority: 1, cell: keyStatus },
  ];
  const fitted = fitColumns(cols, Math.max(10, width - 8)); // after '› ' + indent + '[x] '
  return entries.map((e, i) => {
    const on = i === cursor;
    if (e.kind === 'origin') {
      const n = e.models.filter((m) => sel.models.has(m.id)).length;
      return [cursorMark(on), { text: ' ' }, box(stateOf(e.models.map((m) => m.id), sel.models)), { text: ` ${e.origin}`, bold: true, color: ORIGIN_COLOR[e.origin] }, { text: `  ${n} of ${e.models.length} selected`, dim: true }];
    }
    return [cursorMark(on), { text: '   ' }, box(sel.models.has(e.model.id) ? 'all' : 'none'), { text: ' ' }, ...tableRow(fitted, e.model)];
  });
}

export function runLines(runs: PastRun[], cursor: number | undefined, width: number): Segment[][] {
  const cols: Column<PastRun>[] = [
    { id: 'id', header: 'run', width: Math.max(3, ...runs.map((r) => r.id.length)), priority: 0, cell: (r) => ({ text: r.id, bold: true }) },
    { id: 'status', header: 'status', width: 11, priority: 1, cell: (r) => (r.problem ? { text: 'unreadable', color: 'red' } : { text: r.status ?? '', color: r.status === 'finished' ? 'green' : 'yellow' }) },
    { id: 'date', header: 'started', width: 16, priority: 3, cell: (r) => ({ text: r.createdAt ? r.createdAt.slice(0, 16).replace('T', ' ') : '', dim: true }) },
    { id: 'size', header: 'size', width: 20, maxWidth: 60, priority: 2, cell: (r) => (r.problem ? { text: r.problem, dim: true } : `${r.models} model${r.models === 1 ? '' : 's'} × ${r.tasks} task${r.tasks === 1 ? '' : 's'}`) },
  ];
  const fitted = fitColumns(cols, Math.max(10, width - 2));
  return runs.map((r, i) => [cursorMark(i === cursor), { text: ' ' }, ...tableRow(fitted, r)]);
}
