import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { writePack, writeBenchConfig, startFakeProcess } from './setup.ts';
import { spawnSync } from 'node:child_process';
const N = Number(process.argv[2] ?? 1000);
const C = process.argv[3] ?? '32';
const modes = (process.argv[4] ?? 'bare,kseval').split(',');
const dir = mkdtempSync(path.join(tmpdir(), 'kb-'));
const pack = writePack(dir, N);
const fake = await startFakeProcess(0);
const config = writeBenchConfig(dir, fake.url);
const stat = () => { const f = (require('node:fs') as typeof import('node:fs')).readFileSync(`/proc/${fake.child.pid}/stat`, 'utf8').split(' '); return (Number(f[13]) + Number(f[14])) * 10; };
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
for (const mode of modes) {
  const s0 = stat();
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ['--expose-gc', ...(process.env.PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []), 'bin/run-ts.js', 'bench/child.ts', '--mode', mode, '--url', fake.url, '--pack', pack, '--config', config, '--run-dir', path.join(dir, 'run-' + Math.random()), '--concurrency', C], { encoding: 'utf8' });
  console.log(mode, 'server cpu ms', stat() - s0, 'wall', Date.now() - t0, r.stdout.trim().split('\n').at(-1), r.stderr.slice(0, 500));
}
await fake.stop();
