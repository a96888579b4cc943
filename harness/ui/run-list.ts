/** Past runs for the home screen: id, status, size and date from each run's manifest. */
import path from 'node:path';
import { readManifest } from '../results/manifest.ts';

export interface PastRun {
  dir: string;
  id: string;
  status?: string;
  models?: number;
  tasks?: number;
  createdAt?: string;
  problem?: string;
}

export function describeRun(dir: string): PastRun {
  try {
    const m = readManifest(dir);
    return { dir, id: m.run_id, status: m.status, models: m.models.length, tasks: m.packs.length, createdAt: m.created_at };
  } catch (e) {
    return { dir, id: path.basename(dir), problem: e instanceof Error ? e.message : String(e) };
  }
}
