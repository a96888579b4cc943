/**
 * A domain's tasks: for each task its Korean title and kind, then every model with every metric
 * of the task and its 95% interval (task rows of summary.csv), and error/unparsed rates.
 * The cursor is on a (task, model) row; Enter opens that task for that model.
 */
import React from 'react'; // classic JSX when tsx compiles from another directory (no tsconfig there)
import { Box } from 'ink';
import type { ScoreRow } from '../core/summary.ts';
import { displayWidth, padDisplay, truncateDisplay } from '../text/width.ts';
import { pctInterval, ratePct } from './format.ts';
import { keyLine } from './keys.ts';
import { Line } from './Line.tsx';
import type { ResultsData } from './results-data.ts';
import { ResultsHeader } from './ResultsOverview.tsx';
import type { Segment } from './segments.ts';
import { fitColumns, tableHeader, tableRow, type Column } from './table.ts';
import { windowAround } from './viewport.ts';

export interface TaskInfo {
  title?: string;
  kind?: string;
}

export interface DomainViewProps {
  data: ResultsData;
  domain: string;
  cursor: number;
  titles: ReadonlyMap<string, TaskInfo>;
  width: number;
  height: number;
}

export interface DomainPick {
  task: string;
  model: string;
}

/** The selectable rows of a domain page, in display order. */
export function domainPicks(data: ResultsData, domain: string): DomainPick[] {
  return data.tasksOf(domain).flatMap((task) => data.models.filter((m) => data.taskRows(m.id, task).length > 0).map((m) => ({ task, model: m.id })));
}

interface MetricRow {
  model: string;
  rows: ScoreRow[];
  selected: boolean;
}

function metricColumns(data: ResultsData, task: string): Column<MetricRow>[] {
  const models = data.models.filter((m) => data.taskRows(m.id, task).length > 0);
  const metrics = data.taskRows(models[0]?.id ?? '', task).map((r) => r.metric);
  const modelWidth = Math.max(5, ...data.models.map((m) => m.id.length));
  const cols: Column<MetricRow>[] = [
    { id: 'mark', header: ' ', width: 1, priority: 0, cell: ({ selected }) => (selected ? { text: '›', color: 'cyan', bold: true } : ' ') },
    { id: 'model', header: 'model', width: Math.min(12, modelWidth), maxWidth: Math.min(32, modelWidth), priority: 0, cell: ({ model, selected }) => ({ text: model, bold: selected }) },
  ];
  metrics.forEach((metric, i) => {
    const texts = models.map((m) => data.taskRows(m.id, task).find((r) => r.metric === metric)).filter((r): r is ScoreRow => r !== undefined).map((r) => pctInterval(r.value, r.ci_low, r.ci_high));
    cols.push({
      id: metric,
      header: metric,
      width: Math.max(metric.length, ...texts.map((t) => t.length)),
      priority: i === 0 ? 0 : 1 + i,
      cell: ({ rows }) => {
        const r = rows.find((x) => x.metric === metric);
        return r ? { text: pctInterval(r.value, r.ci_low, r.ci_high), bold: i === 0 } : { text: '—', dim: true };
      },
    });
  });
  cols.push(
    { id: 'err', header: 'err%', width: 5, align: 'right', priority: 1, cell: ({ rows }) => (rows[0] ? { text: ratePct(rows[0].n_error, rows[0].n), color: rows[0].n_error > 0 ? 'red' : undefined, dim: rows[0].n_error === 0 } : '') },
    { id: 'unp', header: 'unp%', width: 5, align: 'right', priority: 1, cell: ({ rows }) => (rows[0] ? { text: ratePct(rows[0].n_unparsed, rows[0].n), color: rows[0].n_unparsed > 0 ? 'yellow' : undefined, dim: rows[0].n_unparsed === 0 } : '') },
  );
  return cols;
}

/** Task heading lines: id, Korean title, kind and items, aligned across tasks by display width. */
export function taskHeadings(data: ResultsData, tasks: string[], titles: ReadonlyMap<string, TaskInfo>): Map<string, Segment[]> {
  const idWidth = Math.max(...tasks.map((t) => displayWidth(t)));
  const titleWidth = Math.min(30, Math.max(0, ...tasks.map((t) => displayWidth(titles.get(t)?.title ?? ''))));
  const out = new Map<string, Segment[]>();
  for (const t of tasks) {
    const info = titles.get(t);
    const pack = data.pack(t);
    const rest = `${pack?.kind ?? info?.kind ?? ''}  n=${pack?.items ?? '?'}`;
    const segs: Segment[] = [{ text: padDisplay(t, idWidth), bold: true, color: 'cyan' }];
    if (titleWidth > 0) segs.push({ text: '  ' + padDisplay(truncateDisplay(info?.title ?? '', titleWidth), titleWidth) });
    segs.push({ text: '  ' + rest, dim: true });
    out.set(t, segs);
  }
  return out;
}

export function DomainView({ data, domain, cursor, titles, width, height }: DomainViewProps) {
  const tasks = data.tasksOf(domain);
  const headings = taskHeadings(data, tasks, titles);
  const lines: Array<{ segments: Segment[]; pick?: number }> = [];
  let pick = 0;
  for (const task of tasks) {
    const columns = fitColumns(metricColumns(data, task), width);
    if (lines.length > 0) lines.push({ segments: [] });
    lines.push({ segments: headings.get(task)! });
    lines.push({ segments: tableHeader(columns).map((s) => ({ ...s, bold: false, dim: true })) });
    for (const m of data.models) {
      const rows = data.taskRows(m.id, task);
      if (rows.length === 0) continue;
      lines.push({ segments: tableRow(columns, { model: m.id, rows, selected: pick === cursor }), pick });
      pick++;
    }
  }
  const room = Math.max(3, height - 7);
  const cursorLine = Math.max(0, lines.findIndex((l) => l.pick === cursor));
  const { start, end } = windowAround(cursorLine, lines.length, room);
  return (
    <Box flexDirection="column" width={width}>
      <ResultsHeader data={data} width={width} />
      <Line segments={[{ text: domain, bold: true, inverse: true }, { text: `  ${tasks.length} task${tasks.length === 1 ? '' : 's'} · every metric, % with 95% interval`, dim: true }]} />
      {lines.slice(start, end).map((l, i) => (
        <Line key={start + i} segments={l.segments} />
      ))}
      <Line segments={[]} />
      <Line segments={[{ text: start > 0 || end < lines.length ? `rows ${start + 1}–${end} of ${lines.length}` : ' ', dim: true }]} />
      <Line segments={keyLine([['↑/↓', 'model'], ['Enter', 'labels & items'], ['Esc', 'back'], ['q', 'quit']])} />
    </Box>
  );
}
