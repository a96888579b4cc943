/**
 * `kseval view [RUN_DIR]` in a terminal, and the end of a run: the results screen. Off a terminal
 * it prints the plain table instead (never escape codes).
 */
import type { LoadedRun } from '../results/load-run.ts';
import { summaryTable } from './plain-reporter.ts';
import { showResults } from './results-flow.ts';
import { canDrawUi } from './terminal.ts';

export async function openResults(run: LoadedRun): Promise<number> {
  if (!canDrawUi()) {
    process.stdout.write(`run ${run.manifest.run_id} (${run.manifest.status}) — ${run.dir}\n`);
    for (const line of summaryTable(run.summary)) process.stdout.write(`${line}\n`);
    return 0;
  }
  await showResults(run);
  return 0;
}
