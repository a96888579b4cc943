/**
 * What `kseval leaderboard` writes: escaped Markdown and HTML (hostile model names), a
 * self-contained page under a strict Content-Security-Policy, leaderboard.json with the sha256
 * of every input, byte-for-byte reproducible output, and a clean publish of a real run directory
 * written by `kseval run`.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown } from '../harness/publish/escape.ts';
import { CSP, SCRIPT, STYLE } from '../harness/publish/html-assets.ts';
import { publish } from '../harness/publish/publish.ts';
import { HOSTILE, MODELS, TASKS, writeRun } from './fixtures/leaderboard/build.ts';
import { cli, FIXTURE_PACKS, tmp } from './helpers/cli.ts';

const dirs: string[] = [];
const fresh = () => {
  const d = tmp('kseval-lbo-');
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const read = (dir: string, f: string) => readFileSync(path.join(dir, f), 'utf8');

describe('escaping', () => {
  const html: Array<[string, string]> = [
    ['<script>window.__pwned=1</script>', '&lt;script&gt;window.__pwned=1&lt;/script&gt;'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    [`" onmouseover="x' &`, '&quot; onmouseover=&quot;x&#39; &amp;'],
    ['LG AI연구원', 'LG AI연구원'],
    ['a\u0000b\u2028c', 'abc'],
  ];
  it.each(html)('HTML %s', (input, want) => expect(escapeHtml(input)).toBe(want));

  const md: Array<[string, string]> = [
    ['a|b', 'a\\|b'],
    ['`code`', '\\`code\\`'],
    ['line\nbreak\r\nand\ttab', 'line break and tab'],
    ['<script>x</script>', '&lt;script&gt;x&lt;/script&gt;'],
    ['[x](javascript:y) *em* _u_ ![i](z)', '\\[x\\]\\(javascript:y\\) \\*em\\* \\_u\\_ \\!\\[i\\]\\(z\\)'],
    ['back\\slash & amp', 'back\\\\slash &amp; amp'],
    ['네이버클라우드 HyperCLOVA X', '네이버클라우드 HyperCLOVA X'],
  ];
  it.each(md)('Markdown %s', (input, want) => expect(escapeMarkdown(input)).toBe(want));
});

async function hostileBoard() {
  const root = fresh();
  writeRun(root, { runId: 'run-a', createdAt: '2026-11-01T09:00:00.000Z', models: [MODELS.exaone!, MODELS.gpt!, MODELS.lexical!], tasks: TASKS, manifest: true });
  writeRun(root, { runId: 'run-<b>|`x`', createdAt: '2026-11-02T09:00:00.000Z', models: HOSTILE, tasks: TASKS });
  const out = path.join(root, 'out');
  const res = await publish([root], { out, formats: ['md', 'html', 'json'], allRuns: false, seed: 7 });
  return { root, out, res };
}

describe('pages with hostile model names', () => {
  it('leaderboard.md: every table row keeps its columns and no raw HTML', async () => {
    const { out } = await hostileBoard();
    const mdText = read(out, 'leaderboard.md');
    expect(mdText).not.toMatch(/<script|<img|<\/|<b>/i);
    expect(mdText).toContain('&lt;script&gt;window.\\_\\_pwned=1&lt;/script&gt;');
    const lines = mdText.split('\n');
    const header = lines.find((l) => l.startsWith('| Rank |'))!;
    const cells = (l: string) => l.replace(/\\\|/g, '').split('|').length;
    const body = lines.slice(lines.indexOf(header) + 2, lines.indexOf(header) + 2 + 5);
    expect(body).toHaveLength(5);
    for (const l of body) expect(cells(l)).toBe(cells(header));
  });

  it('index.html: one constant script, allowed by hash; all CSV text escaped; nothing external', async () => {
    const { out } = await hostileBoard();
    const html = read(out, 'index.html');
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain(`<script>${SCRIPT}</script>`);
    expect(html).toContain(`<style>${STYLE}</style>`);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i); // no event-handler attribute in any tag
    expect(html).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    expect(html).toContain('run-&lt;b&gt;|`x`');
    // No attribute loads anything: no src, no href, no url(), only the SVG namespace as a URL.
    expect(html).not.toMatch(/<[a-z][^>]*\s(src|href|action|poster|srcset|xlink:href)\s*=/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html.match(/https?:\/\/[^"\s<]+/g)).toEqual(expect.arrayContaining(['http://www.w3.org/2000/svg']));
    expect(new Set(html.match(/https?:\/\/[^"\s<]+/g))).toEqual(new Set(['http://www.w3.org/2000/svg']));
    const hash = (t: string) => createHash('sha256').update(t).digest('base64');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${CSP}">`);
    expect(CSP).toContain("default-src 'none'");
    expect(CSP).toContain(`script-src 'sha256-${hash(SCRIPT)}'`);
    expect(CSP).toContain(`style-src 'sha256-${hash(STYLE)}'`);
    expect(CSP).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
    expect(html).toMatch(/@media print/);
  });

  it('leaderboard.json: schema_version, sha256 of every input, provenance of every cell', async () => {
    const { root, out } = await hostileBoard();
    const json = JSON.parse(read(out, 'leaderboard.json')) as {
      schema_version: number;
      inputs: Array<{ path: string; sha256: string; kind: string }>;
      rows: Array<{ model: string; cells: Record<string, { run_ids: string[]; tasks: string[]; interval: string }>; tasks: Array<{ run_id: string; pack_version: string }> }>;
      method: { comparison: string; rank_rule: string };
      comparisons: Array<{ method: string; approximate: boolean }>;
    };
    expect(json.schema_version).toBe(1);
    expect(json.inputs.map((i) => i.kind).sort()).toEqual(['items', 'items', 'manifest', 'summary', 'summary']);
    for (const input of json.inputs) {
      const file = path.isAbsolute(input.path) ? input.path : path.resolve(input.path);
      expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(input.sha256);
      expect(file.startsWith(root)).toBe(true);
    }
    const evil = json.rows.find((r) => r.model.startsWith('<script>'))!;
    expect(evil.cells.overall!.run_ids).toEqual(['run-<b>|`x`']);
    expect(evil.cells['domain:legal']!.tasks).toEqual(['legal/statute-cite@1.0.0', 'legal/unfair-terms@1.0.0']);
    expect(evil.tasks.every((t) => t.run_id === 'run-<b>|`x`' && t.pack_version === '1.0.0')).toBe(true);
    expect(json.method.comparison).toMatch(/approximation/);
    expect(json.comparisons.length).toBeGreaterThan(0);
    expect(json.comparisons.every((c) => c.method === 'paired-bootstrap-mean-item-score')).toBe(true);
  });

  it('is reproducible: the same inputs and seed give byte-identical pages', async () => {
    const { root, out } = await hostileBoard();
    const again = path.join(root, '..', `${path.basename(root)}-again`);
    dirs.push(again);
    await publish([root], { out: again, formats: ['md', 'html', 'json'], allRuns: false, seed: 7 });
    for (const f of ['leaderboard.md', 'index.html', 'leaderboard.json']) expect(read(again, f)).toBe(read(out, f));
  });
});

describe('publishing real run directories from `kseval run`', () => {
  it('a run directory publishes cleanly: no warnings, intervals from summary.csv, open weights from the manifest', async () => {
    const root = fresh();
    const runDir = path.join(root, 'runs', 'one');
    const run = await cli(['run', '--no-tui', '--pack', FIXTURE_PACKS, '--run-dir', runDir]);
    expect(run.code, run.err).toBe(0);
    const out = path.join(root, 'site');
    const r = await cli(['leaderboard', path.join(root, 'runs'), '--out', out]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toBe('');
    expect(r.out.trim().split('\n')).toEqual(['leaderboard.md', 'index.html', 'leaderboard.json'].map((f) => `wrote ${path.join(out, f)}`));
    const json = JSON.parse(read(out, 'leaderboard.json')) as {
      inputs: Array<{ path: string; kind: string }>;
      runs: Array<{ manifest: string | null }>;
      rows: Array<{ model: string; open_weights: boolean | null; items: number; cells: Record<string, { interval: string; ci_low: number | null }> }>;
      warnings: string[];
    };
    expect(json.warnings).toEqual([]);
    expect(json.inputs.map((i) => path.basename(i.path)).sort()).toEqual(['items.csv', 'manifest.json', 'summary.csv']);
    expect(json.runs[0]!.manifest).toMatch(/manifest\.json$/);
    expect(json.rows.map((r) => r.model).sort()).toEqual(['builtin/lexical', 'builtin/majority']);
    for (const row of json.rows) {
      expect(row.open_weights).toBe(true);
      expect(row.items).toBe(17);
      for (const cell of Object.values(row.cells)) expect(cell).toMatchObject({ interval: 'summary' });
    }
    expect(read(out, 'leaderboard.md')).toMatch(/\| 1(–2)? \| builtin\/lexical \| kseval \| reference \| local \| yes \|/);
  });

  it('two runs of the same packs: latest wins by default, one row per run with --all-runs', async () => {
    const root = fresh();
    for (const name of ['a', 'b']) expect((await cli(['run', '--no-tui', '--pack', FIXTURE_PACKS, '--run-dir', path.join(root, name), '--models', 'builtin/lexical'])).code).toBe(0);
    const latest = await publish([root], { out: path.join(root, 'latest'), formats: ['json'], allRuns: false, seed: 1 });
    expect(latest.board.rows).toHaveLength(1);
    expect(latest.board.rows[0]!.runIds).toHaveLength(1);
    const all = await publish([path.join(root, 'a'), path.join(root, 'b', 'summary.csv')], { out: path.join(root, 'all'), formats: ['md'], allRuns: true, seed: 1 });
    expect(all.board.rows.map((r) => r.id)).toHaveLength(2);
    expect(read(path.join(root, 'all'), 'leaderboard.md')).toMatch(/\| Rank \| Model \| Run \|/);
  });
});
