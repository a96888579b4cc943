/**
 * The runner: models × tasks × test items under a global and a per-model concurrency limit,
 * records appended as each item finishes, resumable, and scores derived from records at the
 * end. It emits events and never knows who listens (no UI code here).
 */
import { setMaxListeners } from 'node:events';
import { closeSync, existsSync, openSync, readdirSync } from 'node:fs';
import path from 'node:path';
import pLimit from 'p-limit';
import { AdapterError, UserError } from '../core/errors.ts';
import { linkAbort } from '../core/abort-link.ts';
import type { PlannedModel, RunListener } from '../core/events.ts';
import { asksAgain, type RunRecord } from '../core/record.ts';
import type { RunSummary } from '../core/summary.ts';
import { buildMessages } from '../packs/prompt.ts';
import { writeComparisonsCsv, writeItemsCsv, writeSummaryCsv, itemRow } from '../results/csv-files.ts';
import { ensureDir } from '../results/atomic.ts';
import { writeManifest } from '../results/manifest.ts';
import { RECORDS_FILE, RecordsWriter, parseRecord, readRecordAt, recordLines, repairTail, unitId } from '../results/records-file.ts';
import { scoreTask, summarize } from '../scoring/summarize.ts';
import { attemptWithRetries } from './attempt.ts';
import { Lane, laneMax } from './lane.ts';
import { STOPS_MODEL, buildRecord } from './outcome.ts';
import type { ResolvedModel, RunPlan, RunResult } from './plan.ts';
import { requestKey } from './request-key.ts';
import { OutcomeTable, stored, type Stored } from './outcome-table.ts';
import { tokenCost } from '../core/model.ts';

interface Unit {
  model: number;
  pack: number;
  item: number;
}

function stopReason(model: ResolvedModel, e: AdapterError): string {
  const env = model.spec.apiKeyEnv;
  const reasons: Record<string, string> = {
    auth: `authentication failed${e.status ? ` (${e.status})` : ''}: check ${env ?? 'the API key'}`,
    forbidden: `access denied${e.status ? ` (${e.status})` : ''}: the key in ${env ?? 'the env'} may lack access to '${model.spec.model}'`,
    not_found: `model or endpoint not found${e.status ? ` (${e.status})` : ''}: check model '${model.spec.model}' and baseURL`,
    quota: `quota or spend limit reached${e.status ? ` (${e.status})` : ''}: raise the limit or wait`,
  };
  return reasons[e.code] ?? e.message;
}

