/**
 * `kseval run`: plan a run (packs × models), pick a reporter (Ink in a terminal, plain lines
 * otherwise), execute it, and print where the results are. Ctrl-C stops cleanly: finished
 * records are kept and the --resume command is printed.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { loadConfig } from '../config/config.ts';
import { UserError } from '../core/errors.ts';
import type { RunListener } from '../core/events.ts';
import type { TaskPack } from '../core/pack.ts';
import { buildMessages } from '../packs/prompt.ts';
import { gitCommit, harnessVersion, readManifest } from '../results/manifest.ts';
import { executeRun } from '../runner/run.ts';
import type { RunPlan } from '../runner/plan.ts';
import { createPlainReporter } from '../ui/plain-reporter.ts';
import type { CommandResult, Io } from './main.ts';
import { catalogWithBuiltins, resolveModels, presets, adapterIds } from './models-resolve.ts';
import { list, selectPacks } from './select-packs.ts';
import { TASKS_ROOT } from './packs-command.ts';
import { tokenCost } from '../core/model.ts';

export interface RunOptions {
  suite?: string;
  task?: string;
  pack?: string;
  models?: string;
  config?: string;
  concurrency?: string;
  limit?: string;
  seed?: string;
  bootstrap?: string;
  runDir?: string;
  resume?: string;
  retryErrors?: boolean;
  maxCost?: string;
  tui?: boolean;
  json?: boolean;
}

const int = (name: string, v: string | undefined, min = 0): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new UserError(`--${name} must be a whole number ≥ ${min}, got '${v}'`, { hint: `e.g. --${name} ${Math.max(min, 1)}` });
  return n;
};

export function newRunId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${createHash('sha256').update(`${now.getTime()}:${process.pid}:${Math.random()}`).digest('hex').slice(0, 6)}`;
}

/** Worst-case cost of the planned requests: every prompt character a token, every answer max_tokens long. */
export function worstCaseCost(plan: Pick<RunPlan, 'models' | 'packs'>): Map<string, { amount: number; currency: string }> {
  const out = new Map<string, { amount: number; currency: string }>();
  for (const m of plan.models) {
    const price = m.spec.pricing;
    if (!price) continue;
    let amount = 0;
    for (const pack of plan.packs)
      for (const item of pack.items) {
        const input = buildMessages(pack, item).reduce((s, x) => s + x.content.length, 0);
        amount += tokenCost(price, input, m.spec.params.max_tokens ?? 4096);
      }
    out.set(m.spec.id, { amount, currency: price.currency });
  }
  return out;
}

export async function planRun(opts: RunOptions, io: Io, env: NodeJS.ProcessEnv = process.env): Promise<RunPlan> {
  if (opts.resume) return planResume(opts, io, env);
  const config = await loadConfig(opts.config, catalogWithBuiltins(), presets(), adapterIds());
  const limit = int('limit', opts.limit, 1);
  const packs = await selectPacks({ pack: list(opts.pack), suite: list(opts.suite), task: list(opts.task), root: TASKS_ROOT, limit });
  const { models, skipped } = resolveModels(config.models, list(opts.models), env);
  const concurrency = int('concurrency', opts.concurrency, 1) ?? config.concurrency;
  const seed = int('seed', opts.seed) ?? config.seed;
  const bootstrap = int('bootstrap', opts.bootstrap, 100) ?? config.bootstrap;
  const createdAt = new Date().toISOString();
  const runId = newRunId(new Date(createdAt));
  const runDir = path.resolve(opts.runDir ?? path.join('results', 'runs', runId));
  const plan: RunPlan = {
    runId,
    runDir,
    createdAt,
    models,
    skipped,
    packs,
    concurrency,
    retries: config.retries,
    timeoutMs: config.timeoutMs,
    seed,
    bootstrap,
    errorBudget: config.errorBudget,
    retryErrors: false,
    resume: false,
    manifest: manifestBase(runId, createdAt, seed, bootstrap, concurrency, limit ?? null, config, models.map((m) => m.spec), skipped, packs, opts.config),
  };
  if (opts.maxCost !== undefined) checkCost(plan, opts.maxCost);
  if (models.length === 0) throw new UserError('no model to run', { hint: 'pass --models builtin/lexical, or set the API key env var of a catalog model (kseval models list)' });
  return plan;
}

