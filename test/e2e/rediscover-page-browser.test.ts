// The rediscovery page in real headless Chromium (see test/helpers/chromium.ts; driven by
// playwright-core), served over loopback HTTP with the Ashby sandbox behind it: a recruiter filters by
// archive reason, presses "Add to job", confirms, and the application is created in Ashby once. The
// page runs no script and breaks no CSP rule. Screenshots go to test-artifacts/.
import { mkdirSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumExecutable } from '../helpers/chromium.ts';
import { type RediscoverFixture, rediscoverFixture } from '../web/rediscover-page/fixture.ts';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'];
const ARTIFACTS = 'test-artifacts';

describe('the rediscovery page in Chromium', () => {
  let f: RediscoverFixture;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    f = await rediscoverFixture('sqlite');
    base = await f.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await chromium.launch({ executablePath: await chromiumExecutable(), args: CHROMIUM_ARGS });
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await f?.close();
  });

  it('filters, then adds a past candidate to the job after a confirmation', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));

    expect((await page.goto(`${base}/rd/${f.recruiterToken}`))?.status()).toBe(200);
    await page.getByLabel('Lowest score').fill('0');
    await page.getByLabel('Archive reason').fill('position filled');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/reason=position\+filled/);
    expect(await page.locator('#summary').textContent()).toBe('1 qualified past candidates out of 1 considered');
    expect(await page.locator('ol.results h2').textContent()).toMatch(/^1\. Cleo Filled \d+\/100/);
    expect(await page.getByLabel('Archive reason').inputValue()).toBe('position filled');
    await page.screenshot({ path: `${ARTIFACTS}/rediscover-page.png`, fullPage: true });

    const before = f.sandbox.control.writes.filter((w) => w.endpoint === 'application.create').length;
    await page.getByRole('button', { name: 'Add Cleo Filled to the job' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Add Cleo Filled to Store Manager?');
    await page.getByRole('button', { name: 'Yes, add to Store Manager' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Added to the job');
    const creates = f.sandbox.control.writes.filter((w) => w.endpoint === 'application.create');
    expect(creates).toHaveLength(before + 1);
    expect(creates.at(-1)!.body).toMatchObject({ candidateId: f.sandbox.control.org.id('candidate', 4), jobId: f.jobId });

    // Back to the same results, filters kept.
    await page.getByRole('link', { name: 'Back to the results' }).click();
    expect(await page.getByLabel('Archive reason').inputValue()).toBe('position filled');
    type Doc = { document: { scripts: unknown[] } };
    const scripts = await page.evaluate(() => (globalThis as unknown as Doc).document.scripts.length);
    expect(scripts).toBe(0);
    expect(problems, problems.join('\n')).toEqual([]);
    await page.close();
  });
});
