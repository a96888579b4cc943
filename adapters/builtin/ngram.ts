/** Character n-gram vectors and cosine similarity, the whole of the lexical baseline's "model". */
import { foldSpaces, nfc } from '../../harness/text/normalize.ts';

export type Vector = Map<string, number>;

export function ngrams(text: string, sizes: number[] = [2, 3]): Vector {
  const t = foldSpaces(nfc(text)).toLowerCase();
  const v: Vector = new Map();
  for (const n of sizes) for (let i = 0; i + n <= t.length; i++) {
    const g = t.slice(i, i + n);
    v.set(g, (v.get(g) ?? 0) + 1);
  }
  return v;
}

export function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [, x] of a) na += x * x;
  for (const [, y] of b) nb += y * y;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const [g, x] of small) dot += x * (large.get(g) ?? 0);
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** Index of the most similar candidate; ties go to the earliest (deterministic). */
export function nearest(query: Vector, candidates: Vector[]): number {
  let best = -1;
  let bestScore = -1;
  candidates.forEach((c, i) => {
    const s = cosine(query, c);
    if (s > bestScore) (best = i), (bestScore = s);
  });
  return best;
}

export function centroid(vectors: Vector[]): Vector {
  const out: Vector = new Map();
  for (const v of vectors) for (const [g, x] of v) out.set(g, (out.get(g) ?? 0) + x / vectors.length);
  return out;
}
