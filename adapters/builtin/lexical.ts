/**
 * builtin/lexical: character n-gram nearest neighbour over the fewshot items for labels and
 * codes, sentence similarity to fewshot gold sentences, and plain patterns for fields, dates,
 * money and entities. Deterministic; a real (weak) baseline.
 */
import type { Item, Kind, TaskPack } from '../../harness/core/pack.ts';
import { formatAnswer } from '../../harness/packs/prompt.ts';
import { labelKey } from '../../harness/text/normalize.ts';
import { splitSentences } from '../../harness/text/sentences.ts';
import { centroid, cosine, nearest, ngrams } from './ngram.ts';
import { findEntities } from './patterns.ts';

const inputText = (item: Item) => Object.values(item.input).join('\n');

function nearestFewshot(pack: TaskPack, item: Item): Item | undefined {
  const shots = pack.fewshotItems;
  const i = nearest(ngrams(inputText(item)), shots.map((s) => ngrams(inputText(s))));
  return shots[i];
}

/** The value after a field's name on the line that names it (`추정가격: 금 …`). */
function valueAfterName(text: string, name: string): string | null {
  const key = labelKey(name);
  for (const line of text.split('\n')) {
    const compact = labelKey(line);
    const at = compact.indexOf(key);
    if (at === -1) continue;
    const colon = line.search(/[:：]/);
    const value = colon >= 0 ? line.slice(colon + 1) : line;
    if (value.trim()) return value.trim();
  }
  return null;
}

const ANSWERS: Record<Kind, (pack: TaskPack, item: Item) => string> = {
  classification: (pack, item) => String(nearestFewshot(pack, item)?.gold ?? pack.labels?.[0] ?? ''),
  multilabel: (pack, item) => formatAnswer(pack, nearestFewshot(pack, item)?.gold ?? []),
  extraction: (pack, item) => {
    const text = item.input[pack.source_field ?? ''] ?? inputText(item);
    return JSON.stringify(Object.fromEntries((pack.fields ?? []).map((f) => [f.name, valueAfterName(text, f.name)])));
  },
  spans: (pack, item) => {
    const source = item.input[pack.source_field ?? ''] ?? '';
    const found = (pack.entity_types ?? []).flatMap((t) => findEntities(source, t));
    return JSON.stringify(found);
  },
  'short-answer': (_pack, item) => {
    // The line of the document most like the question, first number-like token on it.
    const question = item.input.question ?? '';
    const doc = Object.entries(item.input).filter(([k]) => k !== 'question').map(([, v]) => v).join('\n');
    const lines = doc.split(/\n|(?<=[.。])\s+/).filter((l) => l.trim());
    const best = lines[nearest(ngrams(question), lines.map((l) => ngrams(l)))] ?? '';
    const token = best.match(/\d[\d.,:/-]*\s?(?:%|mg|g|mL|U|회|일|세|cm|kg|mmHg|mg\/dL)?/);
    return (token ? token[0] : best).trim();
  },
  'sentence-select': (pack, item) => {
    // Sentences closer to the fewshot gold sentences than to the other fewshot sentences.
    const gold: string[] = [];
    const other: string[] = [];
    for (const shot of pack.fewshotItems) {
      const picked = new Set(shot.gold as number[]);
      splitSentences(shot.input[pack.source_field ?? ''] ?? '').forEach((s, i) => (picked.has(i + 1) ? gold : other).push(s));
    }
    const g = centroid(gold.map((s) => ngrams(s)));
    const o = centroid(other.map((s) => ngrams(s)));
    const sentences = splitSentences(item.input[pack.source_field ?? ''] ?? '');
    const chosen = sentences.flatMap((s, i) => (cosine(ngrams(s), g) > cosine(ngrams(s), o) ? [i + 1] : []));
    return JSON.stringify(chosen);
  },
};

export function lexicalAnswer(pack: TaskPack, item: Item): string {
  return ANSWERS[pack.kind](pack, item);
}
