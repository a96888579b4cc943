/** `kseval packs list | validate DIR... | new DOMAIN/NAME --kind KIND` */
import type { Command } from 'commander';
import { UserError, UserErrors, EXIT } from '../core/errors.ts';
import { KINDS, type Kind } from '../core/pack.ts';
import { discoverPacks } from '../packs/discover.ts';
import { scaffoldPack } from '../packs/scaffold.ts';
import { validatePack } from '../packs/validate.ts';
import { padDisplay } from '../text/width.ts';
import type { CommandResult, Io } from './main.ts';

/** Where packs live; KSEVAL_TASKS points kseval at another folder (tests, private suites). */
export const TASKS_ROOT = process.env.KSEVAL_TASKS ?? 'tasks';

export function registerPacks(program: Command, io: Io, result: CommandResult): void {
  const packs = program.command('packs').description('list, validate and scaffold task packs');
  packs
    .command('list')
    .description('list the packs under tasks/ with their kind and item counts')
    .option('--root <dir>', 'where packs live', TASKS_ROOT)
    .option('--json', 'print JSON')
    .action(async (opts: { root: string; json?: boolean }) => {
      const rows = [];
      for (const dir of await discoverPacks(opts.root)) {
        const { pack, problems } = await validatePack(dir);
        rows.push(pack ? { id: pack.id, domain: pack.domain, kind: pack.kind, version: pack.version, test: pack.items.length, fewshot: pack.fewshotItems.length, primary: pack.primaryMetric, title: pack.title.ko, valid: true } : { id: dir, valid: false, problems: problems.length });
      }
      if (opts.json) return io.out(JSON.stringify(rows, null, 2));
      for (const r of rows) {
        if (!r.valid) io.out(`${padDisplay(r.id, 36)} INVALID (${r.problems} problems: run kseval packs validate ${r.id})`);
        else io.out(`${padDisplay(r.id, 36)} ${padDisplay(r.kind!, 16)} ${String(r.test).padStart(5)} test ${String(r.fewshot).padStart(3)} shot  ${r.primary}  ${r.title}`);
      }
      if (rows.length === 0) io.out(`no packs under ${opts.root}/ — create one with: kseval packs new DOMAIN/NAME --kind classification`);
    });
  packs
    .command('validate')
    .description('check packs: schema, gold consistency, placeholders; every problem as file:line')
    .argument('<dirs...>', 'pack directories (or a folder of packs)')
    .action(async (dirs: string[]) => {
      const problems: UserError[] = [];
      let count = 0;
      for (const d of dirs) {
        const found = await discoverPacks(d);
        if (found.length === 0) problems.push(new UserError('no pack.yaml found here', { file: d, hint: 'pass a pack directory such as tasks/legal/statute-cite' }));
        for (const dir of found) {
          count++;
          const v = await validatePack(dir);
          problems.push(...v.problems);
          if (v.pack) io.out(`ok  ${v.pack.id} (${v.pack.kind}, ${v.pack.items.length} test + ${v.pack.fewshotItems.length} fewshot)`);
        }
      }
      if (problems.length) throw new UserErrors(problems);
      io.out(`${count} pack(s) valid.`);
      result.code = EXIT.ok;
    });
  packs
    .command('new')
    .description('scaffold a valid pack with a datasheet to fill in')
    .argument('<id>', 'DOMAIN/NAME, e.g. legal/my-task')
    .requiredOption('--kind <kind>', `one of ${KINDS.join(', ')}`)
    .option('--root <dir>', 'where packs live', TASKS_ROOT)
    .action(async (id: string, opts: { kind: string; root: string }) => {
      if (!(KINDS as readonly string[]).includes(opts.kind)) throw new UserError(`unknown kind '${opts.kind}'`, { hint: `use one of ${KINDS.join(', ')}` });
      const dir = await scaffoldPack(opts.root, id, opts.kind as Kind);
      io.out(`created ${dir}/ (pack.yaml, items.jsonl, README.md) — edit them, then run: kseval packs validate ${dir}`);
    });
}