export async function executeRun(plan: RunPlan, listen: RunListener, callerSignal: AbortSignal): Promise<RunResult> {
  const { runDir, packs, models } = plan;
  ensureDir(runDir);
  const recordsFile = path.join(runDir, RECORDS_FILE);
  if (!plan.resume && existsSync(recordsFile)) {
    throw new UserError('the run directory already holds records', { file: runDir, hint: `resume it with --resume ${runDir}, or choose another --run-dir` });
  }
  if (!plan.resume && readdirSync(runDir).some((f) => !f.startsWith('.'))) {
    throw new UserError('the run directory is not empty', { file: runDir, hint: 'choose an empty or new --run-dir' });
  }

  // One signal inside the run. Requests link to it through one listener (core/abort-link.ts),
  // but every lane waiter and retry wait listens to it too: at concurrency 128 that can pass
  // Node's default of 10 abort listeners, whose warning would otherwise land on stderr mid-run.
  const inner = new AbortController();
  setMaxListeners(0, inner.signal);
  const unlinkCaller = linkAbort(callerSignal, inner);
  const signal = inner.signal;

  // What earlier attempts of this run finished (resume): the last record of each unit wins.
  repairTail(recordsFile);
  const previous = new Map<string, { key: string; status: string; attempts: number; stored: Stored }>();
  let lines = 0;
  for (const l of recordLines(recordsFile)) {
    lines = l.line;
    if (!l.text.trim()) continue;
    const r = parseRecord(l.text, recordsFile, l.line);
    previous.set(unitId(r), { key: r.key, status: r.status, attempts: r.attempts, stored: stored(r.status, r.parsed, l) });
  }

  // Plan units; reuse a finished record only if its request key is unchanged.
  const outcomes = new OutcomeTable(models.length, packs.map((p) => p.items.length));
  let alreadyDone = 0;
  const remaining = models.map(() => packs.map(() => 0)); // [model][pack] → units left
  models.forEach((m, mi) =>
    packs.forEach((pack, pi) => {
      pack.items.forEach((item, ii) => {
        const prev = previous.size ? previous.get(unitId({ model: m.spec.id, task: pack.id, item_id: item.id })) : undefined;
        const redo = !prev || asksAgain(prev, plan.retryErrors) || prev.key !== requestKey(m.spec, buildMessages(pack, item), m.spec.params);
        if (redo) {
          remaining[mi]![pi]!++;
        } else {
          outcomes.set(mi, pi, ii, prev.stored);
          alreadyDone++;
        }
      });
    }),
  );
  previous.clear(); // not held through the run

  const planned: PlannedModel[] = models.map((m) => ({ id: m.spec.id, vendor: m.spec.vendor, origin: m.spec.origin, residency: m.spec.residency }));
  const total = models.length * packs.reduce((s, p) => s + p.items.length, 0);
  writeManifest(runDir, { ...plan.manifest, status: 'running', finished_at: null });
  listen({ type: 'run-start', runId: plan.runId, runDir, models: planned, tasks: packs.map((p) => ({ id: p.id, domain: p.domain, version: p.version, items: p.items.length })), total, alreadyDone, startedAt: plan.createdAt });

  const writer = new RecordsWriter(recordsFile, lines);
  const global = pLimit(plan.concurrency);
  const stopped = new Map<number, AdapterError>();

  const finish = (unit: Unit, record: RunRecord) => {
    outcomes.set(unit.model, unit.pack, unit.item, stored(record.status, record.parsed, writer.append(record)));
    listen({ type: 'item-done', record });
    if (--remaining[unit.model]![unit.pack]! === 0) emitTaskDone(unit.model, unit.pack);
  };

  const emitTaskDone = (mi: number, pi: number) => {
    const pack = packs[pi]!;
    const { scoring, sum, nError, nUnparsed } = scoreTask(pack, (_id, ii) => outcomes.get(mi, pi, ii));
    const value = scoring.metrics[pack.primaryMetric]!(sum);
    listen({ type: 'task-done', model: models[mi]!.spec.id, task: pack.id, primary: pack.primaryMetric, value, n: pack.items.length, nError, nUnparsed });
  };

  const runUnit = async (unit: Unit, lane: Lane) => {
    const model = models[unit.model]!;
    const pack = packs[unit.pack]!;
    const item = pack.items[unit.item]!;
    const messages = buildMessages(pack, item);
    const params = model.spec.params;
    const ctx = { runId: plan.runId, model: model.spec.id, pack, item, key: requestKey(model.spec, messages, params), messages, params, startedAt: new Date().toISOString() };
    const stop = stopped.get(unit.model);
    if (stop) {
      const e = new AdapterError({ code: stop.code, status: stop.status, retryable: false, message: `not attempted: ${stopReason(model, stop)}` });
      finish(unit, buildRecord(ctx, { ok: false, error: e, attempts: 0 }));
      return;
    }
    const result = await attemptWithRetries(model.adapter, { messages, params, task: { pack, item }, timeoutMs: model.spec.timeoutMs ?? plan.timeoutMs }, plan.retries, signal, {
      onRetry: (attempt, delayMs, error) => listen({ type: 'retry', model: model.spec.id, task: pack.id, itemId: item.id, attempt, delayMs, code: error.code, status: error.status }),
      onRateLimited: () => lane.rateLimited(),
    });
    if (!result.ok && result.error.code === 'aborted') return; // interrupted: no record, resumed later
    if (result.ok) lane.succeeded();
    else if (STOPS_MODEL.has(result.error.code) && !stopped.has(unit.model)) {
      stopped.set(unit.model, result.error);
      listen({ type: 'model-failed', model: model.spec.id, reason: stopReason(model, result.error), code: result.error.code });
    }
    finish(unit, buildRecord(ctx, result));
  };

  const lanes = models.map((m, mi) => {
    const max = laneMax(m.spec.concurrency, plan.concurrency);
    return new Lane(max, m.spec.rpm, (limit, reason) => listen({ type: 'concurrency', model: models[mi]!.spec.id, limit, reason }));
  });

  // Each model walks the plan in order with a cursor, skipping units whose records were reused:
  // no queue of units is built (a 100,000-item run would hold one object per item).
  const cursors = models.map(() => ({ pack: 0, item: 0 }));
  const nextUnit = (mi: number): Unit | undefined => {
    const c = cursors[mi]!;
    while (c.pack < packs.length) {
      if (c.item >= packs[c.pack]!.items.length) {
        c.pack++;
        c.item = 0;
        continue;
      }
      const item = c.item++;
      if (!outcomes.get(mi, c.pack, item)) return { model: mi, pack: c.pack, item };
    }
    return undefined;
  };
  const worker = async (mi: number) => {
    const lane = lanes[mi]!;
    for (;;) {
      if (signal.aborted) return;
      // A stopped model's remaining items are recorded at once: no pacing, no slot.
      if (stopped.has(mi)) {
        const unit = nextUnit(mi);
        if (!unit) return;
        await runUnit(unit, lane);
        continue;
      }
      try {
        await lane.acquire(signal);
      } catch {
        return;
      }
      const unit = nextUnit(mi);
      if (!unit) {
        lane.release();
        return;
      }
      try {
        await global(() => (signal.aborted ? undefined : runUnit(unit, lane)));
      } finally {
        lane.release();
      }
    }
  };

  // Models with nothing left still report their task scores (resume of a finished model).
  remaining.forEach((byPack, mi) => byPack.forEach((left, pi) => left === 0 && emitTaskDone(mi, pi)));
  await Promise.all(models.flatMap((_, mi) => Array.from({ length: lanes[mi]!.max }, () => worker(mi))));
  writer.close();
  unlinkCaller();

  const interrupted = signal.aborted;
  const summary = finalize(plan, planned, outcomes, stopped);
  writeManifest(runDir, { ...plan.manifest, status: interrupted ? 'interrupted' : 'finished', finished_at: new Date().toISOString() });
  const errors = summary.models.reduce((s, m) => s + m.errors, 0);
  const errorShare = total === 0 ? 0 : errors / total;
  listen({ type: 'run-end', summary, runDir, interrupted });
  return { runDir, interrupted, errorShare, exitCode: interrupted || errorShare > plan.errorBudget ? 1 : 0 };
}

