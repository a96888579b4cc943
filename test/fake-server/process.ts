/**
 * The fake server's CLI (main.ts) in a child process of its own, as the bench runs it (so its
 * CPU never shares the measured event loop) and as its CLI test starts it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface FakeProcess {
  /** The base URL, the first line main.ts prints. */
  url: string;
  child: ChildProcess;
  /** SIGTERM, resolved when the process has exited. */
  stop(): Promise<void>;
}

/** `node bin/run-ts.js test/fake-server/main.ts ARGS`; resolves once it prints its URL. */
export async function startFakeServerProcess(args: string[]): Promise<FakeProcess> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'run-ts.js'), path.join(ROOT, 'test', 'fake-server', 'main.ts'), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', (line) => resolve(line.trim()));
    child.once('exit', (code) => reject(new Error(`fake server exited early (${code})`)));
  });
  return {
    url,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
