/**
 * One measurement in a fresh process (fresh heap and JIT, its own peak RSS), driven by
 * bench/run.ts. Prints one JSON line on fd 3 if open, else the last stdout line.
 *
 *   --mode kseval  planRun + executeRun (the real runner), reporter none | plain | ink;
 *                  --heap-bound off skips the CLI's bound on V8 heap growth (harness/cli/heap.ts)
 *   --mode bare    the same requests with the openai SDK and p-limit: the floor
 *   --mode adapter the kseval openai-compatible adapter alone with p-limit (no runner)
 *   --mode score   summarize() over N scored items with the bootstrap
 */
import { setMaxListeners } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import OpenAI from 'openai';
import pLimit from 'p-limit';
import { boundHeapGrowth } from '../harness/cli/heap.ts';
import { planRun } from '../harness/cli/run-command.ts';
import type { Adapter, ChatMessage } from '../harness/core/adapter.ts';
import type { RunListener } from '../harness/core/events.ts';
import type { RunRecord } from '../harness/core/record.ts';
import type { Item, TaskPack } from '../harness/core/pack.ts';
import { OpenAICompatibleAdapter } from '../adapters/openai-compatible.ts';
import { ModelSpecSchema } from '../harness/core/model.ts';
import { buildMessages } from '../harness/packs/prompt.ts';
import { validatePack } from '../harness/packs/validate.ts';
import { executeRun } from '../harness/runner/run.ts';
import { summarize, type Outcome } from '../harness/scoring/summarize.ts';
import { createPlainReporter } from '../harness/ui/plain-reporter.ts';
import { KEY_ENV, LABELS, MODEL_ID } from './setup.ts';

const { values } = parseArgs({
  options: {
    mode: { type: 'string' },
    url: { type: 'string', default: '' },
    pack: { type: 'string', default: '' },
    config: { type: 'string', default: '' },
    'run-dir': { type: 'string', default: '' },
    items: { type: 'string', default: '0' },
    concurrency: { type: 'string', default: '32' },
    bootstrap: { type: 'string', default: '1000' },
    reporter: { type: 'string', default: 'none' },
    'heap-bound': { type: 'string', default: 'on' },
    out: { type: 'string' },
  },
});

/** Peak resident set size in MB: the kernel's high-water mark (VmHWM), else resourceUsage. */
export function peakRssMb(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}

const rssMb = () => process.memoryUsage().rss / 2 ** 20;

function report(result: Record<string, unknown>): void {
  const line = JSON.stringify({ ...result, peakRssMb: peakRssMb() });
  if (values.out) writeFileSync(values.out, line + '\n');
  else process.stdout.write(line + '\n');
}

/**
 * The Ink flow owns the run's listener, so the bench counts finished items at the adapter
 * instead (same moment, give or take the record write).
 */
function tapped(adapter: Adapter, listen: RunListener): Adapter {
  return {
    id: adapter.id,
    model: adapter.model,
    generate: async (request, signal) => {
      const g = await adapter.generate(request, signal);
      listen({ type: 'item-done', record: { status: 'ok' } as RunRecord });
      return g;
    },
  };
}

async function runKseval(): Promise<void> {
  if (values['heap-bound'] === 'on') boundHeapGrowth(); // as bin/kseval.js does before any command
  process.env[KEY_ENV] = 'bench-key';
  const io = { out: () => {}, err: (t: string) => void process.stderr.write(t), isTTY: false };
  const plan = await planRun({ pack: values.pack, models: MODEL_ID, config: values.config, concurrency: values.concurrency, runDir: values['run-dir'], bootstrap: values.bootstrap, tui: false }, io);
  const items = plan.packs.reduce((s, p) => s + p.items.length, 0);
  global.gc?.();
  const rssAfterPlan = rssMb();
  const peakAfterPlan = peakRssMb();
  let lastRecordAt = 0;
  let peakAtLastRecord = 0;
  let records = 0;
  let errors = 0;
  let retries = 0;
  const counting: RunListener = (e) => {
    if (e.type === 'item-done') {
      records++;
      if (e.record.status !== 'ok' && e.record.status !== 'unparsed') errors++;
      lastRecordAt = performance.now();
      if (records === items) peakAtLastRecord = peakRssMb();
    } else if (e.type === 'retry') retries++;
  };
  const controller = new AbortController();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let exitCode: number;
  let publishes: number | undefined;
  if (values.reporter === 'ink') {
    // The live run screen (bench/run.ts gives this process a pseudo-terminal), no results screen.
    const { runFlow } = await import('../harness/ui/run-flow.ts');
    const onDone: RunListener = counting;
    const flow = await runFlow({ ...plan, models: plan.models.map((m) => ({ ...m, adapter: tapped(m.adapter, onDone) })) }, controller, { showResults: false });
    exitCode = flow.code;
    publishes = flow.publishes;
  } else {
    const plain = values.reporter === 'plain' ? createPlainReporter((l) => void process.stdout.write(l + '\n')) : undefined;
    const listen: RunListener = (e) => {
      counting(e);
      plain?.(e);
    };
    exitCode = (await executeRun(plan, listen, controller.signal)).exitCode;
  }
  const t1 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  report({ mode: 'kseval', reporter: values.reporter, publishes, items, records, errors, retries, exitCode, wallMs: t1 - t0, requestsMs: lastRecordAt - t0, finalizeMs: t1 - lastRecordAt, cpuMs: (cpu.user + cpu.system) / 1000, rssAfterPlanMb: rssAfterPlan, peakAfterPlanMb: peakAfterPlan, peakAtLastRecordMb: peakAtLastRecord });
}

