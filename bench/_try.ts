import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { writePack, writeBenchConfig, startFakeProcess } from '/work/main/bench/setup.ts';
import { spawnSync } from 'node:child_process';
const N = Number(process.argv[2] ?? 1000);
const C = process.argv[3] ?? '32';
const L = Number(process.argv[4] ?? 0);
const dir = mkdtempSync(path.join(tmpdir(), 'kb-'));
const pack = writePack(dir, N);
const fake = await startFakeProcess(L);
const config = writeBenchConfig(dir, fake.url);
for (const mode of ['bare', 'kseval', 'bare', 'kseval']) {
  const r = spawnSync(process.execPath, ['--expose-gc', 'bin/run-ts.js', 'bench/child.ts', '--mode', mode, '--url', fake.url, '--pack', pack, '--config', config, '--run-dir', path.join(dir, 'run-' + Math.random()), '--concurrency', C], { encoding: 'utf8' });
  console.log(mode, r.stdout.trim().split('\n').at(-1), r.stderr.slice(0, 500));
}
await fake.stop();
