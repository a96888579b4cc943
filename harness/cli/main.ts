/**
 * kseval's command line. Every command returns an exit code: 0 ok, 1 a run finished with
 * failures beyond the error budget, 2 bad input. User mistakes print one clear line
 * (file:line: what — what to do) and never a stack trace.
 */
import { Command, CommanderError } from 'commander';
import { UserError, UserErrors, EXIT } from '../core/errors.ts';
import { registerModels } from './models-command.ts';
import { registerPacks } from './packs-command.ts';
import { registerRun } from './run-command.ts';
import { registerScore } from './score-command.ts';
import { registerView } from './view-command.ts';
import { registerLeaderboard } from './leaderboard-command.ts';
import { harnessVersion } from '../results/manifest.ts';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  isTTY: boolean;
}

const defaultIo: Io = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  isTTY: Boolean(process.stdout.isTTY && process.stdin.isTTY),
};

/** Commands set this to report their own exit code. */
export interface CommandResult {
  code: number;
}

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const result: CommandResult = { code: EXIT.ok };
  const program = new Command('kseval')
    .description('Evaluate Korean sovereign LLMs beside global baselines on Korean legal, procurement and clinical work.')
    .version(harnessVersion())
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  registerRun(program, io, result);
  registerView(program, io, result);
  registerScore(program, io, result);
  registerPacks(program, io, result);
  registerModels(program, io, result);
  registerLeaderboard(program, io, result);
  program.action(async () => {
    if (io.isTTY) {
      const { openHome } = await import('../ui/home-entry.ts');
      const { homeDeps } = await import('./home-deps.ts');
      result.code = await openHome(homeDeps(io));
    } else program.outputHelp();
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return result.code;
  } catch (e) {
    return report(e, io);
  }
}

export function report(e: unknown, io: Io): number {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
    return EXIT.badInput; // commander already printed the message
  }
  if (e instanceof UserErrors) {
    for (const p of e.problems) io.err(`error: ${p.format()}`);
    io.err(`${e.problems.length} problem(s) found.`);
    return EXIT.badInput;
  }
  if (e instanceof UserError) {
    io.err(`error: ${e.format()}`);
    return EXIT.badInput;
  }
  const message = e instanceof Error ? e.message : String(e);
  io.err(`internal error: ${message}${process.env.KSEVAL_DEBUG ? `\n${e instanceof Error ? e.stack : ''}` : ' (set KSEVAL_DEBUG=1 for details)'}`);
  return EXIT.failed;
}
