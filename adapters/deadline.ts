import { linkAbort } from '../harness/core/abort-link.ts';

/**
 * One signal for an attempt: the caller's (Ctrl-C, run deadline) plus the per-attempt timeout.
 *
 * The two must stay distinguishable: a timeout is retryable, a cancellation by us is not.
 * The timer also covers reading the body, which the openai SDK's own `timeout` does not
 * (it stops counting once headers arrive), so a stream that stalls mid-answer still ends.
 */
export interface Deadline {
  readonly signal: AbortSignal;
  timedOut(): boolean;
  callerAborted(): boolean;
  /** Stops the timer and detaches from the caller's signal; call in `finally`. */
  dispose(): void;
}

export function startDeadline(caller: AbortSignal, timeoutMs: number | undefined): Deadline {
  const controller = new AbortController();
  let timed = false;
  const unlink = linkAbort(caller, controller);
  const timer =
    timeoutMs !== undefined && timeoutMs > 0
      ? setTimeout(() => {
          timed = true;
          controller.abort(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError'));
        }, timeoutMs)
      : undefined;
  return {
    signal: controller.signal,
    timedOut: () => timed,
    callerAborted: () => caller.aborted,
    dispose: () => {
      if (timer !== undefined) clearTimeout(timer);
      unlink();
    },
  };
}
