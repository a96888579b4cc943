/** What the home screen may ask of the CLI: packs, models with key status, past runs, a plan. */
import { runDirs } from '../results/load-run.ts';
import path from 'node:path';
import { loadConfig } from '../config/config.ts';
import { discoverPacks } from '../packs/discover.ts';
import { loadPacks } from '../packs/validate.ts';
import type { HomeDeps } from '../ui/deps.ts';
import type { Io } from './main.ts';
import { catalogWithBuiltins, hasKey, presets } from './models-resolve.ts';
import { TASKS_ROOT } from './packs-command.ts';
import { planRun } from './run-command.ts';

export function homeDeps(io: Io, root = TASKS_ROOT): HomeDeps {
  return {
    async listPacks() {
      return (await loadPacks(await discoverPacks(root))).packs;
    },
    async listModels() {
      const cfg = await loadConfig(undefined, catalogWithBuiltins(), presets());
      return cfg.models.map((m) => ({ ...m, keySet: hasKey(m) }));
    },
    listRuns() {
      return runDirs(path.join('results', 'runs')).reverse();
    },
    plan(request) {
      return planRun({ task: request.tasks.join(',') || undefined, models: request.models.join(','), limit: request.limit === undefined ? undefined : String(request.limit), pack: root === TASKS_ROOT ? undefined : root }, io);
    },
  };
}
