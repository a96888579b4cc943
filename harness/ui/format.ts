/**
 * Number formatting for the terminal UI. Scores are fractions in [0, 1] shown as percentages
 * with one decimal (61.3), intervals as `61.3 [55.0–67.2]`, exactly as rounded from summary.csv.
 */

/** A fraction as a percentage with one decimal; `—` when not a number. */
export function pct(x: number): string {
  if (!Number.isFinite(x)) return '—';
  const s = (100 * x).toFixed(1);
  return s === '-0.0' ? '0.0' : s;
}

/** `61.3 [55.0–67.2]` */
export function pctInterval(value: number, low: number, high: number): string {
  return `${pct(value)} [${pct(low)}–${pct(high)}]`;
}

/** A signed difference in percentage points: `+4.2`, `-1.0`, `0.0`. */
export function signedPct(x: number): string {
  const s = pct(x);
  if (s === '—' || s.startsWith('-') || s === '0.0') return s;
  return `+${s}`;
}

/** `+4.2 [-1.0–9.3]` */
export function signedInterval(delta: number, low: number, high: number): string {
  return `${signedPct(delta)} [${signedPct(low)}–${signedPct(high)}]`;
}

/** Share `k / n` as a percentage with one decimal (`0.0` when n is 0). */
export function ratePct(k: number, n: number): string {
  return n > 0 ? pct(k / n) : '—';
}

/** The interval excludes zero: the difference is distinguishable from none. */
export function excludesZero(low: number, high: number): boolean {
  return low > 0 || high < 0;
}

/** `0:07`, `12:34`, `1:02:03`; `—` when unknown. */
export function duration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return '—';
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

/** `950`, `1.2k`, `34k`, `1.5M`. */
export function compact(n: number): string {
  if (!Number.isFinite(n)) return '—';
  const a = Math.abs(n);
  if (a < 1000) return String(Math.round(n));
  if (a < 10_000) return `${(n / 1000).toFixed(1)}k`;
  if (a < 1_000_000) return `${Math.round(n / 1000)}k`;
  if (a < 10_000_000) return `${(n / 1_000_000).toFixed(1)}M`;
  return `${Math.round(n / 1_000_000)}M`;
}

/** Requests per second: `12.3`, `150`, `0.4`; `—` when nothing finished yet. */
export function perSecond(rate: number | undefined): string {
  if (rate === undefined || !Number.isFinite(rate) || rate <= 0) return '—';
  return rate >= 100 ? String(Math.round(rate)) : rate.toFixed(1);
}

/** Money in the pricing currency: `$0.0123`, `$1.23`, `₩1,234`. */
export function money(amount: number, currency: string): string {
  if (!Number.isFinite(amount)) return '—';
  if (currency === 'KRW') return `₩${Math.round(amount).toLocaleString('en-US')}`;
  if (currency === 'USD') return `$${amount < 1 ? amount.toFixed(4) : amount.toFixed(2)}`;
  return `${amount.toFixed(2)} ${currency}`;
}
