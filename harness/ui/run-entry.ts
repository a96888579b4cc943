/**
 * `kseval run` in a terminal: the live run screen, then the results screen. Off a terminal (or
 * in CI) it falls back to the plain reporter so that no escape codes are written.
 */
import type { RunPlan } from '../runner/plan.ts';
import { executeRun } from '../runner/run.ts';
import { createPlainReporter } from './plain-reporter.ts';
import { runFlow } from './run-flow.ts';
import { canDrawUi } from './terminal.ts';

export async function runWithInk(plan: RunPlan, controller: AbortController): Promise<number> {
  if (!canDrawUi()) {
    const plain = createPlainReporter((l) => process.stdout.write(`${l}\n`));
    for (const s of plan.skipped) plain({ type: 'model-skipped', model: s.id, reason: s.reason });
    return (await executeRun(plan, plain, controller.signal)).exitCode;
  }
  return (await runFlow(plan, controller)).code;
}
