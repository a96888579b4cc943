/**
 * V8 heap settings of kseval's commands. `boundHeapGrowth` keeps the heap close to what is
 * live: kseval holds little per item (a byte range and the parsed answer), but at high request
 * rates V8 lets garbage pile up to about four times the live heap before a full collection,
 * because collecting is cheap relative to the work. A growing factor of 1.5 bounds that
 * (100,000 items: 315–371 → 217–233 MB peak) for ~3% more GC (bench/README.md).
 *
 * Set at run time because `kseval` is started by npm's bin shim, not by us: V8 reads this flag
 * at every full collection. A user's own heap flags (NODE_OPTIONS or node's command line) win.
 */
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 50;

export function boundHeapGrowth(env: NodeJS.ProcessEnv = process.env, execArgv: string[] = process.execArgv): boolean {
  const given = [...execArgv, ...(env.NODE_OPTIONS ?? '').split(/\s+/)];
  if (given.some((a) => /^--(?:heap-growing-percent|max-old-space-size)\b/.test(a.replace(/_/g, '-')))) return false;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return true;
}

/**
 * A larger young generation for publishing: it allocates a short-lived object per CSV cell
 * (160k rows for 200 runs of 50 models), and with V8's default a third of the time went to GC.
 */
export function widenYoungGeneration(): void {
  setFlagsFromString('--max-semi-space-size=128');
}
