import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { writePack, writeBenchConfig, startFakeProcess } from './setup.ts';
import { spawnSync } from 'node:child_process';
const [N, C, modes, ...flags] = process.argv.slice(2);
const fake = await startFakeProcess(0);
const dir = mkdtempSync(path.join(tmpdir(), 'kb-'));
const pack = writePack(dir, Number(N));
const config = writeBenchConfig(dir, fake.url);
for (const mode of modes!.split(',')) {
  const r = spawnSync(process.execPath, [...flags, '--expose-gc', 'bin/run-ts.js', 'bench/child.ts', '--mode', mode, '--url', fake.url, '--pack', pack, '--config', config, '--run-dir', path.join(dir, 'run' + Math.random()), '--concurrency', C!], { encoding: 'utf8' });
  console.log(mode, r.stdout.trim().split('\n').at(-1), r.stderr.slice(0, 500));
}
await fake.stop();
