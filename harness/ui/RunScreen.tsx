/** The run screen: overall progress, the model × domain table, why models stopped, and the keys. */
import React from 'react'; // classic JSX when tsx compiles from another directory (no tsconfig there)
import { Box } from 'ink';
import { progressBar } from './bars.ts';
import { compact, duration, money, perSecond } from './format.ts';
import { Line } from './Line.tsx';
import { RunTable } from './RunTable.tsx';
import type { ModelNote, RunView } from './run-view.ts';
import type { Segment } from './segments.ts';
import { displayWidth, padDisplay, truncateDisplay, wrapDisplay } from '../text/width.ts';

export interface RunScreenProps {
  view: RunView;
  width: number;
  height: number;
}

const NOTE_LABEL: Record<ModelNote['kind'], Segment> = {
  skipped: { text: 'skipped     ', color: 'yellow', bold: true },
  stopped: { text: 'stopped     ', color: 'red', bold: true },
  'rate-limited': { text: 'rate limit  ', color: 'yellow', bold: true },
};

const PHASE: Record<RunView['phase'], Segment> = {
  starting: { text: 'starting', color: 'cyan' },
  running: { text: 'running', color: 'cyan' },
  stopping: { text: 'stopping', color: 'yellow', bold: true },
  scoring: { text: 'scoring', color: 'cyan' },
  ended: { text: 'ended', color: 'green' },
};

function noteLines(notes: ModelNote[], width: number): Segment[][] {
  const out: Segment[][] = [];
  const modelWidth = Math.min(24, Math.max(0, ...notes.map((n) => displayWidth(n.model))));
  for (const n of notes) {
    const label = NOTE_LABEL[n.kind];
    const indent = displayWidth(label.text) + modelWidth + 2;
    const model = truncateDisplay(n.model, modelWidth);
    const lines = wrapDisplay(n.text, Math.max(10, width - indent));
    lines.forEach((l, i) => {
      out.push(i === 0 ? [label, { text: padDisplay(model, modelWidth) + '  ', bold: true }, { text: l }] : [{ text: ' '.repeat(indent) + l }]);
    });
  }
  return out;
}

function footer(view: RunView): Segment[] {
  switch (view.phase) {
    case 'stopping':
      return [{ text: 'stopping: cancelling requests in flight; finished records are kept', color: 'yellow' }, { text: '  (Ctrl-C again to quit at once)', dim: true }];
    case 'scoring':
      return [{ text: 'all items done: scoring and bootstrap intervals…', color: 'cyan' }];
    case 'ended':
      return [{ text: view.interrupted ? 'interrupted' : 'finished', color: view.interrupted ? 'yellow' : 'green' }];
    default:
      return [{ text: 'Ctrl-C', bold: true }, { text: ' stop (finished records are kept; resume later)', dim: true }];
  }
}

export function RunScreen({ view, width, height }: RunScreenProps) {
  const w = Math.max(20, width);
  const share = view.total > 0 ? Math.floor((100 * view.done) / view.total) : 0;
  const barWidth = Math.max(0, Math.min(30, w - 60));
  const stats: Segment[] = [
    ...(barWidth >= 6 ? [{ text: progressBar(view.done, view.total, barWidth) + ' ', color: 'cyan' as const }] : []),
    { text: `${view.done}/${view.total}`, bold: true },
    { text: ` ${share}%` },
    { text: `  ${perSecond(view.rate)} req/s  elapsed ${duration(view.elapsedMs)}  ETA ${duration(view.etaMs)}` },
  ];
  const counts: Segment[] = [
    { text: 'errors ', dim: true },
    { text: String(view.errors), color: view.errors > 0 ? 'red' : undefined },
    { text: '  unparsed ', dim: true },
    { text: String(view.unparsed), color: view.unparsed > 0 ? 'yellow' : undefined },
    { text: '  retries ', dim: true },
    { text: String(view.retries), color: view.retries > 0 ? 'yellow' : undefined },
    { text: '  tokens ', dim: true },
    { text: view.tokens > 0 ? compact(view.tokens) : '—' },
    ...(view.cost.length > 0 ? [{ text: '  est. cost ', dim: true }, { text: view.cost.map((c) => money(c.amount, c.currency)).join(' + ') }] : []),
    ...(view.alreadyDone > 0 ? [{ text: `  (${view.alreadyDone} done before resume)`, dim: true }] : []),
  ];
  const notes = noteLines(view.notes, w);
  // header 4 lines + table header 1 + blank 1 + notes + blank + footer 1; keep one spare line.
  const maxRows = Math.max(3, height - 9 - notes.length);
  return (
    <Box flexDirection="column" width={w}>
      <Line segments={[{ text: 'kseval run ', bold: true }, { text: view.runId, bold: true }, { text: `  ${view.models} model${view.models === 1 ? '' : 's'} × ${view.tasks} task${view.tasks === 1 ? '' : 's'}  ` }, PHASE[view.phase]]} />
      <Line segments={stats} />
      <Line segments={counts} />
      <Line segments={[{ text: truncateDisplay(`run dir: ${view.runDir}`, w), dim: true }]} />
      <Line segments={[]} />
      <RunTable rows={view.rows} width={w} maxRows={maxRows} />
      {notes.length > 0 ? <Line segments={[]} /> : null}
      {notes.map((l, i) => (
        <Line key={i} segments={l} />
      ))}
      <Line segments={[]} />
      <Line segments={footer(view)} />
    </Box>
  );
}
