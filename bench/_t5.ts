import { spawnSync } from 'node:child_process';
for (const N of process.argv.slice(2)) {
  const r = spawnSync(process.execPath, ['bin/run-ts.js', 'bench/child.ts', '--mode', 'score', '--items', N], { encoding: 'utf8' });
  console.log(N, r.stdout.trim(), r.stderr.slice(0, 800));
}
