/**
 * `kseval score --pack DIR --predictions FILE`: score outputs produced elsewhere with the same
 * parsers, metrics and intervals as a run.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { UserError, UserErrors } from '../core/errors.ts';
import { parseOutput } from '../scoring/parsers.ts';
import { summarize, type Outcome } from '../scoring/summarize.ts';
import { DEFAULT_BOOTSTRAP } from '../scoring/bootstrap.ts';
import { splitThinking } from '../text/thinking.ts';
import { padDisplay } from '../text/width.ts';
import { decodeUtf8 } from '../text/utf8.ts';
import type { CommandResult, Io } from './main.ts';
import { selectPacks } from './select-packs.ts';
import { TASKS_ROOT } from './packs-command.ts';

const PredictionSchema = z.object({ id: z.string().min(1), output: z.string().nullable() });

/** Reads predictions; `lines`, when given, receives the line of each id (for later messages). */
export function readPredictions(file: string, lines?: Map<string, number>): Map<string, string | null> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new UserError('predictions file not found or not readable', { file, hint: 'pass a JSONL file of {"id": ..., "output": ...}' });
  }
  const decoded = decodeUtf8(bytes, file);
  if (decoded.text === undefined) throw new UserErrors([decoded.problem!]);
  const out = new Map<string, string | null>();
  const problems: UserError[] = [];
  decoded.text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (!line.trim()) return;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch {
      problems.push(new UserError('not valid JSON', { file, line: i + 1, hint: 'one {"id": ..., "output": ...} object per line' }));
      return;
    }
    const p = PredictionSchema.safeParse(data);
    if (!p.success) problems.push(new UserError(`${p.error.issues[0]!.path.join('.') || 'line'}: ${p.error.issues[0]!.message}`, { file, line: i + 1, hint: 'each line needs a string id and a string output' }));
    else if (out.has(p.data.id)) problems.push(new UserError(`duplicate prediction for id '${p.data.id}'`, { file, line: i + 1, hint: 'keep one prediction per item' }));
    else {
      out.set(p.data.id, p.data.output);
      lines?.set(p.data.id, i + 1);
    }
  });
  if (problems.length) throw new UserErrors(problems);
  return out;
}

export function registerScore(program: Command, io: Io, result: CommandResult): void {
  program
    .command('score')
    .description('score predictions produced elsewhere with the same parsers and metrics')
    .requiredOption('--pack <dir>', 'the pack the predictions answer')
    .requiredOption('--predictions <file>', 'JSONL: {"id": "<item id>", "output": "<raw model text>"}')
    .option('--seed <n>', 'bootstrap seed', '20261123')
    .option('--json', 'print JSON')
    .action(async (opts: { pack: string; predictions: string; seed: string; json?: boolean }) => {
      const [pack] = await selectPacks({ pack: [opts.pack], root: TASKS_ROOT });
      const lines = new Map<string, number>();
      const preds = readPredictions(opts.predictions, lines);
      const known = new Set(pack!.items.map((i) => i.id));
      const unknown = [...preds.keys()].filter((id) => !known.has(id));
      if (unknown.length) throw new UserError(`${unknown.length} prediction id(s) are not test items of ${pack!.id}, e.g. '${unknown[0]}'`, { file: opts.predictions, line: lines.get(unknown[0]!), hint: 'use the item ids of the pack’s test split' });
      const outcomes = new Map<string, Outcome>();
      for (const item of pack!.items) {
        const output = preds.get(item.id);
        if (output === undefined || output === null) continue; // missing → counted as error
        const { unterminated } = splitThinking(output);
        if (unterminated) {
          outcomes.set(item.id, { status: 'incomplete', parsed: null });
          continue;
        }
        const p = parseOutput(pack!, output);
        outcomes.set(item.id, p.ok ? { status: 'ok', parsed: p.value } : { status: 'unparsed', parsed: null });
      }
      const model = { id: 'predictions', vendor: '', origin: 'reference' as const, residency: 'local' as const };
      const { rows } = summarize({ models: [model], packs: [pack!], outcome: (_m, _p, id) => outcomes.get(id), seed: Number(opts.seed), bootstrap: DEFAULT_BOOTSTRAP });
      const taskRows = rows.filter((r) => r.level === 'task');
      const missing = pack!.items.filter((i) => !preds.has(i.id)).length;
      if (opts.json) {
        io.out(JSON.stringify({ task: pack!.id, version: pack!.version, primary: pack!.primaryMetric, n: pack!.items.length, missing, metrics: Object.fromEntries(taskRows.map((r) => [r.metric, { value: r.value, ci_low: r.ci_low, ci_high: r.ci_high, n_error: r.n_error, n_unparsed: r.n_unparsed }])) }));
      } else {
        io.out(`${pack!.id} v${pack!.version}: ${pack!.items.length} items, ${missing} without a prediction`);
        for (const r of taskRows) io.out(`  ${padDisplay(r.metric, 18)} ${r.value.toFixed(4)}  [${r.ci_low.toFixed(4)}, ${r.ci_high.toFixed(4)}]  unparsed ${r.n_unparsed}, missing/error ${r.n_error}`);
      }
      result.code = 0;
    });
}
