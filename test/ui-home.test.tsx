/** The home screen: packs by domain, models by origin with key status, choosing and starting a run, past runs. */
import React from 'react';
import path from 'node:path';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../harness/core/errors.ts';
import type { TaskPack } from '../harness/core/pack.ts';
import { discoverPacks } from '../harness/packs/discover.ts';
import { validatePack } from '../harness/packs/validate.ts';
import type { HomeDeps, ModelEntry, RunRequest } from '../harness/ui/deps.ts';
import { HomeApp, type HomeChoice } from '../harness/ui/HomeApp.tsx';
import { cli, FIXTURE_PACKS, tmp } from './helpers/cli.ts';
import { columnOf, KEY, lastColumnOf, lineWith, tick, waitForFrame, widest } from './ui-helpers.ts';

let packs: TaskPack[];
let runDir: string;

beforeAll(async () => {
  packs = [];
  for (const dir of await discoverPacks(FIXTURE_PACKS)) packs.push((await validatePack(dir)).pack!);
  runDir = path.join(tmp('kseval-home-'), 'run');
  const r = await cli(['run', '--no-tui', '--pack', FIXTURE_PACKS, '--run-dir', runDir, '--bootstrap', '100', '--models', 'builtin/lexical']);
  expect(r.code, r.err).toBe(0);
});

afterEach(() => cleanup());

const model = (id: string, over: Partial<ModelEntry>): ModelEntry => ({ id, adapter: 'openai-compatible', model: id, vendor: 'Vendor', origin: 'global', residency: 'abroad', openWeights: false, params: {}, keySet: false, ...over });
const MODELS: ModelEntry[] = [
  model('solar-pro3', { vendor: 'Upstage', origin: 'sovereign', residency: 'kr', apiKeyEnv: 'UPSTAGE_API_KEY', keySet: false }),
  model('exaone-4.0-32b-vllm', { vendor: 'LG AI Research', origin: 'sovereign', residency: 'local', openWeights: true, baseURL: 'http://127.0.0.1:8000/v1', keySet: true }),
  model('gpt-4.1', { vendor: 'OpenAI', apiKeyEnv: 'OPENAI_API_KEY', keySet: true }),
  model('builtin/lexical', { adapter: 'builtin', vendor: 'kseval', origin: 'reference', residency: 'local', openWeights: true, keySet: true }),
];

function deps(runs: string[] = [], onPlan?: (r: RunRequest) => void): HomeDeps {
  return {
    listPacks: async () => packs,
    listModels: async () => MODELS,
    listRuns: () => runs,
    plan: async (r) => {
      onPlan?.(r);
      throw new UserError('planning stopped by the test', { hint: 'ok' });
    },
  };
}

const ready = (f: string) => f.includes('demo/classify');