function checkCost(plan: RunPlan, maxCost: string): void {
  const limit = Number(maxCost);
  if (!Number.isFinite(limit) || limit < 0) throw new UserError(`--max-cost must be a number, got '${maxCost}'`, { hint: 'e.g. --max-cost 20 (in each model’s pricing currency)' });
  for (const [id, cost] of worstCaseCost(plan)) {
    if (cost.amount > limit) {
      throw new UserError(`worst-case cost of ${id} is ${cost.amount.toFixed(2)} ${cost.currency}, above --max-cost ${limit}`, { hint: 'lower --limit, choose fewer tasks or raise --max-cost' });
    }
  }
}

/** Pack paths inside the working directory are stored relative, so a shipped run works from any clone. */
function portable(dir: string): string {
  const rel = path.relative(process.cwd(), path.resolve(dir));
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : path.resolve(dir);
}

function manifestBase(runId: string, createdAt: string, seed: number, bootstrap: number, concurrency: number, limit: number | null, config: Awaited<ReturnType<typeof loadConfig>>, specs: RunPlan['models'][number]['spec'][], skipped: RunPlan['skipped'], packs: TaskPack[], configFile?: string): RunPlan['manifest'] {
  return {
    schema_version: 1,
    run_id: runId,
    harness: { name: 'kseval', version: harnessVersion(), git_commit: gitCommit(), node: process.version },
    created_at: createdAt,
    seed,
    bootstrap,
    options: {
      concurrency,
      limit,
      timeout_ms: config.timeoutMs,
      retries: config.retries,
      config_file: configFile ? portable(configFile) : config.file ? portable(config.file) : null,
      task_ids: packs.map((p) => p.id),
      pack_dirs: packs.map((p) => portable(p.dir)),
    },
    models: specs,
    skipped_models: skipped,
    packs: packs.map((p) => ({ id: p.id, version: p.version, sha256: p.sha256, kind: p.kind, items: p.items.length, dir: portable(p.dir) })),
  };
}

/**
 * A path the manifest stored relative (see `portable`) was relative to the working directory of
 * the run, which a resume need not share: try that directory, then the folders above the run
 * directory (runs usually live inside the project), then kseval's own folder (shipped runs).
 */
function locate(stored: string, runDir: string): string {
  if (path.isAbsolute(stored) || existsSync(stored)) return stored;
  const roots: string[] = [];
  for (let d = path.dirname(runDir); ; d = path.dirname(d)) {
    roots.push(d);
    if (path.dirname(d) === d) break;
  }
  roots.push(fileURLToPath(new URL('../../', import.meta.url)));
  for (const root of roots) if (existsSync(path.join(root, stored))) return path.join(root, stored);
  return stored;
}

