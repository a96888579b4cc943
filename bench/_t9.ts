import { validatePack } from '../harness/packs/validate.ts';
import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { writePack } from './setup.ts';
import { buildRecord } from '../harness/runner/outcome.ts';
import { buildMessages } from '../harness/packs/prompt.ts';
import { parseOutput } from '../harness/scoring/parsers.ts';
import { SCORERS } from '../harness/scoring/score-task.ts';
import { splitThinking } from '../harness/text/thinking.ts';
import { koreanRatio } from '../harness/text/hangul.ts';
const dir = mkdtempSync(path.join(tmpdir(), 'kb-'));
const { pack } = await validatePack(writePack(dir, 5000));
const items = pack!.items;
const msgs = items.map((i) => buildMessages(pack!, i));
const texts = items.map((i) => '모의 응답 abcdef: ' + i.input.text!.slice(0, 24));
function time(name: string, f: (i: number) => unknown) {
  for (let r = 0; r < 3; r++) { const t0 = performance.now(); for (let i = 0; i < items.length; i++) f(i); if (r === 2) console.log(name, ((performance.now() - t0) / items.length * 1000).toFixed(2), 'µs'); }
}
time('buildRecord', (i) => buildRecord({ runId: 'r', model: 'm', pack: pack!, item: items[i]!, key: 'k', messages: msgs[i]!, params: {}, startedAt: '' }, { ok: true, attempts: 1, generation: { text: texts[i]!, finishReason: 'stop', latencyMs: 1, warnings: [] } }));
time('parseOutput', (i) => parseOutput(pack!, texts[i]!));
time('score1', (i) => SCORERS.classification(pack!, [{ gold: items[i]!.gold, input: items[i]!.input, parsed: '수의계약' }]));
time('split', (i) => splitThinking(texts[i]!));
time('korean', (i) => koreanRatio(texts[i]!));
time('date', () => new Date().toISOString());
const g = (i: number) => ({ ok: true as const, attempts: 1, generation: { text: texts[i]!, finishReason: 'stop' as const, latencyMs: 1, warnings: [] } });
time('parse+score', (i) => { const p = parseOutput(pack!, texts[i]!); return SCORERS.classification(pack!, [{ gold: items[i]!.gold, input: items[i]!.input, parsed: p.ok ? p.value : null }]); });
time('buildRecord again', (i) => buildRecord({ runId: 'r', model: 'm', pack: pack!, item: items[i]!, key: 'k', messages: msgs[i]!, params: {}, startedAt: '' }, g(i)));
time('parseOutput again', (i) => parseOutput(pack!, texts[i]!));
