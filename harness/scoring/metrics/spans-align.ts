/**
 * Places predicted entities in the source text (METRICS.md, Spans). Models count characters
 * badly, so a prediction is `{type, text}` with an optional offset hint. Each prediction goes
 * to an occurrence of its text: first one that is a not-yet-matched gold entity of that type,
 * else the unused occurrence nearest the hint, else the first unused occurrence. A text that
 * does not occur in the source cannot match: it is a false positive, counted as not_in_source.
 */
import type { Span } from '../../core/pack.ts';

export interface PredictedEntity {
  type: string;
  text: string;
  start?: number;
}

export interface AlignedEntity {
  type: string;
  start: number;
  end: number;
}

export function occurrences(source: string, text: string): number[] {
  const out: number[] = [];
  if (!text) return out;
  for (let i = source.indexOf(text); i !== -1; i = source.indexOf(text, i + 1)) out.push(i);
  return out;
}

export function alignEntities(source: string, predicted: PredictedEntity[], gold: Span[]): { aligned: AlignedEntity[]; notInSource: number } {
  const aligned: AlignedEntity[] = [];
  const used = new Set<string>(); // `${start}:${end}` already taken by an earlier prediction of the same text
  const matchedGold = new Set<string>();
  let notInSource = 0;
  for (const p of predicted) {
    const all = occurrences(source, p.text);
    if (all.length === 0) {
      notInSource++;
      continue;
    }
    const end = (s: number) => s + p.text.length;
    const free = all.filter((s) => !used.has(`${p.type}:${s}:${end(s)}`));
    const goldHit = free.find((s) => gold.some((g) => g.type === p.type && g.start === s && g.end === end(s) && !matchedGold.has(`${g.type}:${g.start}:${g.end}`)));
    let start: number;
    if (goldHit !== undefined) start = goldHit;
    else if (free.length === 0) start = all[0]!; // a repeated prediction: collapses onto an existing one
    else if (p.start !== undefined) start = free.reduce((best, s) => (Math.abs(s - p.start!) < Math.abs(best - p.start!) ? s : best), free[0]!);
    else start = free[0]!;
    const key = `${p.type}:${start}:${end(start)}`;
    used.add(key);
    if (goldHit !== undefined) matchedGold.add(key);
    aligned.push({ type: p.type, start, end: end(start) });
  }
  return { aligned, notInSource };
}
