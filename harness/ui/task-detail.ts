/**
 * A task for one model, from its records: per-label (or per-field, per-entity-type, per-sentence)
 * precision/recall/F1, computed with the task's own scorer from the records' parsed answers as
 * the summary was; and the list of items with their status, score, gold and answer.
 */
import type { Gold, TaskPack } from '../core/pack.ts';
import type { RecordStatus, RunRecord } from '../core/record.ts';
import { validatePack } from '../packs/validate.ts';
import type { Manifest } from '../results/manifest.ts';
import { SCORERS } from '../scoring/score-task.ts';
import { entriesFor } from '../scoring/summarize.ts';
import { sumStats, type Breakdown } from '../scoring/task-scoring.ts';
import { taskRecords } from './run-records.ts';

export interface ItemEntry {
  id: string;
  status: RecordStatus | 'missing';
  score?: number;
  gold: Gold | undefined;
  record?: RunRecord;
}

export interface TaskDetail {
  model: string;
  task: string;
  title?: string;
  kind?: string;
  /** What a breakdown row is: label, field, entity type, sentence. */
  breakdownOf: string;
  breakdown: Breakdown[];
  /** The task's primary metric recomputed from records (equals summary.csv when nothing changed). */
  recomputed?: { metric: string; value: number };
  /** Why the breakdown is missing or may differ (pack moved or changed). */
  note?: string;
  items: ItemEntry[];
}

const BREAKDOWN_OF: Record<string, string> = {
  classification: 'label',
  multilabel: 'label',
  extraction: 'field',
  spans: 'entity type',
  'sentence-select': 'sentence',
  'short-answer': 'answer',
};

/** Loads (and caches) packs by directory. */
export class PackCache {
  private readonly cache = new Map<string, Promise<{ pack?: TaskPack; problem?: string }>>();

  load(dir: string): Promise<{ pack?: TaskPack; problem?: string }> {
    let p = this.cache.get(dir);
    if (!p) {
      p = validatePack(dir).then(
        (v) => (v.pack ? { pack: v.pack } : { problem: v.problems[0]?.format() ?? 'the pack is not valid' }),
        (e: unknown) => ({ problem: e instanceof Error ? e.message : String(e) }),
      );
      this.cache.set(dir, p);
    }
    return p;
  }
}

export async function loadTaskDetail(runDir: string, manifest: Manifest, model: string, task: string, packs: PackCache): Promise<TaskDetail> {
  const entry = manifest.packs.find((p) => p.id === task);
  const records = await taskRecords(runDir, model, task);
  const loaded = entry ? await packs.load(entry.dir) : { problem: 'the task is not in the manifest' };
  const kind = entry?.kind ?? loaded.pack?.kind;
  const base = { model, task, kind, breakdownOf: BREAKDOWN_OF[kind ?? ''] ?? 'key' };
  if (!loaded.pack || !entry) {
    const items = [...records.values()].map((r): ItemEntry => ({ id: r.item_id, status: r.status, score: r.scores.score, gold: r.gold, record: r }));
    return { ...base, breakdown: [], note: `per-${base.breakdownOf} scores need the pack: ${loaded.problem ?? 'not found'}`, items };
  }
  const pack: TaskPack = { ...loaded.pack, items: loaded.pack.items.slice(0, entry.items) };
  const { entries } = entriesFor(pack, (id) => {
    const r = records.get(id);
    return r ? { status: r.status, parsed: r.parsed } : undefined;
  });
  const scoring = SCORERS[pack.kind](pack, entries);
  const sum = sumStats(scoring.dims, scoring.items);
  const breakdown = scoring.breakdown(sum).sort((a, b) => (pack.kind === 'sentence-select' ? 0 : b.support - a.support));
  const items = pack.items.map((item, i): ItemEntry => {
    const r = records.get(item.id);
    return { id: item.id, status: r ? r.status : 'missing', score: r?.scores.score ?? scoring.itemScore[i], gold: item.gold, record: r };
  });
  const changed = loaded.pack.sha256 !== entry.sha256 ? 'the pack changed since this run; labels and gold are from the current pack' : undefined;
  return {
    ...base,
    title: pack.title.ko,
    breakdown,
    recomputed: { metric: pack.primaryMetric, value: scoring.metrics[pack.primaryMetric]!(sum) },
    note: changed,
    items,
  };
}