describe('home', () => {
  it('lists packs by domain with Korean titles and item counts in aligned columns', async () => {
    const { lastFrame } = render(<HomeApp deps={deps()} onDone={() => {}} size={{ columns: 100, rows: 40 }} />);
    const f = await waitForFrame(lastFrame, ready);
    expect(lineWith(f, '[x] demo')).toContain('6 tasks · 17 items');
    const ids = ['classify', 'extract', 'multi', 'select', 'short', 'spans'].map((t) => lineWith(f, `demo/${t} `));
    for (const title of ['계약방법', '공고 추출', '법조', '판단 문장', '단답', '개인정보']) expect(f).toContain(title);
    const kinds = ['classification', 'extraction', 'multilabel', 'sentence-select', 'short-answer', 'spans'];
    const kindAt = ids.map((l, i) => lastColumnOf(l, kinds[i]!));
    expect(new Set(kindAt).size).toBe(1);
    expect(kindAt[0]).toBeGreaterThan(columnOf(ids[0]!, '계약방법'));
    expect(new Set(ids.map((l) => columnOf(l, ' items'))).size).toBe(1);
    expect(f).toContain('run 6 tasks (17 items per model) × 2 models');
  });

  it('groups models by origin with residency and key status; hosted models with a key and references are chosen', async () => {
    const { lastFrame, stdin } = render(<HomeApp deps={deps()} onDone={() => {}} size={{ columns: 100, rows: 40 }} />);
    await waitForFrame(lastFrame, ready);
    stdin.write(KEY.tab);
    const f = await waitForFrame(lastFrame, (x) => x.includes('[Models 2/4]'));
    const lines = f.split('\n');
    const at = (s: string) => lines.findIndex((l) => l.includes(s));
    expect(at('sovereign')).toBeLessThan(at('solar-pro3'));
    expect(at('global')).toBeLessThan(at('gpt-4.1'));
    expect(at('reference')).toBeLessThan(at('builtin/lexical'));
    expect(lineWith(f, 'solar-pro3')).toMatch(/\[ \] solar-pro3 +Upstage +kr +closed +no key: UPSTAGE_API_KEY/);
    expect(lineWith(f, 'gpt-4.1')).toMatch(/\[x\] gpt-4\.1 .*abroad .*key set \(OPENAI_API_KEY\)/);
    expect(lineWith(f, 'exaone-4.0-32b-vllm')).toMatch(/\[ \].*local .*no key needed/);
    expect(lineWith(f, 'builtin/lexical')).toMatch(/\[x\]/);
    expect(lineWith(f, '] global')).toContain('1 of 1 selected');
  });

  it('toggles suites and models with Space, cycles the limit, and starts a run with r', async () => {
    const requests: RunRequest[] = [];
    const { lastFrame, stdin } = render(<HomeApp deps={deps([], (r) => requests.push(r))} onDone={() => {}} size={{ columns: 100, rows: 40 }} />);
    await waitForFrame(lastFrame, ready);
    stdin.write(KEY.space); // the domain: all off
    let f = await waitForFrame(lastFrame, (x) => x.includes('Suites 0/6'));
    stdin.write('r');
    f = await waitForFrame(lastFrame, (x) => x.includes('choose at least one task'));
    stdin.write(KEY.space); // all on again
    stdin.write(KEY.down);
    stdin.write(KEY.space); // demo/classify off
    stdin.write('l'); // first 5 items
    f = await waitForFrame(lastFrame, (x) => x.includes('Suites 5/6') && x.includes('first 5 per task'));
    stdin.write(KEY.tab);
    stdin.write(KEY.down);
    stdin.write(KEY.space); // solar-pro3 on (no key: the run will skip it)
    await tick();
    stdin.write('r');
    f = await waitForFrame(lastFrame, (x) => x.includes('planning stopped by the test'));
    expect(requests).toEqual([{ tasks: ['demo/extract', 'demo/multi', 'demo/select', 'demo/short', 'demo/spans'], models: ['solar-pro3', 'gpt-4.1', 'builtin/lexical'], limit: 5 }]);
    expect(widest(f)).toBeLessThanOrEqual(99);
  });

  it('sends every task as "all" and hands the plan over', async () => {
    const choices: HomeChoice[] = [];
    const d: HomeDeps = { ...deps(), plan: async (r) => ({ ...fakePlan(), runId: JSON.stringify(r) }) };
    const { lastFrame, stdin } = render(<HomeApp deps={d} onDone={(c) => choices.push(c)} size={{ columns: 80, rows: 30 }} />);
    await waitForFrame(lastFrame, ready);
    stdin.write(KEY.enter);
    await waitForFrame(lastFrame, () => choices.length > 0);
    const choice = choices[0]!;
    expect(choice.kind).toBe('run');
    expect(choice.kind === 'run' && JSON.parse(choice.plan.runId)).toEqual({ tasks: [], models: ['gpt-4.1', 'builtin/lexical'] });
  });

  it('lists past runs and opens one', async () => {
    const choices: HomeChoice[] = [];
    const { lastFrame, stdin } = render(<HomeApp deps={deps([runDir, '/nonexistent/run'])} onDone={(c) => choices.push(c)} size={{ columns: 100, rows: 40 }} />);
    await waitForFrame(lastFrame, ready);
    stdin.write(KEY.left);
    let f = await waitForFrame(lastFrame, (x) => x.includes('[Runs 2]'));
    expect(f).toMatch(/finished +\d{4}-\d\d-\d\d \d\d:\d\d +1 model × 6 tasks/);
    expect(lineWith(f, 'unreadable')).toMatch(/^ +run +unreadable +no readable manifest/);
    stdin.write(KEY.enter);
    f = await waitForFrame(lastFrame, () => choices.length > 0);
    const choice = choices[0]!;
    expect(choice.kind === 'view' && choice.run.summary.rows.length).toBeGreaterThan(0);
  });

  it('fits 80 and 60 columns', async () => {
    for (const columns of [80, 60]) {
      const { lastFrame, stdin } = render(<HomeApp deps={deps()} onDone={() => {}} size={{ columns, rows: 30 }} />);
      expect(widest(await waitForFrame(lastFrame, ready))).toBeLessThanOrEqual(columns);
      stdin.write(KEY.tab);
      expect(widest(await waitForFrame(lastFrame, (x) => x.includes('[Models')))).toBeLessThanOrEqual(columns);
      cleanup();
    }
  });
});

function fakePlan() {
  return {
    runId: '',
    runDir: '',
    createdAt: '',
    models: [],
    skipped: [],
    packs: [],
    concurrency: 1,
    retries: { max: 0, baseDelayMs: 0, maxDelayMs: 0, deadlineMs: 1 },
    timeoutMs: 1,
    seed: 1,
    bootstrap: 100,
    errorBudget: 0,
    retryErrors: false,
    resume: false,
    manifest: {
      schema_version: 1 as const,
      run_id: '',
      harness: { name: 'kseval' as const, version: '0', git_commit: null, node: '' },
      created_at: '',
      seed: 1,
      bootstrap: 100,
      options: { concurrency: 1, limit: null, timeout_ms: 1, retries: { max: 0, baseDelayMs: 0, maxDelayMs: 0, deadlineMs: 1 }, config_file: null, task_ids: [], pack_dirs: [] },
      models: [],
      skipped_models: [],
      packs: [],
    },
  };
}
