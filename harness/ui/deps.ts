/**
 * What the terminal UI may ask of the rest of kseval. The CLI passes these in, so the UI never
 * imports the CLI and never calls an adapter itself.
 */
import type { ModelSpec } from '../core/model.ts';
import type { TaskPack } from '../core/pack.ts';
import type { RunPlan } from '../runner/plan.ts';

export interface ModelEntry extends ModelSpec {
  /** The key env var is set (or no key is needed). */
  keySet: boolean;
}

export interface RunRequest {
  /** Task ids to run (empty = all). */
  tasks: string[];
  /** Model ids to run. */
  models: string[];
  limit?: number;
}

export interface HomeDeps {
  listPacks(): Promise<TaskPack[]>;
  listModels(): Promise<ModelEntry[]>;
  /** Run directories, newest first. */
  listRuns(): string[];
  /** Builds a run plan (validates packs, resolves models and keys). Throws UserError on bad input. */
  plan(request: RunRequest): Promise<RunPlan>;
}
