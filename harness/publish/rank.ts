/**
 * Ranks with uncertainty. A model's rank is a range, not a number: with 95% intervals
 * [lo_i, hi_i] over the N models of a column,
 *
 *   best rank  = 1 + #{ j : lo_j > hi_i }   (models whose whole interval lies above mine)
 *   worst rank =     #{ j : hi_j ≥ lo_i }   (models, me included, that could be above or tied with me)
 *
 * so two models whose intervals overlap share rank positions (`2–4`), and a rank is a single
 * number only when a model's interval separates it from every other. A model without an
 * interval (`unavailable`) counts as [0, 1], the whole score range: its own rank is then
 * `1–N`, and it widens the others' ranges by at most one, rather than pretending to a precision
 * the inputs do not give.
 */

export interface Ranked {
  value: number;
  ci: [number, number] | null;
}

/** Rank ranges [best, worst] (1 = first) in the order given. O(N log N): counts by binary search. */
export function rankRanges(cells: Ranked[]): Array<[number, number]> {
  const lo = Float64Array.from(cells, (c) => (c.ci ? c.ci[0] : 0));
  const hi = Float64Array.from(cells, (c) => (c.ci ? c.ci[1] : 1));
  const loSorted = Float64Array.from(lo).sort();
  const hiSorted = Float64Array.from(hi).sort();
  const n = cells.length;
  return cells.map((_, i) => {
    const above = n - firstAbove(loSorted, hi[i]!); // lo_j > hi_i
    const notBelow = n - firstAtLeast(hiSorted, lo[i]!); // hi_j ≥ lo_i
    return [1 + above, Math.max(1 + above, notBelow)];
  });
}

/** First index whose value is > x (sorted ascending). */
function firstAbove(sorted: Float64Array, x: number): number {
  let a = 0;
  let b = sorted.length;
  while (a < b) {
    const m = (a + b) >>> 1;
    if (sorted[m]! > x) b = m;
    else a = m + 1;
  }
  return a;
}

/** First index whose value is ≥ x (sorted ascending). */
function firstAtLeast(sorted: Float64Array, x: number): number {
  let a = 0;
  let b = sorted.length;
  while (a < b) {
    const m = (a + b) >>> 1;
    if (sorted[m]! >= x) b = m;
    else a = m + 1;
  }
  return a;
}

/** `3` or `2–4`. */
export function formatRank([best, worst]: [number, number]): string {
  return best === worst ? String(best) : `${best}–${worst}`;
}

/** Descending by value, then by the tie-breaker (ascending). */
export function byValueDesc<T>(value: (x: T) => number, tie: (x: T) => string): (a: T, b: T) => number {
  return (a, b) => value(b) - value(a) || (tie(a) < tie(b) ? -1 : tie(a) > tie(b) ? 1 : 0);
}
