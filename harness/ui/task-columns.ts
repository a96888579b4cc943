/** Columns of the task page: the per-label breakdown and the item list. */
import type { Breakdown } from '../scoring/task-scoring.ts';
import { scoreBar } from './bars.ts';
import { brief } from './brief.ts';
import { pct } from './format.ts';
import { STATUS_COLOR, type Segment } from './segments.ts';
import type { Column } from './table.ts';
import type { ItemEntry } from './task-detail.ts';
import { displayWidth } from '../text/width.ts';

export interface Selectable<T> {
  value: T;
  selected: boolean;
}

const mark = (selected: boolean): Segment => (selected ? { text: '›', color: 'cyan', bold: true } : { text: ' ' });

export function breakdownColumns(rows: Breakdown[], keyName: string): Column<Selectable<Breakdown>>[] {
  const keyWidth = Math.max(keyName.length, ...rows.map((r) => displayWidth(r.key)));
  return [
    { id: 'mark', header: ' ', width: 1, priority: 0, cell: ({ selected }) => mark(selected) },
    { id: 'key', header: keyName, width: Math.min(10, keyWidth), maxWidth: Math.min(36, keyWidth), priority: 0, cell: ({ value }) => value.key },
    { id: 'p', header: 'P', width: 5, align: 'right', priority: 2, cell: ({ value }) => pct(value.precision) },
    { id: 'r', header: 'R', width: 5, align: 'right', priority: 2, cell: ({ value }) => pct(value.recall) },
    { id: 'f1', header: 'F1', width: 5, align: 'right', priority: 0, cell: ({ value }) => ({ text: pct(value.f1), bold: true }) },
    { id: 'support', header: 'support', width: 7, align: 'right', priority: 1, cell: ({ value }) => String(value.support) },
    { id: 'bar', header: '', width: 6, maxWidth: 20, priority: 3, cell: ({ value }, w) => ({ text: scoreBar(value.f1, w), color: 'blue' }) },
  ];
}


function answerCell(value: ItemEntry): Segment {
  if (!value.record) return { text: '—', dim: true };
  if (value.status === 'ok') return { text: brief(value.record.parsed) };
  return { text: brief(value.record.output ?? value.record.error?.message ?? '—'), dim: true };
}

export function itemColumns(items: ItemEntry[]): Column<Selectable<ItemEntry>>[] {
  const idWidth = Math.max(2, ...items.map((i) => displayWidth(i.id)));
  // Gold and answer columns are as wide as their longest value (up to a cap), so short labels leave room.
  const goldWidth = Math.max(4, ...items.map((i) => displayWidth(brief(i.gold))));
  const answerWidth = Math.max(6, ...items.map((i) => displayWidth(answerCell(i).text)));
  return [
    { id: 'mark', header: ' ', width: 1, priority: 0, cell: ({ selected }) => mark(selected) },
    { id: 'id', header: 'item', width: Math.min(8, idWidth), maxWidth: Math.min(24, idWidth), priority: 0, cell: ({ value, selected }) => ({ text: value.id, bold: selected }) },
    { id: 'status', header: 'status', width: 10, priority: 0, cell: ({ value }) => ({ text: value.status, color: STATUS_COLOR[value.status] }) },
    { id: 'score', header: 'score', width: 5, align: 'right', priority: 1, cell: ({ value }) => (value.score === undefined ? { text: '—', dim: true } : pct(value.score)) },
    { id: 'gold', header: 'gold', width: Math.min(10, goldWidth), maxWidth: Math.min(40, goldWidth), priority: 0, cell: ({ value }) => brief(value.gold) },
    { id: 'answer', header: 'answer', width: Math.min(10, answerWidth), maxWidth: Math.min(60, answerWidth), priority: 2, cell: ({ value }) => answerCell(value) },
  ];
}
