/**
 * leaderboard.md: GitHub-ready tables. Every text from a CSV goes through `escapeMarkdown`
 * (one line, `|` and markup escaped, no raw HTML); numbers are formatted by format.ts.
 */
import type { Board, BoardRow, Column } from './board.ts';
import { escapeMarkdown as md } from './escape.ts';
import {
  costText,
  dateText,
  deltaText,
  INTERVAL_NOTE,
  markerText,
  openWeightsText,
  pText,
  provenanceText,
  RANK_RULE,
  COMPARISON_METHOD,
  COMPARISON_NOTE,
  rankText,
  rateText,
  RESIDENCY_TEXT,
  scoreText,
} from './format.ts';

const table = (head: string[], align: Array<'l' | 'r'>, rows: string[][]): string[] => [
  `| ${head.join(' | ')} |`,
  `|${align.map((a) => (a === 'r' ? '---:' : '---')).join('|')}|`,
  ...rows.map((r) => `| ${r.join(' | ')} |`),
];

function boardTable(board: Board): string[] {
  const cols: Column[] = board.columns;
  const head = ['Rank', 'Model', ...(board.allRuns ? ['Run'] : []), 'Vendor', 'Origin', 'Residency', 'Open weights', ...cols.map((c) => md(c.label)), 'Unparsed', 'Errors', 'Items', 'Cost / 1k items', 'Run date'];
  const align: Array<'l' | 'r'> = ['r', 'l', ...(board.allRuns ? ['l' as const] : []), 'l', 'l', 'l', 'l', ...cols.map(() => 'r' as const), 'r', 'r', 'r', 'r', 'l'];
  const rows = board.rows.map((r: BoardRow) => {
    const overall = r.cells.get(r.overallColumn)!;
    return [
      rankText(overall),
      md(r.model),
      ...(board.allRuns ? [md(r.latestRunId)] : []),
      md(r.vendor),
      r.origin,
      RESIDENCY_TEXT[r.residency]!,
      openWeightsText(r.openWeights),
      ...cols.map((c) => {
        const cell = r.cells.get(c.id);
        return cell ? scoreText(cell) : '—';
      }),
      rateText(r.nUnparsed, r.items),
      rateText(r.nError, r.items),
      String(r.items),
      costText(r.cost),
      dateText(r.runDate),
    ];
  });
  return table(head, align, rows);
}

function comparisons(board: Board): string[] {
  if (board.comparisons.length === 0 && board.missingComparisons.length === 0) return [];
  const label = new Map(board.columns.map((c) => [c.id, c.label]));
  const out = ['', '## Sovereign models against the best global baseline', ''];
  if (board.comparisons.length > 0) {
    out.push(
      ...table(
        ['Model', 'Domain', 'Best global baseline', 'Δ ×100 [95% CI]', 'p (Holm)', 'Items', ''],
        ['l', 'l', 'l', 'r', 'r', 'r', 'l'],
        board.comparisons.map((c) => [md(c.row), md(label.get(c.column) ?? c.domain), md(c.baselineRow), `${c.approximate ? '≈' : ''}${deltaText(c)}`, pText(c.pHolm), String(c.nItems), markerText(c)]),
      ),
      '',
      `${COMPARISON_NOTE} ${COMPARISON_METHOD}`,
    );
  }
  if (board.missingComparisons.length > 0) {
    out.push('', 'Not compared:', '');
    for (const m of board.missingComparisons) out.push(`- ${md(m.row)}, ${md(label.get(m.column) ?? m.column)}: ${md(m.reason)}`);
  }
  return out;
}

export function renderMarkdown(board: Board): string {
  // Our own prose (INTERVAL_NOTE, RANK_RULE, COMPARISON_METHOD) is written as Markdown; only CSV text is escaped.
  const out = ['# kseval leaderboard', '', INTERVAL_NOTE, '', ...boardTable(board), '', RANK_RULE];
  out.push(...comparisons(board));
  out.push('', '## Columns', '', ...table(['Column', 'Tasks (pack versions)'], ['l', 'l'], board.columns.map((c) => [md(c.label), md(c.tasks.join(', '))])));
  out.push('', '## Provenance', '', ...table(['Row', 'Run: tasks@version'], ['l', 'l'], board.rows.map((r) => [md(r.id), md(provenanceText(r))])));
  if (board.warnings.length > 0) out.push('', '## Warnings', '', ...board.warnings.map((w) => `- ${md(w)}`));
  out.push(
    '',
    `Inputs: ${board.files.length} file(s) from ${board.runs.length} run(s); their sha256 are listed in leaderboard.json. Bootstrap: ${board.bootstrap} replicates, seed ${board.seed}${board.allRuns ? '; one row per model × run (--all-runs)' : '; the latest run of each model and task'}.`,
    '',
  );
  return out.join('\n');
}
