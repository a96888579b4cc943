import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { writePack, writeBenchConfig, startFakeProcess } from './setup.ts';
import { spawnSync } from 'node:child_process';
const fake = await startFakeProcess(0);
for (const N of process.argv.slice(2).map(Number)) {
  const dir = mkdtempSync(path.join(tmpdir(), 'kb-'));
  const pack = writePack(dir, N);
  const config = writeBenchConfig(dir, fake.url);
  const r = spawnSync(process.execPath, ['--expose-gc', 'bin/run-ts.js', 'bench/child.ts', '--mode', 'kseval', '--url', fake.url, '--pack', pack, '--config', config, '--run-dir', path.join(dir, 'run'), '--concurrency', '128'], { encoding: 'utf8' });
  console.log(N, r.stdout.trim().split('\n').at(-1), r.stderr.slice(0, 500));
}
await fake.stop();
