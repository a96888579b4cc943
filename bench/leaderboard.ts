/**
 * Leaderboard publishing at scale: 200 runs (one summary.csv each) of 50 models drawn from a
 * pool of 100, over 3 domains × 2 tasks, merged into one board (latest run wins per model and
 * task, so most rows recombine tasks from several runs). Times reading + validating, merging +
 * ranking, and rendering + writing the three pages.
 *
 *   node bin/run-ts.js bench/leaderboard.ts [--runs 200] [--models 50] [--all-runs]
 */
import { mkdtempSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { stringify } from 'csv-stringify/sync';
import { ORIGINS, RESIDENCIES } from '../harness/core/model.ts';
import { publish } from '../harness/publish/publish.ts';
import { widenYoungGeneration } from '../harness/cli/heap.ts';

import { fmt, SUMMARY_COLUMNS } from '../harness/results/csv-files.ts';
import { createPrng } from '../harness/scoring/prng.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('runs', 200);
const MODELS_PER_RUN = arg('models', 50);
const POOL = 100;
const ALL_RUNS = process.argv.includes('--all-runs');
const TASKS = ['legal/statute-cite', 'legal/unfair-terms', 'procurement/notice-fields', 'procurement/contract-method', 'clinical/kcd-coding', 'clinical/deid-spans'];
const VENDORS = ['LG AI연구원', '네이버클라우드', '업스테이지', 'SK텔레콤', 'OpenAI', 'Anthropic', 'Google', 'kseval'];

function writeRuns(root: string): number {
  const prng = createPrng(42, 'bench-leaderboard');
  let bytes = 0;
  for (let r = 0; r < RUNS; r++) {
    const runId = `2026${String(1 + Math.floor(r / 28)).padStart(2, '0')}${String(1 + (r % 28)).padStart(2, '0')}T000000Z-${r.toString(16).padStart(6, '0')}`;
    const createdAt = new Date(Date.UTC(2026, 0, 1) + r * 3_600_000).toISOString();
    const rows: string[][] = [];
    const start = Math.floor(prng.next() * POOL);
    for (let k = 0; k < MODELS_PER_RUN; k++) {
      const m = (start + k) % POOL;
      const origin = m < 10 ? 'reference' : ORIGINS[m % 2];
      const base = ['1', runId, `vendor${m % 8}/model-${m}`, VENDORS[m % 8]!, origin!, RESIDENCIES[m % 3]!];
      const domains = new Map<string, number[]>();
      for (const task of TASKS) {
        const domain = task.split('/')[0]!;
        const v = Math.min(1, Math.max(0, 0.3 + (m / POOL) * 0.5 + (prng.next() - 0.5) * 0.1));
        const half = 0.05 + prng.next() * 0.05;
        const [nError, nUnparsed] = [String(Math.floor(prng.next() * 3)), String(Math.floor(prng.next() * 3))];
        const cells = (metric: string, x: number) => [...base, 'task', domain, task, metric, fmt(x), fmt(Math.max(0, x - half)), fmt(Math.min(1, x + half)), '120', nError, nUnparsed, '1.0.0', createdAt];
        rows.push(cells('f1.micro.set', v), cells('exact.set', v * 0.8));
        domains.set(domain, [...(domains.get(domain) ?? []), v]);
      }
      const means: number[] = [];
      for (const [domain, vs] of domains) {
        const mean = vs.reduce((s, x) => s + x, 0) / vs.length;
        means.push(mean);
        rows.push([...base, 'domain', domain, '', 'primary.mean', fmt(mean), fmt(Math.max(0, mean - 0.05)), fmt(Math.min(1, mean + 0.05)), '240', '0', '0', TASKS.filter((t) => t.startsWith(`${domain}/`)).map((t) => `${t}@1.0.0`).join(' '), createdAt]);
      }
      const overall = means.reduce((s, x) => s + x, 0) / means.length;
      rows.push([...base, 'overall', '', '', 'primary.mean', fmt(overall), fmt(Math.max(0, overall - 0.04)), fmt(Math.min(1, overall + 0.04)), '720', '0', '0', TASKS.map((t) => `${t}@1.0.0`).sort().join(' '), createdAt]);
    }
    const dir = path.join(root, runId);
    mkdirSync(dir);
    const text = stringify([[...SUMMARY_COLUMNS], ...rows]);
    writeFileSync(path.join(dir, 'summary.csv'), text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}

const root = mkdtempSync(path.join(tmpdir(), 'kseval-bench-lb-'));
try {
  const runs = path.join(root, 'runs');
  mkdirSync(runs);
  const bytes = writeRuns(runs);
  const t0 = performance.now();
  widenYoungGeneration(); // as `kseval leaderboard` does, just before publishing
  const res = await publish([runs], { out: path.join(root, 'site'), formats: ['md', 'html', 'json'], allRuns: ALL_RUNS, seed: 1 });
  const ms = performance.now() - t0;
  const sizes = res.written.map((f) => `${path.basename(f)} ${(statSync(f).size / 1024).toFixed(0)} KiB`).join(', ');
  const summaryRows = RUNS * MODELS_PER_RUN * (TASKS.length * 2 + 4);
  console.log(`leaderboard: ${RUNS} summary.csv (${(bytes / 1024 / 1024).toFixed(1)} MiB, ${summaryRows} rows) × ${MODELS_PER_RUN} models → ${res.board.rows.length} rows${ALL_RUNS ? ' (--all-runs)' : ''}`);
  console.log(`publish (read + validate + merge + rank + md/html/json): ${ms.toFixed(0)} ms; ${sizes}; ${res.warnings.length} warning(s)`);
  console.log(`peak RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
