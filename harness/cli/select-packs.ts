/** Which packs a run covers: --pack dirs, else tasks/ filtered by --suite and --task. */
import { UserError, UserErrors } from '../core/errors.ts';
import type { TaskPack } from '../core/pack.ts';
import { discoverPacks } from '../packs/discover.ts';
import { loadPacks } from '../packs/validate.ts';

export const list = (v?: string) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined);

export async function selectPacks(opts: { pack?: string[]; suite?: string[]; task?: string[]; root: string; limit?: number }): Promise<TaskPack[]> {
  const dirs: string[] = [];
  if (opts.pack?.length) {
    for (const d of opts.pack) {
      const found = await discoverPacks(d);
      if (!found.length) throw new UserError('no pack.yaml found here', { file: d, hint: 'pass a pack directory such as tasks/legal/statute-cite' });
      dirs.push(...found);
    }
  } else dirs.push(...(await discoverPacks(opts.root)));
  const loaded = await loadPacks(dirs);
  if (loaded.problems.length) throw new UserErrors(loaded.problems);
  let packs = loaded.packs;
  if (opts.suite?.length) {
    const known = new Set(packs.map((p) => p.domain));
    for (const s of opts.suite) if (!known.has(s)) throw new UserError(`unknown suite '${s}'`, { hint: `use one of ${[...known].sort().join(', ')}` });
    packs = packs.filter((p) => opts.suite!.includes(p.domain));
  }
  if (opts.task?.length) {
    const known = new Set(packs.map((p) => p.id));
    for (const t of opts.task) if (!known.has(t)) throw new UserError(`unknown task '${t}'`, { hint: 'see `kseval packs list` for task ids' });
    packs = packs.filter((p) => opts.task!.includes(p.id));
  }
  if (packs.length === 0) throw new UserError('no task packs to run', { file: opts.root, hint: 'add packs under tasks/ or pass --pack DIR' });
  if (opts.limit !== undefined) packs = packs.map((p) => ({ ...p, items: p.items.slice(0, opts.limit) }));
  return packs.sort((a, b) => a.id.localeCompare(b.id));
}
