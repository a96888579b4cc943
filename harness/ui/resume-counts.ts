/**
 * On resume, how many units of each (model, task) an earlier attempt already finished, so the
 * run screen's rows start where the run left off. The runner decides exactly (it also re-asks
 * items whose prompt changed); this reads the same records with the same status rule and is
 * corrected by the runner's `task-done` events.
 */
import path from 'node:path';
import { asksAgain } from '../core/record.ts';
import { RECORDS_FILE, readRecords, unitId } from '../results/records-file.ts';

export async function resumeCounts(runDir: string, retryErrors: boolean, limits: ReadonlyMap<string, ReadonlySet<string>>): Promise<Map<string, number>> {
  const last = new Map<string, { model: string; task: string; status: string; attempts: number }>();
  for await (const r of readRecords(path.join(runDir, RECORDS_FILE))) {
    if (!limits.get(r.task)?.has(r.item_id)) continue;
    last.set(unitId(r), { model: r.model, task: r.task, status: r.status, attempts: r.attempts });
  }
  const counts = new Map<string, number>();
  for (const r of last.values()) {
    if (asksAgain(r, retryErrors)) continue;
    const k = `${r.model}\u0000${r.task}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}
