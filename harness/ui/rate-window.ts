/** Events per second over a sliding window of one-second buckets: O(1) per event, no arrays that grow. */

export class RateWindow {
  private readonly counts: number[];
  private readonly seconds: number[];
  private first: number | undefined;

  constructor(private readonly windowSeconds = 10) {
    this.counts = new Array<number>(windowSeconds).fill(0);
    this.seconds = new Array<number>(windowSeconds).fill(-1);
  }

  add(now: number, n = 1): void {
    if (this.first === undefined) this.first = now;
    const sec = Math.floor(now / 1000);
    const i = sec % this.windowSeconds;
    if (this.seconds[i] !== sec) {
      this.seconds[i] = sec;
      this.counts[i] = 0;
    }
    this.counts[i]! += n;
  }

  /** Events per second over the window (or since the first event, if more recent); undefined before any. */
  rate(now: number): number | undefined {
    if (this.first === undefined) return undefined;
    const sec = Math.floor(now / 1000);
    let n = 0;
    for (let i = 0; i < this.windowSeconds; i++) {
      const s = this.seconds[i]!;
      if (s >= 0 && s > sec - this.windowSeconds && s <= sec) n += this.counts[i]!;
    }
    const span = Math.min(this.windowSeconds * 1000, Math.max(1000, now - this.first));
    return (n * 1000) / span;
  }
}
