/**
 * A model's lane: how many requests it may have in flight, adapted to rate limits by
 * additive increase / multiplicative decrease, and an optional requests-per-minute pace.
 * On a 429 the limit halves; after `limit` successes in a row it grows by one, up to the
 * configured maximum. Waiters are served in arrival order.
 */
/** A model's most requests in flight: its own `concurrency`, never above the run's, at least 1. */
export function laneMax(modelConcurrency: number | undefined, runConcurrency: number): number {
  return Math.max(1, Math.min(modelConcurrency ?? runConcurrency, runConcurrency));
}

export class Lane {
  private active = 0;
  private waiters: Array<() => void> = [];
  private successes = 0;
  private nextStart = 0;
  limit: number;

  constructor(
    readonly max: number,
    private readonly rpm: number | undefined,
    private readonly onChange: (limit: number, reason: 'rate-limited' | 'recovered') => void,
  ) {
    this.limit = max;
  }

  async acquire(signal?: AbortSignal): Promise<void> {
    if (this.active < this.limit && this.waiters.length === 0) this.active++;
    else {
      // wake() increments `active` on our behalf before resolving, so no one can slip in.
      await new Promise<void>((resolve, reject) => {
        const onAbort = () => {
          this.waiters = this.waiters.filter((w) => w !== go);
          reject(signal!.reason);
        };
        const go = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        this.waiters.push(go);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    }
    if (this.rpm) {
      // Space request starts evenly: 60 s / rpm apart.
      const now = Date.now();
      const at = Math.max(now, this.nextStart);
      this.nextStart = at + 60_000 / this.rpm;
      if (at > now) {
        try {
          await sleep(at - now, signal);
        } catch (e) {
          this.release();
          throw e;
        }
      }
    }
  }

  release(): void {
    this.active--;
    this.wake();
  }

  private wake(): void {
    while (this.active < this.limit && this.waiters.length > 0) {
      this.active++;
      this.waiters.shift()!();
    }
  }

  rateLimited(): void {
    this.successes = 0;
    const next = Math.max(1, Math.floor(this.limit / 2));
    if (next !== this.limit) {
      this.limit = next;
      this.onChange(this.limit, 'rate-limited');
    }
  }

  succeeded(): void {
    if (this.limit >= this.max) return;
    if (++this.successes >= this.limit) {
      this.successes = 0;
      this.limit++;
      this.onChange(this.limit, 'recovered');
      this.wake();
    }
  }
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
