/**
 * One task for one model: every metric with its interval (summary.csv), per-label (or field,
 * entity type, sentence) precision/recall/F1 computed from the records, and the items. Tab
 * moves between the two lists; Enter on an item opens it.
 */
import React from 'react'; // classic JSX when tsx compiles from another directory (no tsconfig there)
import { Box } from 'ink';
import { pctInterval, pct } from './format.ts';
import { keyLine } from './keys.ts';
import { Line } from './Line.tsx';
import type { ResultsData } from './results-data.ts';
import { ResultsHeader } from './ResultsOverview.tsx';
import type { Segment } from './segments.ts';
import { fitColumns, tableHeader, tableRow } from './table.ts';
import { breakdownColumns, itemColumns } from './task-columns.ts';
import type { TaskDetail } from './task-detail.ts';
import { windowAround } from './viewport.ts';
import { displayWidth, truncateDisplay, wrapDisplay } from '../text/width.ts';

export type TaskPane = 'labels' | 'items';

export interface TaskViewProps {
  data: ResultsData;
  model: string;
  task: string;
  detail?: TaskDetail;
  error?: string;
  focus: TaskPane;
  labelCursor: number;
  itemCursor: number;
  width: number;
  height: number;
}

/** Metric strings packed into as few lines as fit. */
function metricLines(data: ResultsData, model: string, task: string, width: number): Segment[][] {
  const rows = data.taskRows(model, task);
  const parts: Segment[][] = rows.map((r, i) => [{ text: `${r.metric} `, dim: true }, { text: pctInterval(r.value, r.ci_low, r.ci_high), bold: i === 0 }]);
  const first = rows[0];
  if (first) parts.push([{ text: `n ${first.n}  errors ${first.n_error}  unparsed ${first.n_unparsed}`, dim: true }]);
  const lines: Segment[][] = [];
  let cur: Segment[] = [];
  let used = 0;
  for (const part of parts) {
    const w = displayWidth(part.map((p) => p.text).join(''));
    const sep = cur.length ? 3 : 0;
    if (cur.length && used + sep + w > width) {
      lines.push(cur);
      cur = [];
      used = 0;
    }
    if (cur.length) cur.push({ text: '   ' });
    cur.push(...part);
    used += (cur.length > part.length ? 3 : 0) + w;
  }
  if (cur.length) lines.push(cur);
  return lines;
}

function paneTitle(label: string, focused: boolean): Segment[] {
  return [{ text: focused ? '▸ ' : '  ', color: 'cyan', bold: true }, { text: label, bold: focused, dim: !focused }];
}

export function TaskView({ data, model, task, detail, error, focus, labelCursor, itemCursor, width, height }: TaskViewProps) {
  const metrics = metricLines(data, model, task, width);
  const title: Segment[] = [{ text: task, bold: true, inverse: true }, { text: detail?.title ? `  ${detail.title}` : '' }, { text: '  ·  ', dim: true }, { text: model, bold: true }, { text: detail?.kind ? `  (${detail.kind})` : '', dim: true }];
  const notes: string[] = [];
  if (detail?.note) notes.push(...wrapDisplay(detail.note, width));
  if (detail?.recomputed) {
    const summaryRow = data.taskRows(model, task).find((r) => r.metric === detail.recomputed!.metric);
    if (summaryRow && pct(summaryRow.value) !== pct(detail.recomputed.value)) notes.push(...wrapDisplay(`records give ${detail.recomputed.metric} ${pct(detail.recomputed.value)}, summary.csv ${pct(summaryRow.value)}: re-score with kseval score`, width));
  }
  const fixed = 2 + 1 + metrics.length + notes.length + 1 + 2 + 1 + 2 + 1 + 1;
  const rest = Math.max(4, height - fixed);
  const body: Segment[][] = [];
  if (error) body.push([{ text: truncateDisplay(`cannot read the records: ${error}`, width), color: 'red' }]);
  else if (!detail) body.push([{ text: 'reading records…', dim: true }]);
  else {
    const bd = detail.breakdown;
    const labelRoom = bd.length === 0 ? 1 : Math.min(bd.length, Math.max(2, Math.floor(rest * 0.4)));
    const itemRoom = Math.max(1, rest - labelRoom);
    body.push(paneTitle(`per ${detail.breakdownOf} (${bd.length})`, focus === 'labels'));
    if (bd.length === 0) body.push([{ text: `  no per-${detail.breakdownOf} breakdown for this kind of task`, dim: true }], []);
    else {
      const cols = fitColumns(breakdownColumns(bd, detail.breakdownOf), width);
      body.push(tableHeader(cols).map((s) => ({ ...s, bold: false, dim: true })));
      const { start, end } = windowAround(labelCursor, bd.length, labelRoom);
      for (let i = start; i < end; i++) body.push(tableRow(cols, { value: bd[i]!, selected: focus === 'labels' && i === labelCursor }));
    }
    body.push([]);
    body.push(paneTitle(`items (${detail.items.length})`, focus === 'items'));
    const cols = fitColumns(itemColumns(detail.items), width);
    body.push(tableHeader(cols).map((s) => ({ ...s, bold: false, dim: true })));
    const { start, end } = windowAround(itemCursor, detail.items.length, itemRoom);
    for (let i = start; i < end; i++) body.push(tableRow(cols, { value: detail.items[i]!, selected: focus === 'items' && i === itemCursor }));
  }
  return (
    <Box flexDirection="column" width={width}>
      <ResultsHeader data={data} width={width} />
      <Line segments={title} />
      {metrics.map((m, i) => (
        <Line key={`m${i}`} segments={m} />
      ))}
      {notes.map((n, i) => (
        <Line key={`n${i}`} segments={[{ text: n, color: 'yellow' }]} />
      ))}
      <Line segments={[]} />
      {body.map((b, i) => (
        <Line key={`b${i}`} segments={b} />
      ))}
      <Line segments={keyLine([['Tab', focus === 'labels' ? 'items' : `per ${detail?.breakdownOf ?? 'label'}`], ['↑/↓', 'move'], ['Enter', 'item'], ['Esc', 'back'], ['q', 'quit']])} />
    </Box>
  );
}
