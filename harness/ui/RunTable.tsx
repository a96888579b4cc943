/**
 * The run table: one line per model × domain. Settled rows keep the same view object between
 * snapshots, so their memoized lines are not re-rendered; when there are more rows than fit, the
 * rows still running are kept and settled ones folded into a count.
 */
import React from 'react'; // classic JSX when tsx compiles from another directory (no tsconfig there)
import { Box } from 'ink';
import { memo, useMemo } from 'react';
import { Line } from './Line.tsx';
import { runColumns, type RunTableRow } from './run-columns.ts';
import type { RunRowView } from './run-view.ts';
import { fitColumns, tableHeader, tableRow, type FittedColumn } from './table.ts';

export interface RunTableProps {
  rows: RunRowView[];
  width: number;
  /** Lines available for rows (the header line not included). */
  maxRows: number;
}

const RowLine = memo(function RowLine({ row, first, columns }: { row: RunRowView; first: boolean; columns: FittedColumn<RunTableRow>[] }) {
  return <Line segments={tableRow(columns, { row, first })} />;
});

/** Which rows to show when not all fit: every unsettled row, then the last settled ones; the rest are counted. */
export function visibleRows(rows: RunRowView[], maxRows: number): { shown: RunRowView[]; hidden: number } {
  if (rows.length <= maxRows) return { shown: rows, hidden: 0 };
  const budget = Math.max(1, maxRows - 1); // one line says how many are folded
  const keep = new Set<RunRowView>();
  for (const r of rows) if (r.state !== 'done' && keep.size < budget) keep.add(r);
  for (let i = rows.length - 1; i >= 0 && keep.size < budget; i--) keep.add(rows[i]!);
  const shown = rows.filter((r) => keep.has(r));
  return { shown, hidden: rows.length - shown.length };
}

export function RunTable({ rows, width, maxRows }: RunTableProps) {
  const withCost = rows.some((r) => r.cost !== undefined);
  // Columns depend on the run's shape (ids, totals), not on progress: computed once, so the
  // memoized lines of settled rows keep the same props and are skipped.
  const shape = `${rows.length}:${rows.map((r) => r.total).join(',')}`;
  const columns = useMemo(() => fitColumns(runColumns(rows, withCost), width), [width, withCost, shape]);
  const { shown, hidden } = visibleRows(rows, maxRows);
  return (
    <Box flexDirection="column">
      <Line segments={tableHeader(columns)} />
      {shown.map((r, i) => (
        <RowLine key={r.key} row={r} first={i === 0 || shown[i - 1]!.model !== r.model} columns={columns} />
      ))}
      {hidden > 0 ? <Line segments={[{ text: `  … ${hidden} finished row${hidden === 1 ? '' : 's'} not shown (enlarge the terminal to see all)`, dim: true }]} /> : null}
    </Box>
  );
}
