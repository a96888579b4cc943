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

/** Rank ranges [best, worst] (1 = first) in the order given. */
export function rankRanges(cells: Ranked[]): Array<[number, number]> {
  const bounds = cells.map((c) => c.ci ?? ([0, 1] as [number, number]));
  return bounds.map(([lo, hi]) => {
    let above = 0;
    let notBelow = 0;
    for (const [loJ, hiJ] of bounds) {
      if (loJ > hi) above++;
      if (hiJ >= lo) notBelow++;
    }
    return [1 + above, Math.max(1 + above, notBelow)];
  });
}

/** `3` or `2–4`. */
export function formatRank([best, worst]: [number, number]): string {
  return best === worst ? String(best) : `${best}–${worst}`;
}

/** Descending by value, then by the tie-breaker (ascending). */
export function byValueDesc<T>(value: (x: T) => number, tie: (x: T) => string): (a: T, b: T) => number {
  return (a, b) => value(b) - value(a) || (tie(a) < tie(b) ? -1 : tie(a) > tie(b) ? 1 : 0);
}
