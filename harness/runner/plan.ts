/** What a run will do: models × tasks × test items, and the settings it runs with. */
import type { Adapter } from '../core/adapter.ts';
import type { ModelSpec } from '../core/model.ts';
import type { TaskPack } from '../core/pack.ts';
import type { RunSettings } from '../config/config.ts';
import type { Manifest } from '../results/manifest.ts';

export interface ResolvedModel {
  spec: ModelSpec;
  adapter: Adapter;
}

export interface RunPlan extends RunSettings {
  runId: string;
  runDir: string;
  createdAt: string;
  models: ResolvedModel[];
  skipped: Array<{ id: string; reason: string }>;
  /** Packs with `items` already cut to --limit. */
  packs: TaskPack[];
  /** Resume: re-ask items whose record ended in error. */
  retryErrors: boolean;
  resume: boolean;
  /** Manifest fields fixed at planning time; status and finish time are filled in by the runner. */
  manifest: Omit<Manifest, 'status' | 'finished_at'>;
}

export interface RunResult {
  runDir: string;
  interrupted: boolean;
  /** Share of planned items that ended in error/incomplete/filtered. */
  errorShare: number;
  exitCode: 0 | 1;
}
