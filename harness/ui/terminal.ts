/**
 * When the Ink UI may draw, and how it is mounted. Off a terminal (a pipe, a file, CI) nothing
 * here writes escape codes: callers check `canDrawUi()` and fall back to plain text.
 */
import type { RenderOptions } from 'ink';

/** Continuous-integration environments (the same test Ink itself applies: CI, CONTINUOUS_INTEGRATION, CI_*). */
export function inCi(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.CI === '0' || env.CI === 'false') return false;
  return 'CI' in env || 'CONTINUOUS_INTEGRATION' in env || Object.keys(env).some((k) => k.startsWith('CI_'));
}

/** Both ends are a terminal and we are not in CI (where Ink only prints the last frame). */
export function canDrawUi(stdout: NodeJS.WriteStream = process.stdout, stdin: NodeJS.ReadStream = process.stdin, env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(stdout.isTTY && stdin.isTTY) && !inCi(env);
}

/** Redraws per second at most (the run screen also batches events on its own timer). */
export const MAX_FPS = 10;

/**
 * Mount options: Ink never exits the process on Ctrl-C (the screens handle the key and stop the
 * run cleanly); only changed lines are rewritten, so settled rows cost nothing.
 */
export function inkOptions(extra: Partial<RenderOptions> = {}): RenderOptions {
  return { exitOnCtrlC: false, patchConsole: true, maxFps: MAX_FPS, ...extra };
}
