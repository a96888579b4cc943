/**
 * From validated inputs to the board: merge rows (merge.ts), plan columns (columns.ts), score
 * every cell (scores.ts), rank within each column (rank.ts), add counts and cost (cost.ts) and
 * the paired comparisons (paired.ts). Pure: no file is read or written here.
 *
 * Row order: by overall column (the most-populated first), then overall score, then row id.
 */
import type { Board, BoardRow, Inputs, ScoreCell } from './board.ts';
import { planColumns } from './columns.ts';
import { rowFacts } from './cost.ts';
import { ItemBootstrap } from './item-bootstrap.ts';
import { laterFirst, mergeRows } from './merge.ts';
import { compareToBaselines } from './paired.ts';
import type { Problems } from './problems.ts';
import { byValueDesc, rankRanges } from './rank.ts';
import { aggregateIndex, scoreCell } from './scores.ts';

export interface BoardOptions {
  allRuns: boolean;
  packVersion: string[];
  seed: number;
  bootstrap: number;
}

export function buildBoard(inputs: Inputs, opts: BoardOptions, problems: Problems): Board {
  const warnings = [...inputs.warnings];
  const merged = mergeRows(inputs, opts, problems, warnings);
  const plan = planColumns(merged, warnings);
  const boot = new ItemBootstrap(inputs.items, opts.seed, opts.bootstrap);
  const aggs = aggregateIndex(inputs);

  const rows: BoardRow[] = merged.map((m) => {
    const where = plan.rowColumns.get(m.id)!;
    const cells = new Map<string, ScoreCell>();
    for (const id of [...where.domains, where.overall]) {
      const column = plan.columns.find((c) => c.id === id)!;
      cells.set(id, { ...scoreCell(m, column, aggs, boot), rank: [0, 0] });
    }
    return { ...m, ...rowFacts(m, inputs, boot), cells, overallColumn: where.overall };
  });

  for (const column of plan.columns) {
    const having = rows.filter((r) => r.cells.has(column.id));
    const ranks = rankRanges(having.map((r) => r.cells.get(column.id)!));
    having.forEach((r, i) => (r.cells.get(column.id)!.rank = ranks[i]!));
  }

  const order = new Map(plan.columns.map((c, i) => [c.id, i]));
  rows.sort((a, b) => order.get(a.overallColumn)! - order.get(b.overallColumn)! || byValueDesc<BoardRow>((r) => r.cells.get(r.overallColumn)!.value, (r) => r.id)(a, b));

  const { comparisons, missing } = compareToBaselines(rows, plan.columns, boot);
  const runIds = new Set(rows.flatMap((r) => r.runIds));
  const runs = [...inputs.runs.values()].filter((r) => runIds.has(r.runId)).sort((a, b) => laterFirst(b, a));
  return {
    seed: opts.seed,
    bootstrap: opts.bootstrap,
    allRuns: opts.allRuns,
    packVersions: [...opts.packVersion].sort(),
    files: inputs.files,
    runs,
    columns: plan.columns,
    rows,
    comparisons,
    missingComparisons: missing,
    warnings,
  };
}