/** The pack's rendered messages, as both floors send them. */
async function benchMessages() {
  const { pack, problems } = await validatePack(values.pack);
  if (!pack) throw new Error(problems.map((p) => p.format()).join('\n'));
  return pack.items.map((item) => buildMessages(pack, item));
}

/** Sends every body through `send` under p-limit and reports wall and CPU time; a throw or `false` is a failure. */
async function timedLoop(mode: string, bodies: ChatMessage[][], send: (messages: ChatMessage[]) => Promise<boolean>): Promise<void> {
  const limit = pLimit(Number(values.concurrency));
  let failed = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    bodies.map((messages) =>
      limit(async () => {
        try {
          if (!(await send(messages))) failed++;
        } catch {
          failed++;
        }
      }),
    ),
  );
  const t1 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  report({ mode, items: bodies.length, failed, wallMs: t1 - t0, cpuMs: (cpu.user + cpu.system) / 1000 });
}

async function runBare(): Promise<void> {
  const client = new OpenAI({ apiKey: 'bench-key', baseURL: values.url, maxRetries: 0 });
  await timedLoop('bare', await benchMessages(), async (messages) => {
    const r = await client.chat.completions.create({ model: 'fake-model', messages, stream: false });
    return Boolean(r.choices[0]?.message.content);
  });
}

/** The kseval adapter alone (no runner) over the same requests: splits the overhead in two. */
async function runAdapter(): Promise<void> {
  const adapter = new OpenAICompatibleAdapter(ModelSpecSchema.parse({ id: MODEL_ID, adapter: 'openai-compatible', model: 'fake-model', baseURL: values.url, apiKeyEnv: KEY_ENV, vendor: 'Bench', origin: 'sovereign', residency: 'local', openWeights: true }), { apiKey: 'bench-key' });
  const signal = new AbortController().signal;
  setMaxListeners(0, signal);
  await timedLoop('adapter', await benchMessages(), async (messages) => {
    await adapter.generate({ messages, params: {}, timeoutMs: 60_000 }, signal);
    return true;
  });
}

/** summarize() over N synthetic scored items (half right, a few unparsed and errors). */
function runScore(): void {
  const n = Number(values.items);
  const items: Item[] = Array.from({ length: n }, (_, i) => ({ id: `s${i}`, split: 'test', input: { text: `문항 ${i}` }, gold: LABELS[i % LABELS.length]!, line: i + 1 }));
  const pack: TaskPack = {
    id: 'bench/score',
    version: '1.0.0',
    domain: 'bench',
    title: { ko: '채점', en: 'Scoring' },
    description: 'bench',
    license: 'CC0-1.0',
    kind: 'classification',
    labels: LABELS,
    prompt: { system: '', template: '{{text}}', fewshot: 0 },
    metrics: ['f1.macro', 'f1.micro', 'accuracy'],
    dir: '/dev/null',
    sha256: '0',
    items,
    fewshotItems: [],
    primaryMetric: 'f1.macro',
  };
  const outcomes = new Map<string, Outcome>();
  items.forEach((it, i) => outcomes.set(it.id, i % 50 === 0 ? { status: 'error', parsed: null } : i % 37 === 0 ? { status: 'unparsed', parsed: null } : { status: 'ok', parsed: LABELS[(i * (i % 2 ? 1 : 3)) % LABELS.length] }));
  const models = [
    { id: 'a', vendor: 'A', origin: 'sovereign' as const, residency: 'kr' as const },
    { id: 'b', vendor: 'B', origin: 'global' as const, residency: 'abroad' as const },
  ];
  const t0 = performance.now();
  const { rows } = summarize({ models: models.slice(0, 1), packs: [pack], outcome: (_m, _t, id) => outcomes.get(id), seed: 1, bootstrap: Number(values.bootstrap) });
  const t1 = performance.now();
  const paired = summarize({ models, packs: [pack], outcome: (_m, _t, id) => outcomes.get(id), seed: 1, bootstrap: Number(values.bootstrap) });
  const t2 = performance.now();
  report({ mode: 'score', items: n, bootstrap: Number(values.bootstrap), rows: rows.length, comparisons: paired.comparisons.length, oneModelMs: t1 - t0, twoModelsPairedMs: t2 - t1 });
}

if (values.mode === 'kseval') await runKseval();
else if (values.mode === 'bare') await runBare();
else if (values.mode === 'adapter') await runAdapter();
else if (values.mode === 'score') runScore();
else {
  process.stderr.write('usage: child.ts --mode kseval|bare|score ...\n');
  process.exit(2);
}
