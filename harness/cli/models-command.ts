/** `kseval models list [--json]` and `kseval models check [ID,...]`. */
import type { Command } from 'commander';
import { checkModel } from '../../adapters/check.ts';
import { loadConfig } from '../config/config.ts';
import { UserError } from '../core/errors.ts';
import type { ModelSpec } from '../core/model.ts';
import { displayWidth, padDisplay } from '../text/width.ts';
import type { CommandResult, Io } from './main.ts';
import { catalogWithBuiltins, hasKey, keysFor, presets, adapterIds } from './models-resolve.ts';
import { list } from './select-packs.ts';

const ORDER = { sovereign: 0, global: 1, reference: 2 } as const;

function describe(m: ModelSpec) {
  return {
    id: m.id,
    vendor: m.vendor,
    family: m.family ?? null,
    adapter: m.adapter,
    model: m.model,
    baseURL: m.baseURL ?? null,
    origin: m.origin,
    residency: m.residency,
    openWeights: m.openWeights,
    contextLength: m.contextLength ?? null,
    apiKeyEnv: m.apiKeyEnv ?? null,
    keySet: hasKey(m),
    pricing: m.pricing ?? null,
  };
}

export function registerModels(program: Command, io: Io, result: CommandResult): void {
  const models = program.command('models').description('the model catalog: origin, residency, keys, reachability');
  models
    .command('list')
    .option('--config <file>', 'config file adding models')
    .option('--json', 'print JSON')
    .action(async (opts: { config?: string; json?: boolean }) => {
      const cfg = await loadConfig(opts.config, catalogWithBuiltins(), presets(), adapterIds());
      const rows = cfg.models.map(describe).sort((a, b) => ORDER[a.origin] - ORDER[b.origin] || a.id.localeCompare(b.id));
      if (opts.json) return io.out(JSON.stringify(rows, null, 2));
      const w = (k: 'id' | 'vendor') => Math.max(k.length, ...rows.map((r) => displayWidth(r[k])));
      io.out(`${padDisplay('id', w('id'))}  ${padDisplay('vendor', w('vendor'))}  ${padDisplay('origin', 9)}  ${padDisplay('where', 6)}  ${padDisplay('weights', 7)}  key`);
      for (const r of rows) {
        const key = r.apiKeyEnv ? `${r.keySet ? 'set' : 'missing'} (${r.apiKeyEnv})` : 'none needed';
        io.out(`${padDisplay(r.id, w('id'))}  ${padDisplay(r.vendor, w('vendor'))}  ${padDisplay(r.origin, 9)}  ${padDisplay(r.residency, 6)}  ${padDisplay(r.openWeights ? 'open' : 'closed', 7)}  ${key}`);
      }
    });
  models
    .command('check')
    .description('send one tiny request per model and report reachable / auth failed / not found / rate limited')
    .argument('[ids]', 'comma-separated model ids (default: every model whose key is set)')
    .option('--config <file>', 'config file adding models')
    .option('--json', 'print JSON')
    .action(async (ids: string | undefined, opts: { config?: string; json?: boolean }) => {
      const cfg = await loadConfig(opts.config, catalogWithBuiltins(), presets(), adapterIds());
      const wanted = list(ids);
      const byId = new Map(cfg.models.map((m) => [m.id, m]));
      const chosen = wanted ? wanted.map((id) => byId.get(id) ?? (() => { throw new UserError(`unknown model '${id}'`, { hint: 'see kseval models list' }); })()) : cfg.models.filter((m) => m.adapter !== 'builtin' && m.apiKeyEnv && hasKey(m));
      // The 30 s limit is the check's per-attempt timeout (adapters/check.ts), which reports a hung
      // endpoint as unreachable; the signal only cancels (a timer on it would win the race and
      // turn every timeout into 'request cancelled').
      const cancel = new AbortController();
      const results = await Promise.all(chosen.filter((m) => m.adapter !== 'builtin').map((m) => checkModel(m, keysFor(m), cancel.signal)));
      if (opts.json) io.out(JSON.stringify(results, null, 2));
      else {
        if (results.length === 0) io.out('no model to check: set a key env var (kseval models list shows which) or name models');
        for (const r of results) io.out(`${padDisplay(r.id, 28)} ${padDisplay(r.result, 14)} ${r.detail}${r.envVar && r.result !== 'reachable' ? ` (${r.envVar})` : ''}`);
      }
      result.code = results.every((r) => r.result === 'reachable') ? 0 : 1;
    });
}
