/**
 * The page's only style and script blocks, both constant (no CSV text ever goes into them), and
 * the Content-Security-Policy that allows exactly these two blocks by hash and nothing else: no
 * external loads of any kind, no other inline script, no inline style attributes, no forms, no
 * base URL. Even if escaping failed somewhere, an injected `<script>` or `onerror=` could not run.
 *
 * The script (a few dozen lines, no library): sortable columns (click a header; again to reverse;
 * missing values last), and filters by origin and residency that hide rows, comparison rows and
 * chart bars alike, re-stacking the bars of each chart; and opens the provenance details for printing.
 */
import { createHash } from 'node:crypto';

export const STYLE = `
:root{--sov:#0f766e;--glo:#4338ca;--ref:#6b7280;--ink:#111827;--mute:#6b7280;--line:#e5e7eb}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1600px;padding:24px;font:14px/1.45 system-ui,-apple-system,"Apple SD Gothic Neo","Noto Sans KR","Malgun Gothic","NanumGothic",sans-serif;color:var(--ink);background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}
p.note,.small{color:var(--mute);font-size:12px;max-width:110ch}
.controls{display:flex;flex-wrap:wrap;gap:18px;align-items:center;margin:14px 0;padding:10px 12px;background:#f9fafb;border:1px solid var(--line);border-radius:8px}
.controls fieldset{border:0;margin:0;padding:0;display:flex;gap:10px;align-items:center}
.controls legend{float:left;font-weight:600;margin-right:6px}
.wrap{overflow-x:auto}
table{border-collapse:collapse;font-variant-numeric:tabular-nums}
th,td{padding:4px 6px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top;white-space:nowrap}
td.wrap-text{white-space:normal;overflow-wrap:break-word;word-break:keep-all;max-width:24ch}
td.model{white-space:normal;overflow-wrap:anywhere;min-width:19ch;max-width:34ch}
#board{font-size:13px}
td.runs{white-space:nowrap;font-size:11px;color:var(--mute)}
th{background:#f3f4f6;position:sticky;top:0;font-weight:600;white-space:normal;vertical-align:bottom}
th button{all:unset;cursor:pointer;display:inline-block}
th button::after{content:"\\00a0↕";color:#9ca3af}
th[aria-sort=ascending] button::after{content:"\\00a0↑";color:var(--ink)}
th[aria-sort=descending] button::after{content:"\\00a0↓";color:var(--ink)}
th button:focus-visible{outline:2px solid var(--glo)}
td.num,th.num{text-align:right}
.ci{color:var(--mute);font-size:12px}
tbody tr:nth-child(even){background:#fafafa}
.badge{display:inline-block;padding:0 6px;border-radius:9px;font-size:12px;color:#fff}
.badge.sovereign{background:var(--sov)}.badge.global{background:var(--glo)}.badge.reference{background:var(--ref)}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(620px,1fr));gap:18px}
figure{margin:0;border:1px solid var(--line);border-radius:8px;padding:8px}
figcaption{font-weight:600;margin:0 0 4px}
svg text{font:11px system-ui,"Noto Sans KR","NanumGothic",sans-serif;fill:var(--ink)}
svg .axis text{fill:var(--mute)}
svg .grid{stroke:var(--line)}
svg .bar.sovereign rect{fill:var(--sov)}svg .bar.global rect{fill:var(--glo)}svg .bar.reference rect{fill:var(--ref)}
svg .whisker{stroke:var(--ink);stroke-width:1.5}
svg .whisker.approx{stroke-dasharray:3 2}
svg .na{fill:var(--mute)}
.up{color:#047857;font-weight:700}.down{color:#b91c1c;font-weight:700}
details{margin:8px 0}summary{cursor:pointer}
code{font-size:12px}
@media print{
  @page{size:A4 landscape;margin:10mm}
  body{padding:0;max-width:none;font-size:10px}
  .controls,th button::after{display:none}
  th{position:static}
  tr,figure{break-inside:avoid}
  .wrap{overflow:visible}
  .charts{grid-template-columns:1fr 1fr;gap:8px}
  figure svg{width:100%;height:auto}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`;

export const SCRIPT = `
(function () {
  'use strict';
  var table = document.getElementById('board');
  var body = table.tBodies[0];
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var sorted = { col: -1, dir: 1 };
  function key(row, i, num) {
    var td = row.cells[i];
    if (!num) return td.textContent.trim().toLowerCase();
    var v = td.getAttribute('data-v');
    return v === null || v === '' ? null : Number(v);
  }
  heads.forEach(function (th, i) {
    var button = th.querySelector('button');
    if (!button) return;
    button.addEventListener('click', function () {
      var num = button.getAttribute('data-type') === 'num';
      var dir = sorted.col === i ? -sorted.dir : button.getAttribute('data-first') === 'desc' ? -1 : 1;
      sorted = { col: i, dir: dir };
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = key(a, i, num), y = key(b, i, num);
        if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
        return (num ? x - y : x.localeCompare(y)) * dir;
      });
      rows.forEach(function (r) { body.appendChild(r); });
      heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
    });
  });
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input[data-filter]'));
  function apply() {
    var on = {};
    boxes.forEach(function (b) { on[b.getAttribute('data-filter') + ':' + b.value] = b.checked; });
    var shown = 0;
    document.querySelectorAll('[data-origin]').forEach(function (el) {
      var visible = on['origin:' + el.getAttribute('data-origin')] !== false && on['residency:' + el.getAttribute('data-residency')] !== false;
      if (el instanceof SVGElement) {
        if (visible) el.removeAttribute('display'); else el.setAttribute('display', 'none');
      } else el.hidden = !visible;
      if (visible && el.parentNode === body) shown++;
    });
    document.querySelectorAll('svg[data-step]').forEach(function (svg) {
      var top = Number(svg.getAttribute('data-top')), step = Number(svg.getAttribute('data-step')), k = 0;
      svg.querySelectorAll('g.bar').forEach(function (g) {
        if (g.getAttribute('display') === 'none') return;
        g.setAttribute('transform', 'translate(0,' + (top + k * step) + ')');
        k++;
      });
      var h = top + Math.max(k, 1) * step + 8;
      svg.setAttribute('height', String(h));
      svg.setAttribute('viewBox', '0 0 ' + svg.getAttribute('width') + ' ' + h);
    });
    document.getElementById('shown').textContent = String(shown);
  }
  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details').forEach(function (d) { d.open = true; });
  });
})();
`;

const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The policy for the page's `<meta http-equiv="Content-Security-Policy">`. */
export const CSP = [
  "default-src 'none'",
  `script-src ${hash(SCRIPT)}`,
  `style-src ${hash(STYLE)}`,
  "img-src 'none'",
  "font-src 'none'",
  "connect-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
