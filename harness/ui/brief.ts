/** One-line renderings of gold and parsed answers for tables (full values are on the item page). */

function isSpan(v: unknown): v is { type: string; text: string } {
  return typeof v === 'object' && v !== null && 'type' in v && 'text' in v;
}

export function brief(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return v.replace(/\s+/gu, ' ');
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return v.map((x) => (isSpan(x) ? `${x.type}:${brief(x.text)}` : brief(x))).join(', ');
  }
  if (typeof v === 'object') {
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${k}=${brief(x)}`)
      .join('; ');
  }
  return String(v);
}

/** A multi-line rendering for the item page: strings as they are, everything else as indented JSON. */
export function full(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return v;
  return JSON.stringify(v, null, 2);
}
