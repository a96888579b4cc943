/**
 * What the runner emits. Reporters (Ink UI, plain text, files) subscribe; the runner never
 * knows who listens. Events are plain data, safe to serialize.
 */
import type { AdapterErrorCode } from './errors.ts';
import type { Origin, Residency } from './model.ts';
import type { RunRecord } from './record.ts';
import type { RunSummary } from './summary.ts';

export interface PlannedModel {
  id: string;
  vendor: string;
  origin: Origin;
  residency: Residency;
}

export interface PlannedTask {
  id: string;
  domain: string;
  version: string;
  items: number;
}

export type RunEvent =
  | {
      type: 'run-start';
      runId: string;
      runDir: string;
      models: PlannedModel[];
      tasks: PlannedTask[];
      /** Planned (model, item) units, including those already done when resuming. */
      total: number;
      /** Units already finished in an earlier attempt of this run (resume). */
      alreadyDone: number;
      startedAt: string;
    }
  | { type: 'item-done'; record: RunRecord }
  | {
      type: 'retry';
      model: string;
      task: string;
      itemId: string;
      attempt: number;
      delayMs: number;
      code: AdapterErrorCode;
      status?: number;
    }
  /** A model's concurrency limit changed (AIMD on 429s). */
  | { type: 'concurrency'; model: string; limit: number; reason: 'rate-limited' | 'recovered' }
  /** The model was not run at all (e.g. its key env var is not set). */
  | { type: 'model-skipped'; model: string; reason: string }
  /** The model stopped mid-run (e.g. auth failed); its remaining items are recorded as errors. */
  | { type: 'model-failed'; model: string; reason: string; code: AdapterErrorCode }
  /** Every item of (model, task) is done; scores for the plain reporter's line. */
  | { type: 'task-done'; model: string; task: string; primary: string; value: number; n: number; nError: number; nUnparsed: number }
  | { type: 'run-end'; summary: RunSummary; runDir: string; interrupted: boolean };

export type RunListener = (event: RunEvent) => void;
