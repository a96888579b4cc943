/**
 * A run on screen: the run screen while `executeRun` works, then the results screen. Events only
 * update counters; a 200 ms timer publishes a snapshot when something changed, so redraws stay
 * at ≤ 10 per second whatever the event rate. Ctrl-C aborts the run (records are kept), and after
 * the UI is gone the resume command is printed.
 */
import { loadRun } from '../results/load-run.ts';
import type { RunPlan } from '../runner/plan.ts';
import { laneMax } from '../runner/lane.ts';
import { executeRun } from '../runner/run.ts';
import { resumeCounts } from './resume-counts.ts';
import type { ResultsExit } from './ResultsApp.tsx';
import { RunTracker } from './run-tracker.ts';
import { SnapshotStore, startTicker } from './snapshot-store.ts';
import { inkOptions } from './terminal.ts';

export interface RunFlowResult {
  code: number;
  /** What the user chose on the results screen (an interrupted run ends with quit). */
  next: ResultsExit;
  interrupted: boolean;
  /** Snapshots published (redraw requests) and the run's wall time, for measurement. */
  publishes: number;
  elapsedMs: number;
}

export function resumeHint(runDir: string): string {
  return `interrupted — finished records are kept. Resume with:\n  kseval run --resume ${runDir}\n`;
}

export async function runFlow(plan: RunPlan, controller: AbortController, opts: { canGoBack?: boolean; showResults?: boolean } = {}): Promise<RunFlowResult> {
  const limits = new Map(plan.packs.map((p) => [p.id, new Set(p.items.map((i) => i.id))]));
  const initialDone = plan.resume ? await resumeCounts(plan.runDir, plan.retryErrors, limits) : undefined;
  const tracker = new RunTracker({
    runId: plan.runId,
    runDir: plan.runDir,
    models: plan.models.map((m) => ({ id: m.spec.id, origin: m.spec.origin, pricing: m.spec.pricing, maxConcurrency: laneMax(m.spec.concurrency, plan.concurrency) })),
    skipped: [...plan.skipped],
    tasks: plan.packs.map((p) => ({ id: p.id, domain: p.domain, items: p.items.length })),
    initialDone,
  });
  const store = new SnapshotStore(tracker.snapshot());
  const onAbort = () => tracker.markStopping();
  controller.signal.addEventListener('abort', onAbort);
  const stop = () => {
    if (!controller.signal.aborted) controller.abort(new Error('interrupted'));
  };
  const started = Date.now();
  // The run starts before the UI is loaded: importing Ink and React takes ~0.8 s, which the run
  // must not wait for (the tracker already counts every event).
  const running = executeRun(plan, tracker.handle, controller.signal);
  running.catch(() => {}); // handled below, after the screen is up
  const [{ render }, { createElement }, { RunApp }] = await Promise.all([import('ink'), import('react'), import('./RunApp.tsx')]);
  let stopTicker: (() => void) | undefined;
  const instance = render(
    createElement(RunApp, {
      store,
      onStop: stop,
      onForceQuit: () => {
        stopTicker?.();
        instance.unmount();
        process.stdout.write(resumeHint(plan.runDir));
        process.exit(130);
      },
    }),
    inkOptions(),
  );
  // 5 frames a second: smooth enough to watch, and half the drawing cost of the allowed 10
  // (Ink redraws the whole frame; at 0 ms latency every millisecond of CPU is the run's).
  stopTicker = startTicker(store, () => tracker.snapshot(), () => tracker.version, 200);
  const close = async () => {
    stopTicker?.();
    stopTicker = undefined;
    controller.signal.removeEventListener('abort', onAbort);
    await new Promise((r) => setTimeout(r, 20)); // let the last snapshot render
    instance.unmount();
    await instance.waitUntilExit();
  };
  let result;
  try {
    result = await running;
  } catch (e) {
    instance.clear(); // the run never started (e.g. the run directory is not empty): leave no half screen
    await close();
    throw e;
  }
  await close();
  const base = { code: result.exitCode, publishes: store.publishes, elapsedMs: Date.now() - started, interrupted: result.interrupted };
  if (result.interrupted) {
    process.stdout.write(`\n${resumeHint(result.runDir)}`);
    return { ...base, next: 'quit' };
  }
  if (opts.showResults === false) return { ...base, next: 'quit' };
  const { showResults } = await import('./results-flow.ts');
  const next = await showResults(loadRun(result.runDir), { canGoBack: opts.canGoBack });
  return { ...base, next };
}
