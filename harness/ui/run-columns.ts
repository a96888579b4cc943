/** The run screen's table columns, most important first; narrow terminals drop from the end of the priority list. */
import { progressBar } from './bars.ts';
import { compact, duration, money, perSecond } from './format.ts';
import type { RunRowView } from './run-view.ts';
import type { Segment } from './segments.ts';
import type { Column } from './table.ts';

/** A row, and whether it is the first of its model (the model id is printed once per group). */
export interface RunTableRow {
  row: RunRowView;
  first: boolean;
}

const MARK: Record<RunRowView['state'], Segment> = {
  waiting: { text: '·', dim: true },
  running: { text: '›', color: 'cyan', bold: true },
  done: { text: '✓', color: 'green' },
  stopped: { text: '✗', color: 'red' },
};

const count = (n: number, color: Segment['color']): Segment => (n > 0 ? { text: compact(n), color } : { text: '0', dim: true });

export function runColumns(rows: RunRowView[], withCost: boolean): Column<RunTableRow>[] {
  const digits = Math.max(1, ...rows.map((r) => String(r.total).length));
  const modelWidth = Math.max(5, ...rows.map((r) => r.model.length));
  const domainWidth = Math.max(6, ...rows.map((r) => r.domain.length));
  const cols: Column<RunTableRow>[] = [
    { id: 'mark', header: ' ', width: 1, priority: 0, cell: ({ row }) => MARK[row.state] },
    { id: 'model', header: 'model', width: Math.min(16, modelWidth), maxWidth: Math.min(30, modelWidth), priority: 0, cell: ({ row, first }) => (first ? { text: row.model, bold: true } : '') },
    { id: 'domain', header: 'domain', width: Math.min(16, domainWidth), priority: 0, cell: ({ row }) => row.domain },
    { id: 'bar', header: 'progress', width: 10, maxWidth: 30, priority: 1, cell: ({ row }, w) => ({ text: progressBar(row.done, row.total, w), color: row.state === 'done' ? 'green' : row.state === 'stopped' ? 'red' : 'cyan' }) },
    { id: 'done', header: 'done', width: Math.max(4, 2 * digits + 1), align: 'right', priority: 0, cell: ({ row }) => `${row.done}/${row.total}` },
    { id: 'rate', header: 'req/s', width: 5, align: 'right', priority: 3, cell: ({ row }) => (row.state === 'running' ? perSecond(row.rate) : { text: '—', dim: true }) },
    { id: 'retries', header: 'retry', width: 5, align: 'right', priority: 4, cell: ({ row }) => count(row.retries, 'yellow') },
    { id: 'errors', header: 'err', width: 4, align: 'right', priority: 2, cell: ({ row }) => count(row.errors, 'red') },
    { id: 'unparsed', header: 'unp', width: 4, align: 'right', priority: 3, cell: ({ row }) => count(row.unparsed, 'yellow') },
    { id: 'tokens', header: 'tokens', width: 6, align: 'right', priority: 6, cell: ({ row }) => (row.tokens > 0 ? compact(row.tokens) : { text: '—', dim: true }) },
  ];
  if (withCost) cols.push({ id: 'cost', header: 'cost', width: 8, align: 'right', priority: 7, cell: ({ row }) => (row.cost ? money(row.cost.amount, row.cost.currency) : { text: '—', dim: true }) });
  cols.push(
    { id: 'elapsed', header: 'elapsed', width: 7, align: 'right', priority: 5, cell: ({ row }) => duration(row.elapsedMs) },
    { id: 'eta', header: 'ETA', width: 7, align: 'right', priority: 2, cell: ({ row }) => (row.state === 'done' ? { text: 'done', color: 'green' } : row.state === 'stopped' ? { text: 'stopped', color: 'red' } : duration(row.etaMs)) },
  );
  return cols;
}
