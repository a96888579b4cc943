/** `kseval leaderboard PATH... --out DIR`: result CSVs in; Markdown, HTML and JSON out. */
import { widenYoungGeneration } from './heap.ts';
import type { Command } from 'commander';
import { UserError } from '../core/errors.ts';
import type { CommandResult, Io } from './main.ts';
import { list } from './select-packs.ts';

const FORMATS = ['md', 'html', 'json'] as const;
type Format = (typeof FORMATS)[number];

export function registerLeaderboard(program: Command, io: Io, result: CommandResult): void {
  program
    .command('leaderboard')
    .description('merge summary.csv/items.csv files or run directories into a published leaderboard')
    .argument('<paths...>', 'summary.csv / items.csv files or run directories (searched recursively)')
    .requiredOption('--out <dir>', 'output directory')
    .option('--format <list>', 'md,html,json', 'md,html,json')
    .option('--pack-version <list>', 'task@version to use where runs mix pack versions')
    .option('--all-runs', 'keep every run of a model/task instead of the latest')
    .option('--seed <n>', 'bootstrap seed', '20261123')
    .action(async (paths: string[], opts: { out: string; format: string; packVersion?: string; allRuns?: boolean; seed: string }) => {
      const formats = list(opts.format) ?? [];
      for (const f of formats) if (!(FORMATS as readonly string[]).includes(f)) throw new UserError(`unknown format '${f}'`, { hint: `use ${FORMATS.join(', ')}` });
      const seed = Number(opts.seed);
      if (!Number.isInteger(seed)) throw new UserError(`--seed must be a whole number, got '${opts.seed}'`);
      widenYoungGeneration();
      const { publish } = await import('../publish/publish.ts');
      const res = await publish(paths, { out: opts.out, formats: formats as Format[], packVersion: list(opts.packVersion), allRuns: Boolean(opts.allRuns), seed });
      for (const w of res.warnings) io.err(`warning: ${w}`);
      for (const f of res.written) io.out(`wrote ${f}`);
      result.code = 0;
    });
}
