/** What the run screen draws: a snapshot of the run tracker, plain data. */
import type { Origin } from '../core/model.ts';

export type RowState = 'waiting' | 'running' | 'done' | 'stopped';

export interface RunRowView {
  key: string;
  model: string;
  origin: Origin;
  domain: string;
  state: RowState;
  done: number;
  total: number;
  errors: number;
  unparsed: number;
  retries: number;
  tokens: number;
  cost?: { amount: number; currency: string };
  /** Finished items per second (recent window). */
  rate?: number;
  elapsedMs?: number;
  etaMs?: number;
}

export interface ModelNote {
  model: string;
  kind: 'skipped' | 'stopped' | 'rate-limited';
  text: string;
}

export type RunPhase = 'starting' | 'running' | 'stopping' | 'scoring' | 'ended';

export interface RunView {
  runId: string;
  runDir: string;
  models: number;
  tasks: number;
  phase: RunPhase;
  interrupted: boolean;
  total: number;
  done: number;
  alreadyDone: number;
  errors: number;
  unparsed: number;
  retries: number;
  tokens: number;
  /** Estimated cost per currency (from the model specs' pricing). */
  cost: Array<{ amount: number; currency: string }>;
  rate?: number;
  elapsedMs: number;
  etaMs?: number;
  rows: RunRowView[];
  notes: ModelNote[];
}
