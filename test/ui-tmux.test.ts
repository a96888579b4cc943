/**
 * End to end in a real terminal: the real binary in tmux, from the home screen through a run of
 * the reference systems on the fixture packs to the results, a task, an item, and quit.
 * Skipped only when tmux is missing outside CI (CI installs tmux, so there it must run).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, FIXTURE_PACKS, tmp } from './helpers/cli.ts';

const hasTmux = spawnSync('tmux', ['-V'], { stdio: 'ignore' }).status === 0;
const SOCKET = `kseval-ui-test-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
const pane = () => tmux('capture-pane', '-p', '-J', '-t', 'ks');

async function waitForPane(ok: (text: string) => boolean, what: string, timeoutMs = 20_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    last = pane();
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}; the pane shows:\n${last}`);
}

const keys = (...k: string[]) => tmux('send-keys', '-t', 'ks', ...k);

afterAll(() => {
  if (hasTmux) spawnSync('tmux', ['-L', SOCKET, 'kill-server'], { stdio: 'ignore' });
});

describe.skipIf(!hasTmux && !process.env.CI)('kseval in a terminal (tmux)', () => {
  it('home → run on the reference systems → results → task → item → quit', async () => {
    // A project whose tasks/ are the fixture packs; no keys in the environment, not "in CI"
    // (Ink draws only the last frame when it thinks it is in CI).
    const cwd = tmp('kseval-tmux-');
    symlinkSync(FIXTURE_PACKS, path.join(cwd, 'tasks'));
    const env = [`PATH=${process.env.PATH ?? ''}`, `HOME=${process.env.HOME ?? cwd}`, 'TERM=xterm-256color', 'LANG=C.UTF-8', 'LC_ALL=C.UTF-8'];
    const command = `env -i ${env.map((e) => `'${e}'`).join(' ')} '${process.execPath}' '${BIN}'; echo KSEVAL_EXIT=$?; sleep 600`;
    tmux('-u', 'new-session', '-d', '-s', 'ks', '-x', '120', '-y', '40', '-c', cwd, command);

    let text = await waitForPane((t) => t.includes('[Suites 6/6]') && t.includes('demo/spans'), 'the home screen');
    expect(text).toContain('계약방법');
    expect(text).toMatch(/run 6 tasks \(17 items per model\) × 2 models/);

    keys('r');
    text = await waitForPane((t) => t.includes('kseval results') && t.includes('F1 [95% CI]'), 'the results screen');
    expect(text).toMatch(/✓ +builtin\/\w+ +demo .*17\/17/);
    expect(text).toMatch(/reference\n.*builtin\/(lexical|majority) .*\d+\.\d \[\d+\.\d–\d+\.\d\]/u);

    keys('Enter');
    text = await waitForPane((t) => t.includes('every metric'), 'the domain page');
    expect(text).toMatch(/demo\/classify +계약방법 +classification +n=4/);

    keys('Enter');
    text = await waitForPane((t) => t.includes('per label (5)') && t.includes('items (4)'), 'the task page');
    expect(text).toMatch(/협상에 의한 계약/);

    keys('Enter');
    text = await waitForPane((t) => t.includes('── gold'), 'the item page');
    expect(text).toContain('item cls-003');
    expect(text).toContain('── output');
    expect(text).toContain('prompt 1 · system');

    keys('Escape');
    await waitForPane((t) => t.lastIndexOf('items (4)') > t.lastIndexOf('── gold'), 'back on the task page');
    keys('q');
    text = await waitForPane((t) => /KSEVAL_EXIT=\d+/u.test(t), 'the exit');
    expect(text).toContain('KSEVAL_EXIT=0');

    const runs = path.join(cwd, 'results', 'runs');
    const [run] = readdirSync(runs);
    for (const f of ['manifest.json', 'records.jsonl', 'summary.csv', 'items.csv']) expect(existsSync(path.join(runs, run!, f))).toBe(true);
  }, 120_000);
});
