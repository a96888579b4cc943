/**
 * The results screen's first page: one tab per domain (and overall). Each model's F1 with its 95%
 * interval and a bar, grouped sovereign / global / reference; for sovereign models the paired
 * difference from the best global baseline, coloured only when its interval excludes zero;
 * error and unparsed rates beside each score.
 */
import React from 'react'; // classic JSX when tsx compiles from another directory (no tsconfig there)
import { Box } from 'ink';
import { truncateDisplay, wrapDisplay } from '../text/width.ts';
import { keyLine, type KeyHint } from './keys.ts';
import { Line } from './Line.tsx';
import { domainColumns, overallColumns, type ModelUsage } from './results-columns.ts';
import { groupedModels, type ResultsData } from './results-data.ts';
import { ORIGIN_COLOR, type Segment } from './segments.ts';
import type { Origin } from '../core/model.ts';
import { fitColumns, tableHeader, tableRow } from './table.ts';
import { windowAround } from './viewport.ts';

export interface ResultsOverviewProps {
  data: ResultsData;
  /** 0..domains.length-1 a domain, domains.length = overall. */
  tab: number;
  /** Index into data.models. */
  cursor: number;
  width: number;
  height: number;
  usage?: ReadonlyMap<string, ModelUsage>;
  canGoBack?: boolean;
}

export function tabNames(data: ResultsData): string[] {
  return [...data.domains, 'overall'];
}

export function ResultsHeader({ data, width }: { data: ResultsData; width: number }) {
  return (
    <>
      <Line segments={[{ text: 'kseval results  ', bold: true }, { text: data.runId, bold: true }, { text: `  ${data.status}`, color: data.status === 'finished' ? 'green' : 'yellow' }, { text: `  ${data.models.length} models × ${data.tasks.length} tasks`, dim: true }]} />
      <Line segments={[{ text: truncateDisplay(data.dir, width), dim: true }]} />
    </>
  );
}

export function legendLines(data: ResultsData, domain: string | undefined, width: number): string[] {
  const parts = [`F1 in % with one decimal, exactly as in summary.csv; [95% bootstrap interval]. ${domain ? `A domain is the mean of its tasks' primary metrics.` : 'Overall is the mean of the domains.'}`];
  const baseline = domain ? data.baseline(domain) : undefined;
  if (baseline) parts.push(`Δ vs global: the sovereign model minus the best global baseline in ${domain} (${baseline}), paired 95% interval; coloured only when it excludes 0.`);
  parts.push('err% / unp%: share of items that failed / could not be parsed (both scored as wrong).');
  return parts.flatMap((p) => wrapDisplay(p, width));
}

export function ResultsOverview({ data, tab, cursor, width, height, usage, canGoBack }: ResultsOverviewProps) {
  const names = tabNames(data);
  const domain = tab < data.domains.length ? data.domains[tab] : undefined;
  const columns = fitColumns(domain ? domainColumns(data, domain) : overallColumns(data, usage), width);
  const tabs: Segment[] = [];
  names.forEach((n, i) => {
    tabs.push({ text: ' ' }, i === tab ? { text: `[${n}]`, inverse: true, bold: true } : { text: ` ${n} `, dim: true });
  });
  // Lines: group headings and model rows, windowed around the cursor.
  const lines: Array<{ heading?: Origin; modelIndex?: number }> = [];
  let index = 0;
  for (const g of groupedModels(data.models)) {
    lines.push({ heading: g.origin });
    for (let i = 0; i < g.models.length; i++) lines.push({ modelIndex: index++ });
  }
  const legend = legendLines(data, domain, width);
  const hints: KeyHint[] = [['←/→', 'domain'], ['↑/↓', 'model'], ...(domain ? ([['Enter', 'tasks']] as KeyHint[]) : []), ...(canGoBack ? ([['Esc', 'home'], ['q', 'quit']] as KeyHint[]) : ([['Esc/q', 'quit']] as KeyHint[]))];
  const room = Math.max(3, height - 8 - legend.length);
  const cursorLine = lines.findIndex((l) => l.modelIndex === cursor);
  const { start, end } = windowAround(Math.max(0, cursorLine), lines.length, room);
  return (
    <Box flexDirection="column" width={width}>
      <ResultsHeader data={data} width={width} />
      <Line segments={tabs} />
      <Line segments={[]} />
      <Line segments={tableHeader(columns)} />
      {lines.slice(start, end).map((l, i) =>
        l.heading ? (
          <Line key={`h${start + i}`} segments={[{ text: l.heading, bold: true, color: ORIGIN_COLOR[l.heading] }]} />
        ) : (
          <Line key={`m${l.modelIndex}`} segments={tableRow(columns, { model: data.models[l.modelIndex!]!, selected: l.modelIndex === cursor })} />
        ),
      )}
      <Line segments={[]} />
      {legend.map((t, i) => (
        <Line key={`l${i}`} segments={[{ text: t, dim: true }]} />
      ))}
      <Line segments={keyLine(hints)} />
    </Box>
  );
}
