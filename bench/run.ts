/**
 * `npm run bench`: kseval under load against a fake OpenAI-compatible server, side by side with
 * the floor (a bare loop of the same requests with the `openai` SDK and p-limit).
 *
 * - The fake server runs in its own process (the fake-server CLI), one per latency, so its CPU
 *   never shares the measured event loop.
 * - Every measurement runs in a fresh child process (bench/child.ts): fresh heap and JIT, its own
 *   peak RSS. kseval goes through its real runner (`planRun` + `executeRun`) with no reporter;
 *   its wall time INCLUDES the end of the run (items.csv, summary.csv with the 1,000-replicate
 *   bootstrap), and the requests phase alone is reported beside it.
 * - Bare and kseval runs alternate; short cells are repeated and the fastest of each is kept, so
 *   noise from other processes on the machine hurts both sides alike.
 *
 * Writes bench/results/<date>.json and prints a summary (copied into bench/README.md by hand).
 *
 *   npm run bench                 # the full matrix (~13 minutes on 2 cores)
 *   npm run bench -- --quick      # a smoke run: small sizes only
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, startFakeProcess, writeBenchConfig, writePack, type FakeProcess } from './setup.ts';

const { values: flags } = parseArgs({ options: { quick: { type: 'boolean', default: false }, out: { type: 'string' } } });
const QUICK = flags.quick;

const SIZES = QUICK ? [500] : [1_000, 10_000];
const CONCURRENCY = [32, 128];
const LATENCIES = [0, 50];
const MEMORY_SIZES = QUICK ? [2_000, 10_000] : [10_000, 100_000];
const MEMORY_CONCURRENCY = 32;
const SCORE_SIZE = QUICK ? 10_000 : 100_000;
const UI_SIZES = QUICK ? [500, 2_000] : [1_000, 10_000];
const repsFor = (n: number) => (n <= 1_000 ? 3 : 2);

type ChildResult = Record<string, number | string | undefined> & { wallMs: number; cpuMs: number; peakRssMb: number };

const work = mkdtempSync(path.join(tmpdir(), 'kseval-bench-'));
let seq = 0;

/** One measurement in a fresh process; `tty` gives it a pseudo-terminal (for the Ink screen). */
function child(args: string[], opts: { tty?: boolean; nodeFlags?: string[] } = {}): Promise<ChildResult> {
  const out = path.join(work, `result-${++seq}.json`);
  const argv = [...(opts.nodeFlags ?? []), path.join(ROOT, 'bin', 'run-ts.js'), path.join(ROOT, 'bench', 'child.ts'), ...args, '--out', out];
  const env = { ...process.env };
  let cmd = process.execPath;
  let cmdArgs = argv;
  if (opts.tty) {
    for (const k of Object.keys(env)) if (k === 'CI' || k === 'CONTINUOUS_INTEGRATION' || k.startsWith('CI_')) delete env[k];
    const quoted = [process.execPath, ...argv].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    cmd = 'script';
    cmdArgs = ['-qec', `stty cols 120 rows 40; ${quoted}`, '/dev/null'];
  }
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, cmdArgs, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('close', (code) => {
      if (!existsSync(out)) return reject(new Error(`bench child failed (${code}): ${args.join(' ')}\n${err.slice(-2000)}`));
      resolve(JSON.parse(readFileSync(out, 'utf8')) as ChildResult);
    });
  });
}

const packs = new Map<number, { dir: string; root: string }>();
function packFor(n: number): { dir: string; root: string } {
  let p = packs.get(n);
  if (!p) {
    const root = path.join(work, `pack-${n}`);
    p = { dir: writePack(root, n), root };
    packs.set(n, p);
  }
  return p;
}

function ksevalArgs(n: number, c: number, fake: FakeProcess, extra: string[] = []): string[] {
  const { dir, root } = packFor(n);
  const config = writeBenchConfig(root, fake.url);
  return ['--mode', 'kseval', '--pack', dir, '--config', config, '--run-dir', path.join(work, `run-${++seq}`), '--concurrency', String(c), ...extra];
}

function bareArgs(n: number, c: number, fake: FakeProcess): string[] {
  return ['--mode', 'bare', '--url', fake.url, '--pack', packFor(n).dir, '--concurrency', String(c)];
}

const fastest = (rs: ChildResult[]) => rs.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
const f = (x: number, d = 0) => x.toFixed(d);
const log = (s: string) => process.stdout.write(`${s}\n`);

