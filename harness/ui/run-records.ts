/**
 * Reading a run's records.jsonl for the results screen: the records of one (model, task) for
 * drill-down (the last record of an item wins, as everywhere), and token usage per model.
 * Streams the file; nothing else of a large run is kept in memory.
 */
import path from 'node:path';
import type { RunRecord } from '../core/record.ts';
import { RECORDS_FILE, readRecords } from '../results/records-file.ts';

export async function taskRecords(runDir: string, model: string, task: string): Promise<Map<string, RunRecord>> {
  const out = new Map<string, RunRecord>();
  for await (const r of readRecords(path.join(runDir, RECORDS_FILE))) {
    if (r.model === model && r.task === task) out.set(r.item_id, r);
  }
  return out;
}

export interface Usage {
  input: number;
  output: number;
}

/** Input and output tokens per model, over the last record of each item. */
export async function usageByModel(runDir: string): Promise<Map<string, Usage>> {
  const last = new Map<string, { model: string; input: number; output: number }>();
  for await (const r of readRecords(path.join(runDir, RECORDS_FILE))) {
    last.set(`${r.model}\u0000${r.task}\u0000${r.item_id}`, { model: r.model, input: r.usage?.input_tokens ?? 0, output: r.usage?.output_tokens ?? 0 });
  }
  const out = new Map<string, Usage>();
  for (const u of last.values()) {
    const t = out.get(u.model) ?? { input: 0, output: 0 };
    t.input += u.input;
    t.output += u.output;
    out.set(u.model, t);
  }
  return out;
}
