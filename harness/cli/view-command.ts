/** `kseval view [RUN_DIR]`: the results screen in a terminal; the plain table otherwise. */
import type { Command } from 'commander';
import { UserError } from '../core/errors.ts';
import { latestRunDir, loadRun } from '../results/load-run.ts';
import { summaryTable } from '../ui/plain-reporter.ts';
import type { CommandResult, Io } from './main.ts';

export function registerView(program: Command, io: Io, result: CommandResult): void {
  program
    .command('view')
    .description('show the results of a run (default: the latest)')
    .argument('[runDir]', 'a run directory')
    .option('--json', 'print the summary as JSON')
    .option('--no-tui', 'plain output even in a terminal')
    .action(async (runDir: string | undefined, opts: { json?: boolean; tui?: boolean }) => {
      const dir = runDir ?? latestRunDir();
      if (!dir) throw new UserError('no runs yet', { file: 'results/runs', hint: 'start one with: kseval run' });
      const run = loadRun(dir);
      if (opts.json) return io.out(JSON.stringify(run.summary));
      if (io.isTTY && opts.tui !== false) {
        const { openResults } = await import('../ui/results-entry.ts');
        result.code = await openResults(run);
        return;
      }
      io.out(`run ${run.manifest.run_id} (${run.manifest.status}) — ${dir}`);
      for (const line of summaryTable(run.summary)) io.out(line);
    });
}