interface Cell {
  latencyMs: number;
  items: number;
  concurrency: number;
  reps: number;
  bare: ChildResult;
  kseval: ChildResult;
  bareWallMs: number;
  ksevalWallMs: number;
  ksevalRequestsMs: number;
  bareRps: number;
  ksevalRps: number;
  ratio: number;
  ratioRequestsPhase: number;
  idealMs: number | null;
  efficiencyKseval: number | null;
  efficiencyBare: number | null;
}

async function main(): Promise<void> {
  const started = new Date();
  const load0 = loadavg();
  log(`kseval bench — ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${f(totalmem() / 2 ** 30, 1)} GiB, node ${process.version}, load ${load0.map((x) => f(x, 2)).join(' ')}${QUICK ? ' (quick)' : ''}`);
  const fakes = new Map<number, FakeProcess>();
  for (const l of LATENCIES) fakes.set(l, await startFakeProcess(l));
  try {
    // 1. Throughput: kseval vs the bare loop.
    const cells: Cell[] = [];
    log('\nthroughput (wall: fastest of reps; kseval includes items.csv + summary.csv with bootstrap)');
    log('latency  items  conc │ bare ms   req/s │ kseval ms  req/s  (requests phase ms) │ kseval/bare │ ideal ms  eff kseval  eff bare');
    for (const latencyMs of LATENCIES) {
      for (const items of SIZES) {
        for (const concurrency of CONCURRENCY) {
          const fake = fakes.get(latencyMs)!;
          const reps = repsFor(items);
          const bares: ChildResult[] = [];
          const ksevals: ChildResult[] = [];
          for (let r = 0; r < reps; r++) {
            bares.push(await child(bareArgs(items, concurrency, fake)));
            ksevals.push(await child(ksevalArgs(items, concurrency, fake)));
          }
          const bare = fastest(bares);
          const kseval = fastest(ksevals);
          const idealMs = latencyMs > 0 ? (items * latencyMs) / concurrency : null;
          const cell: Cell = {
            latencyMs,
            items,
            concurrency,
            reps,
            bare,
            kseval,
            bareWallMs: bare.wallMs,
            ksevalWallMs: kseval.wallMs,
            ksevalRequestsMs: Number(kseval.requestsMs),
            bareRps: items / (bare.wallMs / 1000),
            ksevalRps: items / (kseval.wallMs / 1000),
            ratio: kseval.wallMs / bare.wallMs,
            ratioRequestsPhase: Number(kseval.requestsMs) / bare.wallMs,
            idealMs,
            efficiencyKseval: idealMs === null ? null : idealMs / kseval.wallMs,
            efficiencyBare: idealMs === null ? null : idealMs / bare.wallMs,
          };
          cells.push(cell);
          log(
            `${String(latencyMs).padStart(5)}ms ${String(items).padStart(6)} ${String(concurrency).padStart(5)} │ ${f(cell.bareWallMs).padStart(7)} ${f(cell.bareRps).padStart(7)} │ ${f(cell.ksevalWallMs).padStart(9)} ${f(cell.ksevalRps).padStart(6)}  (${f(cell.ksevalRequestsMs).padStart(7)}) │ ${f(cell.ratio, 2).padStart(6)}× (${f(cell.ratioRequestsPhase, 2)}×) │ ${idealMs === null ? '       —' : f(idealMs).padStart(8)}  ${cell.efficiencyKseval === null ? '        —' : `${f(100 * cell.efficiencyKseval, 1).padStart(8)}%`}  ${cell.efficiencyBare === null ? '       —' : `${f(100 * cell.efficiencyBare, 1).padStart(7)}%`}`,
          );
        }
      }
    }

    // 1b. The runner's own overhead: kseval against its own adapter alone (the same transport, no
    // runner), so that a ratio below 1 against the floor is not read as a runner that costs nothing.
    const RUNNER_SIZE = SIZES.at(-1)!;
    const adapterRuns: ChildResult[] = [];
    const runnerRuns: ChildResult[] = [];
    for (let r = 0; r < 2; r++) {
      adapterRuns.push(await child(['--mode', 'adapter', '--url', fakes.get(0)!.url, '--pack', packFor(RUNNER_SIZE).dir, '--concurrency', '32']));
      runnerRuns.push(await child(ksevalArgs(RUNNER_SIZE, 32, fakes.get(0)!)));
    }
    const adapterOnly = fastest(adapterRuns);
    const withRunner = fastest(runnerRuns);
    const runnerOverhead = { items: RUNNER_SIZE, concurrency: 32, adapter: adapterOnly, kseval: withRunner, ratio: withRunner.wallMs / adapterOnly.wallMs, ratioRequestsPhase: Number(withRunner.requestsMs) / adapterOnly.wallMs };
    log(`\nthe runner's own cost (0 ms, ${RUNNER_SIZE} items, concurrency 32): kseval's adapter alone ${f(adapterOnly.wallMs)} ms, kseval ${f(withRunner.wallMs)} ms: ${f(runnerOverhead.ratio, 2)}× (requests phase ${f(runnerOverhead.ratioRequestsPhase, 2)}×)`);

    // 2. Peak memory: kseval alone at growing item counts (0 ms, so the run is as dense as it gets).
    log(`\npeak memory (kseval, 0 ms latency, concurrency ${MEMORY_CONCURRENCY}; RSS high-water mark VmHWM)`);
    const memory: Array<{ items: number; result: ChildResult }> = [];
    for (const items of MEMORY_SIZES) {
      const result = await child(ksevalArgs(items, MEMORY_CONCURRENCY, fakes.get(0)!));
      memory.push({ items, result });
      log(`  ${String(items).padStart(7)} items: peak ${f(result.peakRssMb)} MB (after loading the pack ${f(Number(result.peakAfterPlanMb))} MB, at the last record ${f(Number(result.peakAtLastRecordMb))} MB), wall ${f(result.wallMs / 1000, 1)} s, finalize ${f(Number(result.finalizeMs) / 1000, 1)} s`);
    }

    // The same largest run without the CLI's bound on heap growth (harness/cli/heap.ts): how much
    // of the peak would be garbage V8 chose not to collect yet (it lets the heap grow up to 4×
    // the live data when collecting is cheap).
    const unbounded = await child(ksevalArgs(MEMORY_SIZES.at(-1)!, MEMORY_CONCURRENCY, fakes.get(0)!, ['--heap-bound', 'off']));
    log(`  ${String(MEMORY_SIZES.at(-1)).padStart(7)} items, without the heap-growth bound: peak ${f(unbounded.peakRssMb)} MB (at the last record ${f(Number(unbounded.peakAtLastRecordMb))} MB), wall ${f(unbounded.wallMs / 1000, 1)} s`);

    // 3. Scoring and bootstrap alone.
    const score = await child(['--mode', 'score', '--items', String(SCORE_SIZE), '--bootstrap', '1000']);
    log(`\nscoring: summarize() over ${SCORE_SIZE} scored items, 1,000 bootstrap replicates: ${f(Number(score.oneModelMs))} ms (one model); ${f(Number(score.twoModelsPairedMs))} ms (two models + paired difference)`);

    // 4. The terminal UI's cost: the same run with no reporter, the plain reporter, the Ink screen,
    // at two sizes, so that the one-time cost (importing Ink and React through tsx, while the run
    // already competes for the CPU) separates from the cost per item (events, redraws).
    log(`\nreporters (0 ms, concurrency 32; Ink under a pseudo-terminal, 120×40)`);
    const ui: Record<string, Record<string, ChildResult>> = {};
    for (const size of UI_SIZES) {
      const at: Record<string, ChildResult> = {};
      for (let r = 0; r < 2; r++) {
        for (const reporter of ['none', 'plain', 'ink']) {
          const res = await child(ksevalArgs(size, 32, fakes.get(0)!, ['--reporter', reporter]), { tty: reporter === 'ink' });
          const prev = at[reporter];
          if (!prev || res.wallMs < prev.wallMs) at[reporter] = res;
        }
      }
      ui[String(size)] = at;
      for (const [name, res] of Object.entries(at)) {
        log(`  ${String(size).padStart(6)} items  ${name.padEnd(6)} ${f(res.wallMs)} ms, CPU ${f(res.cpuMs)} ms  (${f(res.wallMs / at.none!.wallMs, 3)}× no reporter)${res.publishes !== undefined ? `, ${res.publishes} redraws` : ''}, peak ${f(res.peakRssMb)} MB`);
      }
    }
    const [small, large] = UI_SIZES.map((n) => ui[String(n)]!);
    const extra = (at: Record<string, ChildResult>) => at.ink!.cpuMs - at.none!.cpuMs;
    const uiPerItemUs = (1000 * (extra(large!) - extra(small!))) / (UI_SIZES[1]! - UI_SIZES[0]!);
    const uiFixedMs = extra(small!) - (uiPerItemUs * UI_SIZES[0]!) / 1000;
    log(`  Ink screen, CPU beyond no reporter: ~${f(uiFixedMs)} ms once (loading Ink and React) + ~${f(uiPerItemUs, 1)} µs per item`);

    const load1 = loadavg();
    const at0 = cells.filter((c) => c.latencyMs === 0);
    const at50 = cells.filter((c) => c.latencyMs === 50);
    const worstRatio = Math.max(...at0.map((c) => c.ratio));
    const worstEff = Math.min(...at50.map((c) => c.efficiencyKseval ?? 1));
    const worstCell = at50.find((c) => c.efficiencyKseval === worstEff);
    const floorReaches = at50.filter((c) => (c.efficiencyBare ?? 0) >= 0.9);
    const peak = memory.at(-1)!;
    const targets = {
      overheadAt0ms: { target: '≤ 1.3× the bare loop', worst: worstRatio, met: worstRatio <= 1.3 },
      throughputAt50ms: { target: '≥ 90% of ideal', worst: worstEff, met: worstEff >= 0.9 },
      peakRss: { target: `< 300 MB at ${peak.items} items`, value: peak.result.peakRssMb, met: peak.result.peakRssMb < 300 },
    };
    log(`\ntargets: overhead at 0 ms ${f(worstRatio, 2)}× (${targets.overheadAt0ms.met ? 'met' : 'MISSED'}); worst efficiency at 50 ms ${f(100 * worstEff, 1)}% (${targets.throughputAt50ms.met ? 'met' : 'MISSED'}; the floor ${f(100 * (worstCell?.efficiencyBare ?? 0), 1)}% in that cell, and ≥ 90% in ${floorReaches.length} of ${at50.length} cells, where kseval has ${floorReaches.map((c) => `${f(100 * (c.efficiencyKseval ?? 0), 1)}%`).join(', ') || '—'}); peak RSS ${f(peak.result.peakRssMb)} MB at ${peak.items} (${targets.peakRss.met ? 'met' : 'MISSED'})`);
    log(`load average at the end: ${load1.map((x) => f(x, 2)).join(' ')} (other processes share these ${cpus().length} cores)`);

    const report = {
      date: started.toISOString(),
      quick: QUICK,
      machine: { cpus: cpus().length, model: cpus()[0]?.model, memGiB: totalmem() / 2 ** 30, node: process.version, platform: process.platform, loadavgStart: load0, loadavgEnd: load1 },
      method: {
        fakeServer: 'separate process (test/fake-server/main.ts --dialect openai), one per latency, on 127.0.0.1',
        kseval: 'planRun + executeRun in a fresh child process, no reporter; wall time includes finalize (items.csv, summary.csv, comparisons.csv, 1,000-replicate bootstrap); requestsMs is run start → last record',
        bare: 'the same messages with openai SDK (maxRetries 0) + p-limit in a fresh child process',
        reps: 'cells of ≤ 1,000 items: 3 alternating reps, larger cells 2; the fastest of each side is kept',
        memory: `kseval at 0 ms latency, concurrency ${MEMORY_CONCURRENCY}; peakRssMb = VmHWM of the child; the CLI's heap-growth bound (harness/cli/heap.ts) on, as in bin/kseval.js`,
      },
      throughput: cells,
      runnerOverhead,
      memory,
      memoryWithoutHeapBound: { items: MEMORY_SIZES.at(-1), result: unbounded },
      scoring: score,
      reporters: { bySize: ui, inkCpuOnceMs: uiFixedMs, inkCpuPerItemUs: uiPerItemUs },
      targets,
    };
    const outFile = flags.out ?? path.join(ROOT, 'bench', 'results', `${started.toISOString().slice(0, 10)}${QUICK ? '-quick' : ''}.json`);
    mkdirSync(path.dirname(outFile), { recursive: true });
    writeFileSync(outFile, JSON.stringify(report, null, 2) + '\n');
    log(`\nwritten: ${path.relative(ROOT, outFile)}`);
  } finally {
    await Promise.all([...fakes.values()].map((x) => x.stop()));
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
