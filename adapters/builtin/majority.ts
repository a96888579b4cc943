/**
 * builtin/majority: the answer that is most often right in the fewshot items, whatever the
 * input. Any model that does not beat it has learned nothing about the task.
 */
import type { Gold, Kind, Span, TaskPack } from '../../harness/core/pack.ts';
import { formatAnswer } from '../../harness/packs/prompt.ts';

function mostFrequent<T>(values: T[], key: (v: T) => string = String): T | undefined {
  const counts = new Map<string, { v: T; n: number }>();
  for (const v of values) {
    const k = key(v);
    const c = counts.get(k);
    if (c) c.n++;
    else counts.set(k, { v, n: 1 });
  }
  let best: { v: T; n: number } | undefined;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c; // first seen wins ties
  return best?.v;
}

const ANSWERS: Record<Kind, (pack: TaskPack) => Gold> = {
  classification: (pack) => mostFrequent(pack.fewshotItems.map((i) => i.gold as string)) ?? pack.labels?.[0] ?? '',
  multilabel: (pack) => {
    const label = mostFrequent(pack.fewshotItems.flatMap((i) => i.gold as string[]));
    return label === undefined ? [] : [label];
  },
  extraction: (pack) => Object.fromEntries((pack.fields ?? []).map((f) => [f.name, null])),
  spans: (): Span[] => [],
  'short-answer': (pack) => [mostFrequent(pack.fewshotItems.map((i) => (i.gold as string[])[0] ?? '')) ?? ''],
  'sentence-select': (pack) => {
    const n = mostFrequent(pack.fewshotItems.flatMap((i) => i.gold as number[]));
    return n === undefined ? [] : [n];
  },
};

export function majorityAnswer(pack: TaskPack): string {
  return formatAnswer(pack, ANSWERS[pack.kind](pack));
}
