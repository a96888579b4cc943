/** Builds in-memory task packs for tests (no files needed). */
import type { Item, Kind, PackSpec, TaskPack } from '../../harness/core/pack.ts';
import { METRICS_BY_KIND } from '../../harness/core/pack.ts';

export function makePack(kind: Kind, extra: Partial<PackSpec> = {}, items: Array<Partial<Item> & Pick<Item, 'gold'>> = [], fewshot: Array<Partial<Item> & Pick<Item, 'gold'>> = []): TaskPack {
  const toItem = (split: 'test' | 'fewshot') => (p: Partial<Item> & Pick<Item, 'gold'>, i: number): Item => ({
    id: p.id ?? `${split}-${i + 1}`,
    split,
    input: p.input ?? { text: `문항 ${i + 1}` },
    gold: p.gold,
    meta: p.meta,
    line: i + 1,
  });
  const metrics = [...METRICS_BY_KIND[kind]];
  return {
    id: `test/${kind}`,
    version: '1.0.0',
    domain: 'test',
    title: { ko: '시험', en: 'Test' },
    description: 'test pack',
    license: 'CC-BY-4.0',
    kind,
    prompt: { system: '', template: '{{text}}', fewshot: 0 },
    metrics,
    ...extra,
    dir: '/dev/null',
    sha256: '0',
    items: items.map(toItem('test')),
    fewshotItems: fewshot.map(toItem('fewshot')),
    primaryMetric: extra.metrics?.[0] ?? metrics[0]!,
  };
}
