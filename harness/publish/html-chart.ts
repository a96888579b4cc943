/**
 * Inline SVG bar charts, one per score column: a bar per model (best first) coloured by origin,
 * with its 95% interval as a whisker (dashed when approximate, absent and marked n/a when
 * unavailable). Plain SVG elements, classes styled by the page's one style block, no scripts or
 * style attributes; model names are escaped and cut to fit (the full name is in the bar's
 * `<title>`). Each bar carries the row's origin and residency so the page's filters hide it too.
 */
import { truncateDisplay } from '../text/width.ts';
import type { BoardRow, Column } from './board.ts';
import { escapeHtml as h } from './escape.ts';
import { pct, scoreText } from './format.ts';
import { byValueDesc } from './rank.ts';

const WIDTH = 640;
const LABEL_RIGHT = 232;
const PLOT_X = 240;
const PLOT_W = 330;
const TOP = 24;
const STEP = 18;
const BAR_H = 12;
const LABEL_COLUMNS = 34;

const x = (v: number) => (PLOT_X + Math.max(0, Math.min(1, v)) * PLOT_W).toFixed(1);

export function chartSvg(column: Column, rows: BoardRow[], rowIndex: Map<string, number>): string {
  const having = rows.filter((r) => r.cells.has(column.id)).sort(byValueDesc((r) => r.cells.get(column.id)!.value, (r) => r.id));
  const height = TOP + Math.max(having.length, 1) * STEP + 8;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${h(column.label)} scores with 95% intervals" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" data-top="${TOP}" data-step="${STEP}">`,
    '<g class="axis">',
  ];
  for (const t of [0, 0.25, 0.5, 0.75, 1]) {
    out.push(`<line class="grid" x1="${x(t)}" x2="${x(t)}" y1="${TOP - 6}" y2="${TOP + having.length * STEP}"/>`, `<text x="${x(t)}" y="${TOP - 10}" text-anchor="middle">${pct(t).replace('.0', '')}</text>`);
  }
  out.push('</g>');
  having.forEach((r, k) => {
    const cell = r.cells.get(column.id)!;
    const y = TOP + k * STEP;
    const mid = (BAR_H / 2 + 1).toFixed(0);
    out.push(
      `<g class="bar ${h(r.origin)}" data-row="r${rowIndex.get(r.id)}" data-origin="${h(r.origin)}" data-residency="${h(r.residency)}" transform="translate(0,${y})">`,
      `<title>${h(r.id)} — ${h(scoreText(cell))}</title>`,
      `<text x="${LABEL_RIGHT}" y="${BAR_H - 1}" text-anchor="end">${h(truncateDisplay(r.id, LABEL_COLUMNS).trimEnd())}</text>`,
      `<rect x="${PLOT_X}" y="1" width="${(Math.max(0, Math.min(1, cell.value)) * PLOT_W).toFixed(1)}" height="${BAR_H}"/>`,
    );
    let end = Number(x(cell.value));
    if (cell.ci) {
      const cls = cell.interval === 'bootstrap-approx' ? 'whisker approx' : 'whisker';
      const [lo, hi] = [x(cell.ci[0]), x(cell.ci[1])];
      out.push(
        `<line class="${cls}" x1="${lo}" x2="${hi}" y1="${mid}" y2="${mid}"/>`,
        `<line class="${cls}" x1="${lo}" x2="${lo}" y1="3" y2="${BAR_H - 1}"/>`,
        `<line class="${cls}" x1="${hi}" x2="${hi}" y1="3" y2="${BAR_H - 1}"/>`,
      );
      end = Math.max(end, Number(hi));
    }
    out.push(`<text x="${(end + 4).toFixed(1)}" y="${BAR_H - 1}">${pct(cell.value)}${cell.ci ? '' : ' <tspan class="na">(no interval)</tspan>'}</text>`, '</g>');
  });
  out.push('</svg>');
  return out.join('\n');
}
