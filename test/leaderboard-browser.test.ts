/**
 * index.html in real headless Chromium (playwright-core, Debian's /usr/bin/chromium): offline,
 * with a fresh profile. Checks that hostile model names render as text and run nothing, that
 * the page makes no request besides itself, that sorting and the origin/residency filters work
 * by clicking, that the print stylesheet applies; saves a screenshot to
 * test/artifacts/leaderboard.png. Skipped only when Chromium is missing outside CI.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publish } from '../harness/publish/publish.ts';
import { HOSTILE, MODELS, TASKS, writeRun } from './fixtures/leaderboard/build.ts';
import { ROOT } from './helpers/cli.ts';

const CHROMIUM = '/usr/bin/chromium';
const skip = !existsSync(CHROMIUM) && !process.env.CI;
const ARTIFACT = path.join(ROOT, 'test', 'artifacts', 'leaderboard.png');

describe.skipIf(skip)('index.html in headless Chromium', () => {
  let root: string;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  const problems: string[] = [];
  let pageUrl: string;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'kseval-lbc-'));
    const M = MODELS;
    writeRun(root, { runId: '20261101T090000Z-a1b2c3', createdAt: '2026-11-01T09:00:00.000Z', models: [M.exaone!, M.hcx!, M.solar!, M.gpt!, M.claude!, M.lexical!], tasks: TASKS, manifest: true });
    writeRun(root, { runId: '20261102T090000Z-hostile', createdAt: '2026-11-02T09:00:00.000Z', models: HOSTILE, tasks: TASKS });
    const out = path.join(root, 'site');
    await publish([root], { out, formats: ['html'], allRuns: false, seed: 11 });
    pageUrl = pathToFileURL(path.join(out, 'index.html')).href;
    context = await chromium.launchPersistentContext(path.join(root, 'profile'), {
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      offline: true,
      viewport: { width: 1400, height: 900 },
    });
    page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(pageUrl);
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  /** Texts of one column of the board's visible rows, in display order. */
  const column = async (name: string): Promise<string[]> => {
    const heads = (await page.locator('#board thead th').allTextContents()).map((t) => t.trim());
    const i = heads.indexOf(name);
    expect(i, `column ${name}`).toBeGreaterThanOrEqual(0);
    return (await page.locator(`#board tbody tr:visible > td:nth-child(${i + 1})`).allTextContents()).map((t) => t.trim());
  };
  const clickHeader = (name: string) => page.locator('#board thead button', { hasText: new RegExp(`^${name}$`) }).click();

  it('renders hostile names as text and runs none of them; nothing but the page is requested', async () => {
    expect(await page.evaluate('[typeof window.__pwned, typeof window.__pwned2]')).toEqual(['undefined', 'undefined']);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
    const models = await column('Model');
    expect(models).toContain('<script>window.__pwned=1</script>');
    expect(await column('Vendor')).toContain('<img src=x onerror=window.__pwned2=1>');
    expect(models).toContain('pipe|`tick`\nnew"line\'');
    expect(await page.getByText('LG AI연구원').count()).toBeGreaterThan(0);
    expect(requests).toEqual([pageUrl]);
    expect(problems).toEqual([]); // no CSP violation report, no error, no alert
  });

  it('sorts by clicking a header, and reverses on a second click', async () => {
    await clickHeader('Model');
    const asc = await column('Model');
    expect(asc).toEqual([...asc].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    expect(await page.locator('#board th[aria-sort=ascending]').textContent()).toBe('Model');
    await clickHeader('Model');
    expect(await column('Model')).toEqual([...asc].reverse());

    await clickHeader('overall');
    const overall = (await column('overall')).map((t) => Number.parseFloat(t));
    expect(overall).toEqual([...overall].sort((a, b) => b - a));
    await clickHeader('Vendor');
    await clickHeader('Rank');
    const ranks = (await column('Rank')).map((t) => Number.parseInt(t, 10));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(problems).toEqual([]);
  });

  it('filters by origin and residency, in the table, the comparisons and the charts', async () => {
    const all = (await column('Model')).length;
    expect(all).toBe(8);
    await page.getByLabel('global').uncheck();
    expect(await column('Origin')).not.toContain('global');
    expect(await page.locator('#shown').textContent()).toBe('5');
    expect(await page.locator('g.bar.global:not([display=none])').count()).toBe(0);
    expect(await page.locator('g.bar.sovereign:not([display=none])').count()).toBeGreaterThan(0);

    await page.getByLabel('Korea').uncheck();
    expect(await column('Residency')).toEqual(expect.not.arrayContaining(['Korea', 'abroad']));
    expect((await column('Model')).sort()).toEqual(['builtin/lexical', 'lg/exaone-4.0-32b']);
    expect(await page.locator('#comparisons tbody tr:visible > td:first-child').allTextContents()).toEqual(['lg/exaone-4.0-32b', 'lg/exaone-4.0-32b', 'lg/exaone-4.0-32b']);
    // Visible bars are re-stacked from the top of each chart.
    const bars = page.locator('figure').first().locator('g.bar:not([display=none])');
    expect(await bars.count()).toBe(2);
    expect([await bars.nth(0).getAttribute('transform'), await bars.nth(1).getAttribute('transform')]).toEqual(['translate(0,24)', 'translate(0,42)']);

    await page.getByLabel('global').check();
    await page.getByLabel('Korea').check();
    expect((await column('Model')).length).toBe(all);
    expect(problems).toEqual([]);
  });

  it('prints: the controls hide, the table and charts stay; saves a screenshot', async () => {
    await clickHeader('Rank');
    if ((await page.locator('#board th[aria-sort]').textContent()) !== 'Rank' || (await page.locator('#board th[aria-sort]').getAttribute('aria-sort')) !== 'ascending') await clickHeader('Rank');
    expect(await page.locator('#board th[aria-sort=ascending]').textContent()).toBe('Rank');
    mkdirSync(path.dirname(ARTIFACT), { recursive: true });
    await page.screenshot({ path: ARTIFACT, fullPage: true });
    expect(existsSync(ARTIFACT)).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.controls').isVisible()).toBe(false);
    expect(await page.locator('#board').isVisible()).toBe(true);
    expect(await page.locator('figure svg').count()).toBe(4); // clinical, legal, procurement, overall
    const pdf = await page.pdf({ format: 'A4', landscape: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
    expect(requests).toEqual([pageUrl]);
  });
});
