/** The run screen drawn from a snapshot, at 120, 80 and 60 columns. */
import React from 'react';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { RunScreen } from '../harness/ui/RunScreen.tsx';
import type { RunRowView, RunView } from '../harness/ui/run-view.ts';
import { columnOf, lineWith, widest } from './ui-helpers.ts';

afterEach(() => cleanup());

const row = (model: string, domain: string, over: Partial<RunRowView> = {}): RunRowView => ({ key: `${model}/${domain}`, model, origin: 'sovereign', domain, state: 'running', done: 40, total: 109, errors: 0, unparsed: 2, retries: 3, tokens: 123_456, cost: { amount: 0.0421, currency: 'USD' }, rate: 12.3, elapsedMs: 65_000, etaMs: 30_000, ...over });

const view = (over: Partial<RunView> = {}): RunView => ({
  runId: '20260122T101500Z-abc123',
  runDir: '/work/results/runs/20260122T101500Z-abc123',
  models: 3,
  tasks: 4,
  phase: 'running',
  interrupted: false,
  total: 654,
  done: 250,
  alreadyDone: 0,
  errors: 1,
  unparsed: 4,
  retries: 6,
  tokens: 400_000,
  cost: [{ amount: 0.12, currency: 'USD' }],
  rate: 30.2,
  elapsedMs: 65_000,
  etaMs: 90_000,
  rows: [
    row('exaone-4.0.1-32b', 'clinical', { state: 'done', done: 109, etaMs: undefined, rate: undefined }),
    row('exaone-4.0.1-32b', 'legal'),
    row('hcx-005', 'clinical', { state: 'stopped', done: 3, errors: 3 }),
    row('gpt-4.1', 'procurement', { origin: 'global', state: 'waiting', done: 0, rate: undefined, elapsedMs: undefined, etaMs: undefined }),
  ],
  notes: [
    { model: 'hcx-005', kind: 'stopped', text: 'authentication failed (401): check CLOVA_STUDIO_API_KEY' },
    { model: 'solar-pro3', kind: 'rate-limited', text: 'rate limited: 12 retries after HTTP 429, concurrency 4 of 16' },
    { model: 'claude-sonnet-4.5', kind: 'skipped', text: 'no API key: set ANTHROPIC_API_KEY to run it' },
  ],
  ...over,
});

describe('RunScreen', () => {
  it('shows every column at 120 columns, one row per model × domain', () => {
    const { lastFrame } = render(<RunScreen view={view()} width={120} height={40} />);
    const f = lastFrame()!;
    expect(widest(f)).toBeLessThanOrEqual(120);
    const header = lineWith(f, 'progress');
    for (const h of ['model', 'domain', 'done', 'req/s', 'retry', 'err', 'unp', 'tokens', 'cost', 'elapsed', 'ETA']) expect(header).toContain(h);
    expect(lineWith(f, 'legal')).toMatch(/40\/109 +12\.3 +3 +0 +2 +123k +\$0\.0421 +1:05 +0:30/);
    expect(lineWith(f, 'exaone-4.0.1-32b')).toMatch(/109\/109.*done$/);
    expect(lineWith(f, 'hcx-005  ')).toContain('stopped');
    // the model id is printed once per group; its second row starts blank
    expect(lineWith(f, 'legal').startsWith('›  ' + ' '.repeat(16))).toBe(true);
    // why models did not run
    expect(lineWith(f, 'CLOVA_STUDIO_API_KEY')).toMatch(/^stopped +hcx-005 +authentication failed/);
    expect(lineWith(f, 'HTTP 429')).toMatch(/^rate limit +solar-pro3 +rate limited: 12 retries/);
    expect(lineWith(f, 'ANTHROPIC_API_KEY')).toMatch(/^skipped +claude-sonnet-4.5/);
    expect(f).toContain('250/654 38%');
    expect(f).toContain('Ctrl-C stop');
  });

  it('drops less important columns at 80 and 60 columns but keeps progress and errors', () => {
    const at80 = render(<RunScreen view={view()} width={80} height={40} />).lastFrame()!;
    expect(widest(at80)).toBeLessThanOrEqual(80);
    const h80 = lineWith(at80, 'progress');
    expect(h80).toContain('err');
    expect(h80).toContain('ETA');
    expect(h80).not.toContain('cost');
    expect(h80).not.toContain('tokens');
    const at60 = render(<RunScreen view={view()} width={60} height={40} />).lastFrame()!;
    expect(widest(at60)).toBeLessThanOrEqual(60);
    expect(lineWith(at60, 'done')).toContain('err');
    expect(lineWith(at60, 'legal')).toContain('40/109');
    // the done/total column lines up on every row
    const rows = ['clinical', 'legal', 'procurement'].map((d) => lineWith(at60, ` ${d} `));
    const doneEnds = rows.map((l) => {
      const m = /\d+\/\d+/u.exec(l)!;
      return columnOf(l, m[0]) + m[0].length;
    });
    expect(new Set(doneEnds).size).toBe(1);
    if (process.env.SHOW_FRAMES) console.log(`${at80}\n\n${at60}`);
  });

  it('wraps long reasons (Korean too) under the reason, not the label', () => {
    const text = '인증에 실패했습니다: CLOVA_STUDIO_API_KEY 값을 확인하고 다시 실행하세요. 남은 항목은 오류로 기록됩니다.';
    const f = render(<RunScreen view={view({ notes: [{ model: 'hcx-005', kind: 'stopped', text }] })} width={60} height={40} />).lastFrame()!;
    expect(widest(f)).toBeLessThanOrEqual(60);
    const lines = f.split('\n');
    const first = lines.findIndex((l) => l.startsWith('stopped'));
    const indent = columnOf(lines[first]!, '인증');
    expect(lines[first + 1]!.search(/\S/u)).toBe(indent);
    expect(lines.slice(first, first + 4).join('')).toContain('오류로');
  });

  it('folds finished rows when the terminal is short, keeping running ones', () => {
    const rows = Array.from({ length: 30 }, (_, i) => row(`model-${String(i).padStart(2, '0')}`, 'legal', i < 25 ? { state: 'done', done: 109 } : {}));
    const f = render(<RunScreen view={view({ rows, notes: [] })} width={100} height={20} />).lastFrame()!;
    expect(f.split('\n').length).toBeLessThan(20);
    for (let i = 25; i < 30; i++) expect(f).toContain(`model-${i}`);
    expect(f).toMatch(/finished rows not shown/);
  });

  it('says what happens while stopping and when scoring', () => {
    expect(render(<RunScreen view={view({ phase: 'stopping' })} width={100} height={40} />).lastFrame()).toContain('stopping: cancelling requests in flight; finished records are kept');
    expect(render(<RunScreen view={view({ phase: 'scoring' })} width={100} height={40} />).lastFrame()).toContain('scoring and bootstrap');
  });
});
