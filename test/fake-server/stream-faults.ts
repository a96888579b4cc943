/**
 * Stream faults shared by every dialect: after N deltas, cut the stream (`truncate`), drop the
 * connection (`reset` with `after`), or send the dialect's error frame (`error-frame`).
 */
import type { Fault } from './types.ts';
import type { Streamer } from './wire.ts';

const DEFAULT_TRUNCATE_AFTER = 2;

function interruptAt(fault: Fault | undefined): number | undefined {
  if (fault === undefined || !('kind' in fault)) return undefined;
  switch (fault.kind) {
    case 'truncate':
      return fault.after ?? DEFAULT_TRUNCATE_AFTER;
    case 'error-frame':
      return fault.after;
    case 'reset':
      return fault.after;
    default:
      return undefined;
  }
}

/**
 * Call before writing delta number `sent` (0-based). Returns true when the stream was ended
 * here and the caller must stop writing.
 */
export async function interrupt(fault: Fault | undefined, sent: number, stream: Streamer, errorFrames: () => string[]): Promise<boolean> {
  if (interruptAt(fault) !== sent || fault === undefined || !('kind' in fault)) return false;
  if (fault.kind === 'truncate') {
    stream.end();
  } else if (fault.kind === 'reset') {
    stream.destroy();
  } else if (fault.kind === 'error-frame') {
    for (const frame of errorFrames()) await stream.write(frame);
    stream.end();
  }
  return true;
}