/** Resume: the same packs, models and settings as the manifest says; keys from the env again. */
async function planResume(opts: RunOptions, io: Io, env: NodeJS.ProcessEnv): Promise<RunPlan> {
  const runDir = path.resolve(opts.resume!);
  const m = readManifest(runDir);
  const config = await loadConfig(opts.config ?? (m.options.config_file ? locate(m.options.config_file, runDir) : undefined), catalogWithBuiltins(), presets(), adapterIds());
  const packs = await selectPacks({ pack: m.options.pack_dirs.map((d) => locate(d, runDir)), root: TASKS_ROOT, limit: m.options.limit ?? undefined });
  for (const p of packs) {
    const was = m.packs.find((x) => x.id === p.id);
    if (was && was.sha256 !== p.sha256) io.err(`warning: pack ${p.id} changed since the run started; its changed items are asked again`);
  }
  const specs = m.models;
  const { models, skipped } = resolveModels([...specs, ...config.models.filter((c) => !specs.some((s) => s.id === c.id))], specs.map((s) => s.id), env);
  return {
    runId: m.run_id,
    runDir,
    createdAt: m.created_at,
    models,
    skipped: [...m.skipped_models, ...skipped],
    packs,
    concurrency: int('concurrency', opts.concurrency, 1) ?? m.options.concurrency,
    retries: config.retries,
    timeoutMs: m.options.timeout_ms,
    seed: m.seed,
    bootstrap: m.bootstrap,
    errorBudget: config.errorBudget,
    retryErrors: Boolean(opts.retryErrors),
    resume: true,
    manifest: { schema_version: 1, run_id: m.run_id, harness: m.harness, created_at: m.created_at, seed: m.seed, bootstrap: m.bootstrap, options: m.options, models: m.models, skipped_models: m.skipped_models, packs: m.packs },
  };
}

export function registerRun(program: Command, io: Io, result: CommandResult): void {
  program
    .command('run')
    .description('run task packs on models (default: every pack on the built-in reference systems, plus catalog models whose key is set)')
    .option('--suite <domains>', 'comma-separated domains: legal,procurement,clinical')
    .option('--task <ids>', 'comma-separated task ids, e.g. legal/statute-cite')
    .option('--pack <dirs>', 'comma-separated pack directories (instead of tasks/)')
    .option('--models <ids>', 'comma-separated model ids (see kseval models list)')
    .option('--config <file>', 'config file (default: ./kseval.config.yaml if present)')
    .option('--concurrency <n>', 'requests in flight across all models')
    .option('--limit <n>', 'first N test items of each task')
    .option('--seed <n>', 'bootstrap seed')
    .option('--bootstrap <n>', 'bootstrap replicates (default 1000)')
    .option('--run-dir <dir>', 'where to write the run (default results/runs/<id>)')
    .option('--resume <dir>', 'finish an interrupted run without repeating finished requests')
    .option('--retry-errors', 'with --resume: ask again the items that ended in error')
    .option('--max-cost <amount>', 'refuse to start if the worst-case cost exceeds this')
    .option('--no-tui', 'plain line output even in a terminal')
    .option('--json', 'print one machine-readable summary object on stdout')
    .action(async (opts: RunOptions) => {
      if (opts.retryErrors && !opts.resume) throw new UserError('--retry-errors needs --resume DIR', { hint: 'kseval run --resume results/runs/<id> --retry-errors' });
      const plan = await planRun(opts, io);
      const controller = new AbortController();
      let interrupts = 0;
      const onSigint = () => {
        interrupts++;
        if (interrupts > 1) process.exit(130);
        controller.abort(new Error('interrupted'));
      };
      process.on('SIGINT', onSigint);
      process.on('SIGTERM', onSigint);
      try {
        const useTui = io.isTTY && opts.tui !== false && !opts.json;
        if (useTui) {
          const { runWithInk } = await import('../ui/run-entry.ts');
          result.code = await runWithInk(plan, controller);
          return;
        }
        const plain = opts.json ? () => {} : createPlainReporter((l) => io.out(l));
        let summary: unknown;
        const listen: RunListener = (e) => {
          plain(e);
          if (e.type === 'run-end') summary = e.summary;
        };
        for (const s of plan.skipped) listen({ type: 'model-skipped', model: s.id, reason: s.reason });
        const res = await executeRun(plan, listen, controller.signal);
        if (opts.json) io.out(JSON.stringify({ runDir: res.runDir, interrupted: res.interrupted, errorShare: res.errorShare, skipped: plan.skipped, summary }));
        result.code = res.exitCode;
      } finally {
        process.off('SIGINT', onSigint);
        process.off('SIGTERM', onSigint);
      }
    });
}