/** Derives items.csv and summary.csv from records (never from memory alone). */
function finalize(
  plan: RunPlan,
  planned: PlannedModel[],
  outcomes: OutcomeTable,
  stopped: Map<number, AdapterError>,
): RunSummary {
  const { runDir, packs, models } = plan;
  // Records are streamed, never held: each unit's last record is read back from where it was
  // written (or found, on resume), in plan order, straight into items.csv. A 100k-item run
  // holds a byte range per item, not its prompts.
  const file = path.join(runDir, RECORDS_FILE);
  const counts = models.map(() => ({ items: 0, ok: 0, errors: 0, unparsed: 0, input: 0, output: 0 }));
  const fd = openSync(file, 'r');
  function* rows(): Generator<string[]> {
    for (const [mi, m] of models.entries()) {
      const c = counts[mi]!;
      for (const [pi, pack] of packs.entries()) {
        for (let ii = 0; ii < pack.items.length; ii++) {
          c.items++;
          const at = outcomes.get(mi, pi, ii);
          if (!at) {
            c.errors++;
            continue;
          }
          const r = readRecordAt(fd, at, file);
          if (r.status === 'ok') c.ok++;
          else if (r.status === 'unparsed') c.unparsed++;
          else c.errors++;
          c.input += r.usage?.input_tokens ?? 0;
          c.output += r.usage?.output_tokens ?? 0;
          yield itemRow(r, m.spec, r.scores.score ?? 0);
        }
      }
    }
  }
  try {
    writeItemsCsv(path.join(runDir, 'items.csv'), rows());
  } finally {
    closeSync(fd);
  }
  const scored = summarize({ models: planned, packs, outcome: (mi, pi, _id, ii) => outcomes.get(mi, pi, ii), seed: plan.seed, bootstrap: plan.bootstrap });
  writeSummaryCsv(path.join(runDir, 'summary.csv'), plan.runId, plan.createdAt, scored.rows);
  writeComparisonsCsv(path.join(runDir, 'comparisons.csv'), plan.runId, scored.comparisons);
  return {
    runId: plan.runId,
    createdAt: plan.createdAt,
    seed: plan.seed,
    bootstrap: plan.bootstrap,
    rows: scored.rows,
    comparisons: scored.comparisons,
    models: models.map((m, mi) => {
      const c = counts[mi]!;
      const p = m.spec.pricing;
      return {
        model: m.spec.id,
        items: c.items,
        ok: c.ok,
        errors: c.errors,
        unparsed: c.unparsed,
        inputTokens: c.input,
        outputTokens: c.output,
        ...(p ? { cost: { amount: tokenCost(p, c.input, c.output), currency: p.currency } } : {}),
        ...(stopped.has(mi) ? { stopped: stopReason(m, stopped.get(mi)!) } : {}),
      };
    }),
  };
}
