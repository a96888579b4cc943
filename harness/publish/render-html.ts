/**
 * index.html: one self-contained file — no external request of any kind, works offline and
 * printed. The table is sortable and filterable by a small constant inline script; the charts
 * are inline SVG. Every text from a CSV passes `escapeHtml` (element text and double-quoted
 * attributes alike); the only script and style blocks are constants allowed by hash in the
 * page's Content-Security-Policy (html-assets.ts).
 */
import { ORIGINS, RESIDENCIES } from '../core/model.ts';
import type { Board, BoardRow, Column, ScoreCell } from './board.ts';
import { escapeHtml as h } from './escape.ts';
import { COMPARISON_METHOD, COMPARISON_NOTE, costText, dateText, deltaText, INTERVAL_NOTE, intervalText, markerText, openWeightsText, pct, pText, provenanceText, RANK_RULE, rankText, rateText, RESIDENCY_TEXT } from './format.ts';
import { CSP, SCRIPT, STYLE } from './html-assets.ts';
import { chartSvg } from './html-chart.ts';

type Sort = { type: 'num' | 'text'; first: 'asc' | 'desc' };
const th = (label: string, sort: Sort | null, cls = '', title = '') =>
  `<th${cls ? ` class="${cls}"` : ''}${title ? ` title="${h(title)}"` : ''}>${sort ? `<button type="button" data-type="${sort.type}" data-first="${sort.first}">${h(label)}</button>` : h(label)}</th>`;
const num = (v: number | null, text: string, title = '') => `<td class="num" data-v="${v === null ? '' : v}"${title ? ` title="${h(title)}"` : ''}>${text}</td>`;
const rowAttrs = (r: BoardRow, i: number) => `data-row="r${i}" data-origin="${h(r.origin)}" data-residency="${h(r.residency)}"`;

function scoreTd(cell: ScoreCell | undefined): string {
  if (!cell) return num(null, '—');
  const from = cell.sources.map((t) => `${t.task}@${t.version} ← ${t.runId}`).join('\n');
  return num(Number(cell.value.toFixed(6)), `${pct(cell.value)}<br><span class="ci">${h(intervalText(cell))}</span>`, `${from}\ninterval: ${cell.interval}`);
}

function boardTable(board: Board): string {
  const cols: Column[] = board.columns;
  const head = [
    th('Rank', { type: 'num', first: 'asc' }, 'num', RANK_RULE),
    th('Model', { type: 'text', first: 'asc' }),
    ...(board.allRuns ? [th('Run', { type: 'text', first: 'desc' })] : []),
    th('Vendor', { type: 'text', first: 'asc' }),
    th('Origin', { type: 'text', first: 'asc' }),
    th('Residency', { type: 'text', first: 'asc' }),
    th('Open weights', { type: 'text', first: 'desc' }),
    ...cols.map((c) => th(c.label, { type: 'num', first: 'desc' }, 'num', c.tasks.join('\n'))),
    th('Unparsed', { type: 'num', first: 'asc' }, 'num'),
    th('Errors', { type: 'num', first: 'asc' }, 'num'),
    th('Items', { type: 'num', first: 'desc' }, 'num'),
    th('Cost / 1k items', { type: 'num', first: 'asc' }, 'num', 'per 1,000 items with token usage; prices from the run manifest'),
    th('Run date', { type: 'text', first: 'desc' }),
    th('Runs', null),
  ];
  const body = board.rows.map((r, i) => {
    const overall = r.cells.get(r.overallColumn)!;
    const rate = (part: number) => (r.items > 0 ? Number((part / r.items).toFixed(6)) : null);
    return [
      `<tr ${rowAttrs(r, i)}>`,
      num(overall.rank[0] + overall.rank[1] / 1e4, rankText(overall)),
      `<td class="model">${h(r.model)}</td>`,
      ...(board.allRuns ? [`<td>${h(r.latestRunId)}</td>`] : []),
      `<td class="wrap-text">${h(r.vendor)}</td>`,
      `<td><span class="badge ${h(r.origin)}">${h(r.origin)}</span></td>`,
      `<td>${RESIDENCY_TEXT[r.residency]}</td>`,
      `<td>${openWeightsText(r.openWeights)}</td>`,
      ...cols.map((c) => scoreTd(r.cells.get(c.id))),
      num(rate(r.nUnparsed), rateText(r.nUnparsed, r.items)),
      num(rate(r.nError), rateText(r.nError, r.items)),
      num(r.items, String(r.items)),
      num(r.cost ? Number(r.cost.per1000Items.toFixed(6)) : null, h(costText(r.cost)), r.costNote ?? ''),
      `<td>${dateText(r.runDate)}</td>`,
      `<td class="runs">${r.runIds.map(h).join('<br>')}</td>`,
      '</tr>',
    ].join('');
  });
  return `<div class="wrap"><table id="board"><thead><tr>${head.join('')}</tr></thead><tbody>\n${body.join('\n')}\n</tbody></table></div>`;
}

