/**
 * Accumulates runner events into plain counters (O(1) per event, nothing drawn here) and makes
 * a snapshot for the run screen on demand. The screen asks for a snapshot on its own timer, so
 * the cost of the UI does not grow with the event rate.
 *
 * A row is one model × domain. Once a row has settled (every item done) its view object is
 * built once and reused, so React skips it and Ink does not rewrite its line.
 */
import type { RunEvent } from '../core/events.ts';
import { tokenCost, type Origin, type Pricing } from '../core/model.ts';
import { ERROR_STATUSES } from '../core/record.ts';
import { RateWindow } from './rate-window.ts';
import type { ModelNote, RunPhase, RunRowView, RunView } from './run-view.ts';

export interface TrackerPlan {
  runId: string;
  runDir: string;
  models: Array<{ id: string; origin: Origin; pricing?: Pricing; maxConcurrency?: number }>;
  skipped: Array<{ id: string; reason: string }>;
  tasks: Array<{ id: string; domain: string; items: number }>;
  /** Units already finished per `model\0task` (resume). */
  initialDone?: ReadonlyMap<string, number>;
}

interface Row {
  key: string;
  model: string;
  origin: Origin;
  domain: string;
  pricing?: Pricing;
  total: number;
  done: number;
  errors: number;
  unparsed: number;
  retries: number;
  tokensIn: number;
  tokensOut: number;
  startedAt?: number;
  finishedAt?: number;
  stopped: boolean;
  window: RateWindow;
  settled?: RunRowView;
}

interface ModelState {
  failed?: string;
  rateLimited: number;
  lastRateLimitedAt?: number;
  limit?: number;
  max?: number;
}

/** A rate-limit note fades to "was rate-limited" this long after the last 429. */
const RATE_LIMIT_FRESH_MS = 30_000;

const k2 = (a: string, b: string) => `${a}\u0000${b}`;

export class RunTracker {
  /** Bumped on every event; the screen redraws only when it changed (or the clock ticked). */
  version = 0;
  private readonly rows: Row[] = [];
  private readonly rowByModelTask = new Map<string, Row>();
  private readonly taskDone = new Map<string, number>();
  private readonly taskItems = new Map<string, number>();
  private readonly models = new Map<string, ModelState>();
  private readonly window = new RateWindow();
  private readonly plan: TrackerPlan;
  private startedAt: number;
  private endedAt?: number;
  private total: number;
  private alreadyDone = 0;
  private stopping = false;
  private interrupted = false;
  private started = false;
  private retries = 0;

  constructor(plan: TrackerPlan, private readonly clock: () => number = Date.now) {
    this.plan = plan;
    this.startedAt = clock();
    const domains = [...new Set(plan.tasks.map((t) => t.domain))];
    for (const t of plan.tasks) this.taskItems.set(t.id, t.items);
    for (const m of plan.models) {
      this.models.set(m.id, { rateLimited: 0, max: m.maxConcurrency, limit: m.maxConcurrency });
      for (const domain of domains) {
        const tasks = plan.tasks.filter((t) => t.domain === domain);
        const row: Row = { key: k2(m.id, domain), model: m.id, origin: m.origin, domain, pricing: m.pricing, total: 0, done: 0, errors: 0, unparsed: 0, retries: 0, tokensIn: 0, tokensOut: 0, stopped: false, window: new RateWindow() };
        for (const t of tasks) {
          row.total += t.items;
          const already = Math.min(t.items, plan.initialDone?.get(k2(m.id, t.id)) ?? 0);
          this.taskDone.set(k2(m.id, t.id), already);
          row.done += already;
          this.rowByModelTask.set(k2(m.id, t.id), row);
        }
        if (row.total === row.done && row.total > 0) row.finishedAt = this.startedAt;
        this.rows.push(row);
      }
    }
    this.total = this.rows.reduce((s, r) => s + r.total, 0);
  }

  /** The runner's listener: counters only. */
  handle = (e: RunEvent): void => {
    const now = this.clock();
    this.version++;
    switch (e.type) {
      case 'run-start':
        this.started = true;
        this.startedAt = now;
        this.total = e.total;
        this.alreadyDone = e.alreadyDone;
        break;
      case 'item-done': {
        const r = e.record;
        const row = this.rowByModelTask.get(k2(r.model, r.task));
        if (!row) break;
        row.startedAt ??= now;
        const tk = k2(r.model, r.task);
        const before = this.taskDone.get(tk) ?? 0;
        if (before < (this.taskItems.get(r.task) ?? 0)) {
          this.taskDone.set(tk, before + 1);
          row.done++;
        }
        if (ERROR_STATUSES.has(r.status)) row.errors++;
        else if (r.status === 'unparsed') row.unparsed++;
        if (r.usage) {
          row.tokensIn += r.usage.input_tokens;
          row.tokensOut += r.usage.output_tokens;
        }
        row.window.add(now);
        this.window.add(now);
        if (row.done >= row.total) row.finishedAt ??= now;
        break;
      }
      case 'task-done': {
        // Authoritative: every item of (model, task) is done.
        const tk = k2(e.model, e.task);
        const row = this.rowByModelTask.get(tk);
        if (!row) break;
        const before = this.taskDone.get(tk) ?? 0;
        row.done += Math.max(0, e.n - before);
        this.taskDone.set(tk, Math.max(before, e.n));
        if (row.done >= row.total) row.finishedAt ??= now;
        break;
      }
      case 'retry': {
        this.retries++;
        const row = this.rowByModelTask.get(k2(e.model, e.task));
        if (row) {
          row.retries++;
          row.startedAt ??= now;
        }
        if (e.code === 'rate_limited') {
          const m = this.model(e.model);
          m.rateLimited++;
          m.lastRateLimitedAt = now;
        }
        break;
      }
      case 'concurrency': {
        const m = this.model(e.model);
        m.limit = e.limit;
        if (e.reason === 'rate-limited') m.lastRateLimitedAt = now;
        break;
      }
      case 'model-failed': {
        this.model(e.model).failed = e.reason;
        for (const row of this.rows) if (row.model === e.model) row.stopped = true;
        break;
      }
      case 'model-skipped':
        if (!this.plan.skipped.some((s) => s.id === e.model)) this.plan.skipped.push({ id: e.model, reason: e.reason });
        break;
      case 'run-end':
        this.endedAt = now;
        this.interrupted = e.interrupted;
        break;
    }
  };

