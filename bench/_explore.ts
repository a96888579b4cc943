import { main } from '/work/main/harness/cli/main.ts';
import { readdirSync } from 'node:fs';
import path from 'node:path';
const B = '/work/main/test/bad-inputs';
const FIX = '/work/main/test/fixtures/packs';
const cases: Array<[string, string[]]> = [];
for (const d of readdirSync(path.join(B, 'packs/bad'))) cases.push([`pack ${d}`, ['packs', 'validate', path.join(B, 'packs/bad', d)]]);
for (const f of readdirSync(path.join(B, 'configs'))) cases.push([`config ${f}`, ['run', '--no-tui', '--config', path.join(B, 'configs', f), '--pack', path.join(FIX, 'demo/classify'), '--models', f.startsWith('unknown-adapter') || f.startsWith('path-id') || f.startsWith('bad-url') || f.startsWith('key-in') ? 'my-model' : 'builtin/lexical', '--run-dir', '/tmp/gen/run-' + f]]);
for (const f of readdirSync(path.join(B, 'predictions'))) cases.push([`preds ${f}`, ['score', '--pack', path.join(FIX, 'demo/classify'), '--predictions', path.join(B, 'predictions', f)]]);
for (const d of readdirSync(path.join(B, 'csv'))) cases.push([`csv ${d}`, ['leaderboard', path.join(B, 'csv', d, 'summary.csv'), '--out', '/tmp/gen/out-' + d]]);
for (const [name, args] of cases) {
  let out = '', err = '';
  const code = await main(args, { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n'), isTTY: false });
  console.log(`### ${name} → ${code}\n${err.trim()}\n${code === 0 ? out.slice(0, 300) : ''}`);
}
