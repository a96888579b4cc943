/**
 * Score columns. A domain score is the mean of its tasks' primary metrics, so two rows' domain
 * scores are comparable only when they average the same tasks at the same pack versions. Each
 * distinct set of `task@version` within a domain is therefore its own column (an *edition*);
 * the same holds for the overall score. When every row shares one edition (the usual case) a
 * domain has one column named after it; otherwise the columns are numbered (`legal #1`,
 * `legal #2`), the most-populated first, each listing its tasks, and a warning explains why.
 */
import { taskToken, type Column, type MergedRow } from './board.ts';

export interface ColumnPlan {
  columns: Column[];
  /** Row id → the columns (domain columns, then its overall column) it has a cell in. */
  rowColumns: Map<string, { domains: string[]; overall: string }>;
}

const edition = (tokens: string[]) => tokens.join(' ');

function editions(rows: MergedRow[], scope: (row: MergedRow) => string[]): Map<string, string[]> {
  // edition key → row ids, for rows that have any task in scope
  const out = new Map<string, string[]>();
  for (const row of rows) {
    const tokens = scope(row);
    if (tokens.length === 0) continue;
    const key = edition(tokens);
    out.set(key, [...(out.get(key) ?? []), row.id]);
  }
  return out;
}

function ordered(eds: Map<string, string[]>): Array<[string, string[]]> {
  return [...eds].sort(([ka, a], [kb, b]) => b.length - a.length || (ka < kb ? -1 : ka > kb ? 1 : 0));
}

function describe(name: string, list: Array<[string, string[]]>): string {
  const parts = list.map(([key, ids], i) => `#${i + 1} = ${key.split(' ').join(', ')} (${ids.length} row${ids.length === 1 ? '' : 's'})`);
  return `${name}: rows were scored on different task sets or pack versions, so it is shown as ${list.length} columns that are not averaged together: ${parts.join('; ')}`;
}

export function planColumns(rows: MergedRow[], warnings: string[]): ColumnPlan {
  const tokensIn = (row: MergedRow, domain?: string) =>
    row.tasks
      .filter((t) => domain === undefined || t.domain === domain)
      .map((t) => taskToken(t.task, t.version))
      .sort();
  const domains = [...new Set(rows.flatMap((r) => r.tasks.map((t) => t.domain)))].sort();
  const columns: Column[] = [];
  const rowColumns = new Map<string, { domains: string[]; overall: string }>(rows.map((r) => [r.id, { domains: [], overall: '' }]));

  for (const domain of domains) {
    const list = ordered(editions(rows, (r) => tokensIn(r, domain)));
    if (list.length > 1) warnings.push(describe(`domain ${domain}`, list));
    list.forEach(([key, ids], i) => {
      const id = list.length === 1 ? `domain:${domain}` : `domain:${domain}#${i + 1}`;
      columns.push({ id, level: 'domain', domain, label: list.length === 1 ? domain : `${domain} #${i + 1}`, tasks: key.split(' ') });
      for (const rid of ids) rowColumns.get(rid)!.domains.push(id);
    });
  }

  const overall = ordered(editions(rows, (r) => tokensIn(r)));
  if (overall.length > 1) warnings.push(describe('overall', overall) + '; ranks are within each overall column');
  overall.forEach(([key, ids], i) => {
    const id = overall.length === 1 ? 'overall' : `overall#${i + 1}`;
    columns.push({ id, level: 'overall', domain: '', label: overall.length === 1 ? 'overall' : `overall #${i + 1}`, tasks: key.split(' ') });
    for (const rid of ids) rowColumns.get(rid)!.overall = id;
  });
  return { columns, rowColumns };
}
