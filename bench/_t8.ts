// Runner overhead with an instant in-process adapter (no HTTP).
import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { writePack, writeBenchConfig, KEY_ENV, MODEL_ID } from './setup.ts';
import { planRun } from '../harness/cli/run-command.ts';
import { executeRun } from '../harness/runner/run.ts';
const N = Number(process.argv[2] ?? 20000);
const dir = mkdtempSync(path.join(tmpdir(), 'kb-'));
const packDir = writePack(dir, N);
const config = writeBenchConfig(dir, 'http://127.0.0.1:9/v1');
process.env[KEY_ENV] = 'k';
for (let rep = 0; rep < 3; rep++) {
  const plan = await planRun({ pack: packDir, models: MODEL_ID, config, concurrency: '32', runDir: path.join(dir, 'run' + rep), bootstrap: '100' }, { out: () => {}, err: () => {}, isTTY: false });
  plan.models[0]!.adapter = { id: 'x', model: 'x', generate: async (req) => ({ text: '모의 응답: ' + req.messages.at(-1)!.content.slice(0, 20), finishReason: 'stop', latencyMs: 1, warnings: [], usage: { inputTokens: 10, outputTokens: 5 } }) };
  let last = 0;
  const t0 = performance.now();
  await executeRun(plan, (e) => { if (e.type === 'item-done') last = performance.now(); }, new AbortController().signal);
  const t1 = performance.now();
  console.log(`requests phase ${((last - t0) / N * 1000).toFixed(1)} µs/item, finalize ${(t1 - last).toFixed(0)} ms`);
}
