/**
 * A run killed with SIGKILL midway and resumed: no finished request is sent again (counted at
 * the fake server) and the final summary equals an uninterrupted run's.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from './fake-server/index.ts';
import { FIXTURE_PACKS, spawnCli, tmp, writeConfig } from './helpers/cli.ts';

const answer = (content: string) => (content.includes('계약방법') ? '수의계약' : content.includes('적용 법조') ? '형법 제329조' : content.includes('질문') ? '7.1%' : '[]');
const lastUser = (body: unknown) => {
  const msgs = (body as { messages?: Array<{ role: string; content: string }> }).messages ?? [];
  return msgs.filter((m) => m.role === 'user').at(-1)?.content ?? '';
};
const summaryValues = (dir: string) =>
  (parse(readFileSync(path.join(dir, 'summary.csv'), 'utf8'), { columns: true }) as Record<string, string>[]).map(({ run_id, created_at, ...rest }) => rest);

let server: FakeServer;
afterAll(() => server?.close());

describe('resume after SIGKILL', () => {
  it('finishes without repeating a finished request and matches an uninterrupted run', async () => {
    server = await startFakeServer({ latencyMs: 60, respond: ({ messages }) => ({ content: answer(messages.at(-1)!.content) }) });
    const dir = tmp();
    const config = writeConfig(dir, [{ id: 'fake', baseURL: server.url }]);
    const env = { KSEVAL_FAKE_KEY: 'resume-key' };
    const args = ['run', '--no-tui', '--config', config, '--pack', FIXTURE_PACKS, '--models', 'fake', '--concurrency', '2', '--seed', '9'];

    // Uninterrupted reference run.
    const full = path.join(dir, 'full');
    const ref = await spawnCli([...args, '--run-dir', full], env);
    expect(ref.code, ref.err).toBe(0);
    const refRequests = server.requests.length;
    expect(refRequests).toBe(17);
    server.requests.length = 0;

    // Killed run: SIGKILL once a few records are on disk.
    const runDir = path.join(dir, 'killed');
    const recordsFile = path.join(runDir, 'records.jsonl');
    let done: string[] = [];
    const killed = await new Promise<Awaited<ReturnType<typeof spawnCli>>>((resolve) => {
      let kill: (() => void) | undefined;
      const p = spawnCli([...args, '--run-dir', runDir], env, (_c, k) => (kill = k));
      const poll = setInterval(() => {
        if (existsSync(recordsFile) && readFileSync(recordsFile, 'utf8').split('\n').filter(Boolean).length >= 5 && kill) {
          clearInterval(poll);
          kill();
        }
      }, 5);
      void p.then((r) => (clearInterval(poll), resolve(r)));
    });
    expect(killed.signal).toBe('SIGKILL');
    done = readFileSync(recordsFile, 'utf8').split('\n').filter((l) => l.trim() && l.endsWith('}')).map((l) => (JSON.parse(l) as { messages: Array<{ role: string; content: string }> }).messages.filter((m) => m.role === 'user').at(-1)!.content);
    expect(done.length).toBeGreaterThanOrEqual(5);
    expect(done.length).toBeLessThan(17);
    const beforeResume = server.requests.length;

    const resumed = await spawnCli(['run', '--no-tui', '--resume', runDir], env);
    expect(resumed.code, resumed.err).toBe(0);
    const resumedRequests = server.requests.slice(beforeResume).map((r) => lastUser(r.body));
    for (const d of done) expect(resumedRequests).not.toContain(d);
    expect(resumedRequests.length).toBe(17 - done.length);
    expect(summaryValues(runDir)).toEqual(summaryValues(full));
    const lines = readFileSync(recordsFile, 'utf8').trim().split('\n');
    expect(new Set(lines.map((l) => (JSON.parse(l) as { item_id: string; task: string }).task + '/' + (JSON.parse(l) as { item_id: string }).item_id)).size).toBe(17);
  }, 60_000);
});