function filters(board: Board): string {
  const box = (kind: string, value: string, label: string) => `<label><input type="checkbox" data-filter="${kind}" value="${value}" checked> ${h(label)}</label>`;
  const origins = ORIGINS.filter((o) => board.rows.some((r) => r.origin === o));
  const residencies = RESIDENCIES.filter((o) => board.rows.some((r) => r.residency === o));
  return [
    '<div class="controls">',
    `<fieldset><legend>Origin</legend>${origins.map((o) => box('origin', o, o)).join('')}</fieldset>`,
    `<fieldset><legend>Residency</legend>${residencies.map((o) => box('residency', o, RESIDENCY_TEXT[o]!)).join('')}</fieldset>`,
    `<span class="small">Showing <span id="shown">${board.rows.length}</span> of ${board.rows.length} rows. Click a column header to sort.</span>`,
    '</div>',
  ].join('');
}

function comparisons(board: Board): string {
  if (board.comparisons.length === 0 && board.missingComparisons.length === 0) return '';
  const label = new Map(board.columns.map((c) => [c.id, c.label]));
  const rowOf = new Map(board.rows.map((r, i) => [r.id, { r, i }]));
  const rows = board.comparisons.map((c) => {
    const { r, i } = rowOf.get(c.row)!;
    const mark = markerText(c);
    return `<tr ${rowAttrs(r, i)}><td>${h(c.row)}</td><td>${h(label.get(c.column) ?? c.domain)}</td><td>${h(c.baselineRow)}</td><td class="num">${c.approximate ? '≈' : ''}${h(deltaText(c))}</td><td class="num">${pText(c.pHolm)}</td><td class="num">${c.nItems}</td><td class="${c.delta > 0 ? 'up' : 'down'}">${mark}</td></tr>`;
  });
  const missing = board.missingComparisons.map((m) => `<li>${h(m.row)}, ${h(label.get(m.column) ?? m.column)}: ${h(m.reason)}</li>`);
  return [
    '<h2>Sovereign models against the best global baseline</h2>',
    rows.length > 0
      ? `<div class="wrap"><table id="comparisons"><thead><tr><th>Model</th><th>Domain</th><th>Best global baseline</th><th class="num">Δ ×100 [95% CI]</th><th class="num">p (Holm)</th><th class="num">Items</th><th></th></tr></thead><tbody>${rows.join('\n')}</tbody></table></div>`
      : '',
    `<p class="note">${h(`${COMPARISON_NOTE} ${COMPARISON_METHOD}`)}</p>`,
    missing.length > 0 ? `<details><summary>Not compared (${missing.length})</summary><ul>${missing.join('')}</ul></details>` : '',
  ].join('\n');
}

function details(board: Board): string {
  const cols = board.columns.map((c) => `<tr><td>${h(c.label)}</td><td class="wrap-text">${h(c.tasks.join(', '))}</td></tr>`);
  const prov = board.rows.map((r) => `<tr><td>${h(r.id)}</td><td class="wrap-text">${h(provenanceText(r))}</td></tr>`);
  const files = board.files.map((f) => `<tr><td class="wrap-text">${h(f.path)}</td><td>${f.kind}</td><td><code>${f.sha256}</code></td></tr>`);
  return [
    '<h2>Columns</h2>',
    `<table><thead><tr><th>Column</th><th>Tasks (pack versions)</th></tr></thead><tbody>${cols.join('')}</tbody></table>`,
    `<details><summary>Provenance: the run and pack version of every score</summary><table><thead><tr><th>Row</th><th>Run: tasks@version</th></tr></thead><tbody>${prov.join('')}</tbody></table></details>`,
    `<details><summary>Inputs (${board.files.length} files, sha256)</summary><table><thead><tr><th>File</th><th>Kind</th><th>sha256</th></tr></thead><tbody>${files.join('')}</tbody></table></details>`,
    board.warnings.length > 0 ? `<details><summary>Warnings (${board.warnings.length})</summary><ul>${board.warnings.map((w) => `<li>${h(w)}</li>`).join('')}</ul></details>` : '',
  ].join('\n');
}

export function renderHtml(board: Board, harnessVersion: string): string {
  const rowIndex = new Map(board.rows.map((r, i) => [r.id, i]));
  const charts = board.columns.map((c) => `<figure><figcaption>${h(c.label)}</figcaption>${chartSvg(c, board.rows, rowIndex)}</figure>`);
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="kseval ${h(harnessVersion)}">`,
    '<title>kseval leaderboard</title>',
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<h1>kseval leaderboard</h1>',
    `<p class="small">${board.rows.length} rows from ${board.runs.length} run(s), latest ${board.runs.length > 0 ? dateText(board.runs[board.runs.length - 1]!.createdAt) : '—'}.</p>`,
    `<p class="note">${h(INTERVAL_NOTE)} Bootstrap: ${board.bootstrap} replicates, seed ${board.seed}. ${board.allRuns ? 'One row per model × run.' : 'The latest run of each model and task.'}</p>`,
    filters(board),
    boardTable(board),
    `<p class="note">${h(RANK_RULE)}</p>`,
    '<h2>Scores with 95% intervals</h2>',
    '<p class="small"><span class="badge sovereign">sovereign</span> <span class="badge global">global</span> <span class="badge reference">reference</span> — whiskers: 95% interval (dashed: approximate).</p>',
    `<div class="charts">${charts.join('\n')}</div>`,
    comparisons(board),
    details(board),
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
