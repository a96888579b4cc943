/** The run screen's event accounting and its redraw throttle. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RunEvent } from '../harness/core/events.ts';
import type { RunRecord } from '../harness/core/record.ts';
import { RunTracker, type TrackerPlan } from '../harness/ui/run-tracker.ts';
import { SnapshotStore, startTicker } from '../harness/ui/snapshot-store.ts';

const plan = (): TrackerPlan => ({
  runId: 'r1',
  runDir: '/tmp/r1',
  models: [
    { id: 'solar-pro3', origin: 'sovereign', pricing: { currency: 'USD', input: 1, output: 2 }, maxConcurrency: 8 },
    { id: 'gpt-4.1', origin: 'global', maxConcurrency: 8 },
  ],
  skipped: [{ id: 'hcx-005', reason: 'no API key: set CLOVA_STUDIO_API_KEY to run it' }],
  tasks: [
    { id: 'legal/a', domain: 'legal', items: 2 },
    { id: 'legal/b', domain: 'legal', items: 1 },
    { id: 'clinical/c', domain: 'clinical', items: 2 },
  ],
});

function record(model: string, task: string, id: string, status: RunRecord['status'] = 'ok', usage = { input_tokens: 1000, output_tokens: 500 }): RunRecord {
  return { schema_version: 1, run_id: 'r1', key: 'k', model, task, task_version: '1.0.0', domain: task.split('/')[0]!, item_id: id, messages: [], params: {}, output: 'x', reasoning: null, finish_reason: 'stop', parsed: 'x', gold: 'x', status, error: null, scores: {}, korean_ratio: null, latency_ms: 1, ttft_ms: null, usage, attempts: 1, warnings: [], started_at: '', finished_at: '' };
}

const start: RunEvent = { type: 'run-start', runId: 'r1', runDir: '/tmp/r1', models: [], tasks: [], total: 10, alreadyDone: 0, startedAt: '' };

describe('RunTracker', () => {
  it('has one row per model × domain and counts items, errors, unparsed, tokens and cost', () => {
    let now = 1_000_000;
    const t = new RunTracker(plan(), () => now);
    t.handle(start);
    now += 1000;
    t.handle({ type: 'item-done', record: record('solar-pro3', 'legal/a', '1') });
    t.handle({ type: 'item-done', record: record('solar-pro3', 'legal/a', '2', 'unparsed') });
    t.handle({ type: 'item-done', record: record('solar-pro3', 'legal/b', '1', 'error', { input_tokens: 0, output_tokens: 0 }) });
    t.handle({ type: 'retry', model: 'solar-pro3', task: 'legal/b', itemId: '1', attempt: 1, delayMs: 10, code: 'rate_limited', status: 429 });
    const v = t.snapshot(now);
    expect(v.rows.map((r) => `${r.model}/${r.domain}`)).toEqual(['solar-pro3/legal', 'solar-pro3/clinical', 'gpt-4.1/legal', 'gpt-4.1/clinical']);
    const legal = v.rows[0]!;
    expect(legal).toMatchObject({ done: 3, total: 3, errors: 1, unparsed: 1, retries: 1, tokens: 3000, state: 'done' });
    expect(legal.cost).toEqual({ amount: (2000 * 1 + 1000 * 2) / 1e6, currency: 'USD' });
    expect(v.rows[2]!.state).toBe('waiting');
    expect(v.done).toBe(3);
    expect(v.notes.map((n) => n.kind)).toEqual(['skipped', 'rate-limited']);
    expect(v.notes[1]!.text).toMatch(/1 retry after HTTP 429/);
  });

  it('reuses a settled row so it is not redrawn', () => {
    let now = 5_000;
    const t = new RunTracker(plan(), () => now);
    t.handle(start);
    for (const id of ['1', '2']) t.handle({ type: 'item-done', record: record('gpt-4.1', 'clinical/c', id) });
    const a = t.snapshot(now);
    now += 3000;
    t.handle({ type: 'item-done', record: record('solar-pro3', 'legal/a', '1') });
    const b = t.snapshot(now);
    expect(b.rows[3]).toBe(a.rows[3]);
    expect(b.rows[0]).not.toBe(a.rows[0]);
  });

  it('says why a model stopped and marks its rows', () => {
    const t = new RunTracker(plan());
    t.handle(start);
    t.handle({ type: 'model-failed', model: 'gpt-4.1', reason: 'authentication failed (401): check OPENAI_API_KEY', code: 'auth' });
    t.handle({ type: 'concurrency', model: 'solar-pro3', limit: 2, reason: 'rate-limited' });
    const v = t.snapshot();
    expect(v.notes).toContainEqual({ model: 'gpt-4.1', kind: 'stopped', text: 'authentication failed (401): check OPENAI_API_KEY' });
    expect(v.notes.find((n) => n.model === 'solar-pro3')?.text).toMatch(/concurrency 2 of 8/);
    expect(v.rows.filter((r) => r.model === 'gpt-4.1').every((r) => r.state === 'stopped')).toBe(true);
  });

  it('starts resumed rows where the run left off, and task-done settles a task', () => {
    const t = new RunTracker({ ...plan(), initialDone: new Map([['solar-pro3\u0000legal/a', 2]]) });
    t.handle({ ...start, alreadyDone: 2 });
    expect(t.snapshot().rows[0]!.done).toBe(2);
    t.handle({ type: 'task-done', model: 'solar-pro3', task: 'legal/b', primary: 'f1.macro', value: 1, n: 1, nError: 0, nUnparsed: 0 });
    expect(t.snapshot().rows[0]).toMatchObject({ done: 3, state: 'done' });
  });

  it('shows the phase: stopping after Ctrl-C, ended with interrupted', () => {
    const t = new RunTracker(plan());
    t.handle(start);
    t.markStopping();
    expect(t.snapshot().phase).toBe('stopping');
    t.handle({ type: 'run-end', runDir: '/tmp/r1', interrupted: true, summary: { runId: 'r1', createdAt: '', seed: 1, bootstrap: 100, rows: [], comparisons: [], models: [] } });
    const v = t.snapshot();
    expect(v.phase).toBe('ended');
    expect(v.interrupted).toBe(true);
    expect(v.rows.every((r) => r.state === 'stopped')).toBe(true);
  });
});

describe('redraw throttle', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('publishes at most 10 snapshots per second however many events arrive', () => {
    vi.useFakeTimers();
    const t = new RunTracker(plan());
    const store = new SnapshotStore(t.snapshot());
    const stop = startTicker(store, () => t.snapshot(), () => t.version);
    // 5 seconds of 2,000 events per second.
    for (let ms = 0; ms < 5000; ms++) {
      t.handle({ type: 'retry', model: 'solar-pro3', task: 'legal/a', itemId: '1', attempt: 1, delayMs: 0, code: 'server_error' });
      t.handle({ type: 'retry', model: 'gpt-4.1', task: 'legal/a', itemId: '1', attempt: 1, delayMs: 0, code: 'server_error' });
      vi.advanceTimersByTime(1);
    }
    expect(store.publishes).toBeLessThanOrEqual(50);
    expect(store.publishes).toBeGreaterThanOrEqual(45);
    expect(store.get().retries).toBe(10_000);
    stop();
  });

  it('redraws once a second when nothing happens (the clock), and not at all in between', () => {
    vi.useFakeTimers();
    const t = new RunTracker(plan());
    const store = new SnapshotStore(t.snapshot());
    const stop = startTicker(store, () => t.snapshot(), () => t.version);
    vi.advanceTimersByTime(5000);
    expect(store.publishes).toBeLessThanOrEqual(5);
    stop();
  });
});
