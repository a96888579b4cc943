/**
 * Bench fixtures: a generated classification pack under a `tasks`-like root, a config pointing
 * one openai-compatible model at a fake server, and the fake server itself in its own process
 * (so its CPU does not share the measured process's event loop).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startFakeServerProcess, type FakeProcess } from '../test/fake-server/process.ts';

export type { FakeProcess };

export const ROOT = path.resolve(import.meta.dirname, '..');
export const PACK_ID = 'bench/classify';
export const MODEL_ID = 'bench-model';
export const KEY_ENV = 'KSEVAL_BENCH_KEY';
export const LABELS = ['일반경쟁', '제한경쟁', '지명경쟁', '수의계약'];

/**
 * Writes `<root>/tasks/bench/classify/{pack.yaml,items.jsonl}` with `n` test items. The fake
 * server echoes the first 24 characters of the prompt, which name one label, so every answer
 * parses; it matches the gold for about half the items.
 */
export function writePack(root: string, n: number): string {
  const dir = path.join(root, 'tasks', ...PACK_ID.split('/'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'pack.yaml'),
    [
      `id: ${PACK_ID}`,
      'version: 1.0.0',
      'domain: bench',
      'title: { ko: 계약방법 (벤치마크), en: Contract method (bench) }',
      'description: 생성된 벤치마크 팩',
      'license: CC0-1.0',
      'kind: classification',
      `labels: [${LABELS.join(', ')}]`,
      'prompt:',
      '  system: 당신은 공공조달 전문가입니다.',
      '  template: "{{text}}\\n\\n계약방법을 하나만 답하세요.\\n{{labels}}"',
      'metrics: [f1.macro, accuracy]',
      '',
    ].join('\n'),
  );
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const said = LABELS[i % LABELS.length]!;
    const gold = LABELS[(i % 2 === 0 ? i : i + 1) % LABELS.length]!;
    const text = `${said} 방식 검토 ${i}\n사업 ${i}번: 관내 업체 대상 물품 구매, 추정가격 ${(i * 7919) % 100000}만원, 긴급성 ${i % 3}.`;
    lines.push(JSON.stringify({ id: `b${String(i).padStart(6, '0')}`, split: 'test', input: { text }, gold }));
  }
  writeFileSync(path.join(dir, 'items.jsonl'), lines.join('\n') + '\n');
  return dir;
}

export function writeBenchConfig(dir: string, baseURL: string, extra: string[] = []): string {
  const file = path.join(dir, 'kseval.config.yaml');
  writeFileSync(
    file,
    [
      'models:',
      `  - id: ${MODEL_ID}`,
      '    adapter: openai-compatible',
      '    model: fake-model',
      `    baseURL: ${baseURL}`,
      `    apiKeyEnv: ${KEY_ENV}`,
      '    vendor: Bench',
      '    origin: sovereign',
      '    residency: local',
      '    openWeights: true',
      'retries: { max: 3, baseDelayMs: 50, maxDelayMs: 1000, deadlineMs: 120000 }',
      'timeoutMs: 60000',
      ...extra,
      '',
    ].join('\n'),
  );
  return file;
}

/** The fake OpenAI-compatible server with a fixed latency, in its own process. */
export function startFakeProcess(latencyMs: number, args: string[] = []): Promise<FakeProcess> {
  return startFakeServerProcess(['--dialect', 'openai', '--port', '0', '--latency', String(latencyMs), ...args]);
}