  /** Ctrl-C was pressed (or SIGTERM): in-flight requests are being cancelled. */
  markStopping(): void {
    this.stopping = true;
    this.version++;
  }

  private model(id: string): ModelState {
    let m = this.models.get(id);
    if (!m) {
      m = { rateLimited: 0 };
      this.models.set(id, m);
    }
    return m;
  }

  snapshot(now = this.clock()): RunView {
    const done = this.rows.reduce((s, r) => s + r.done, 0);
    const rate = this.window.rate(now);
    const phase: RunPhase = this.endedAt !== undefined ? 'ended' : this.stopping ? 'stopping' : !this.started ? 'starting' : done >= this.total ? 'scoring' : 'running';
    const end = this.endedAt ?? now;
    const rows = this.rows.map((r) => this.rowView(r, now, phase));
    const costs = new Map<string, number>();
    for (const r of rows) if (r.cost) costs.set(r.cost.currency, (costs.get(r.cost.currency) ?? 0) + r.cost.amount);
    return {
      runId: this.plan.runId,
      runDir: this.plan.runDir,
      models: this.plan.models.length,
      tasks: this.plan.tasks.length,
      phase,
      interrupted: this.interrupted,
      total: this.total,
      done,
      alreadyDone: this.alreadyDone,
      errors: this.rows.reduce((s, r) => s + r.errors, 0),
      unparsed: this.rows.reduce((s, r) => s + r.unparsed, 0),
      retries: this.retries,
      tokens: rows.reduce((s, r) => s + r.tokens, 0),
      cost: [...costs].map(([currency, amount]) => ({ amount, currency })),
      rate,
      elapsedMs: end - this.startedAt,
      etaMs: phase === 'running' && rate && rate > 0 ? ((this.total - done) / rate) * 1000 : undefined,
      rows,
      notes: this.notes(now),
    };
  }

  private rowView(r: Row, now: number, phase: RunPhase): RunRowView {
    if (r.settled) return r.settled;
    const finished = r.finishedAt !== undefined && r.done >= r.total;
    const rate = finished ? undefined : r.window.rate(now);
    const cost = r.pricing ? { amount: tokenCost(r.pricing, r.tokensIn, r.tokensOut), currency: r.pricing.currency } : undefined;
    const view: RunRowView = {
      key: r.key,
      model: r.model,
      origin: r.origin,
      domain: r.domain,
      state: finished ? 'done' : r.stopped || phase === 'ended' ? 'stopped' : r.startedAt !== undefined ? 'running' : 'waiting',
      done: r.done,
      total: r.total,
      errors: r.errors,
      unparsed: r.unparsed,
      retries: r.retries,
      tokens: r.tokensIn + r.tokensOut,
      cost,
      rate,
      elapsedMs: r.startedAt === undefined ? undefined : (r.finishedAt ?? this.endedAt ?? now) - r.startedAt,
      etaMs: !finished && rate && rate > 0 && phase === 'running' ? ((r.total - r.done) / rate) * 1000 : undefined,
    };
    if (finished) r.settled = view;
    return view;
  }

  private notes(now: number): ModelNote[] {
    const out: ModelNote[] = this.plan.skipped.map((s) => ({ model: s.id, kind: 'skipped', text: s.reason }));
    for (const m of this.plan.models) {
      const st = this.models.get(m.id);
      if (!st) continue;
      if (st.failed) out.push({ model: m.id, kind: 'stopped', text: st.failed });
      else if (st.rateLimited > 0 || (st.limit !== undefined && st.max !== undefined && st.limit < st.max)) {
        const fresh = st.lastRateLimitedAt !== undefined && now - st.lastRateLimitedAt < RATE_LIMIT_FRESH_MS;
        const conc = st.limit !== undefined ? `, concurrency ${st.limit}${st.max !== undefined ? ` of ${st.max}` : ''}` : '';
        const retries = `${st.rateLimited} ${st.rateLimited === 1 ? 'retry' : 'retries'} after HTTP 429`;
        out.push({ model: m.id, kind: 'rate-limited', text: fresh ? `rate limited: ${retries}${conc}` : `was rate limited (${retries})${conc}` });
      }
    }
    return out;
  }
}
