/**
 * A value published from outside React (the run's timer) and read with useSyncExternalStore.
 * Publishing is the only thing that makes the run screen redraw.
 */
export class SnapshotStore<T> {
  private listeners = new Set<() => void>();
  /** How many times a value was published (for measuring redraws). */
  publishes = 0;

  constructor(private value: T) {}

  get = (): T => this.value;

  set(value: T): void {
    this.value = value;
    this.publishes++;
    for (const l of this.listeners) l();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };
}

/**
 * Publishes `make()` into `store` at most every `intervalMs`, and only when `version()` changed
 * or `idleMs` passed (so the clock still ticks when nothing happens). Returns a stop function that
 * publishes one last time.
 */
export function startTicker<T>(store: SnapshotStore<T>, make: () => T, version: () => number, intervalMs = 100, idleMs = 1000): () => void {
  let seen = version();
  let last = Date.now();
  const timer = setInterval(() => {
    const v = version();
    const now = Date.now();
    if (v === seen && now - last < idleMs) return;
    seen = v;
    last = now;
    store.set(make());
  }, intervalMs);
  return () => {
    clearInterval(timer);
    store.set(make());
  };
}
