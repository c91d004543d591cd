// The ROI report page in real headless Chromium (see test/helpers/chromium.ts; driven by playwright-core), served
// over loopback HTTP from the hand-checked history: the charts render, the page runs no script and
// breaks no CSP rule, and at a phone's width nothing scrolls sideways. Screenshots go to test-artifacts/.
import { mkdirSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumExecutable } from '../helpers/chromium.ts';
import { RANGE, type ReportFixture, reportFixture } from '../web/report-page/fixture.ts';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'];
const ARTIFACTS = 'test-artifacts';

describe('the report page in Chromium', () => {
  let f: ReportFixture;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    f = await reportFixture('sqlite');
    const address = await f.app.listen({ host: '127.0.0.1', port: 0 });
    url = `${address}/r/${f.token}${RANGE}`;
    browser = await chromium.launch({ executablePath: await chromiumExecutable(), args: CHROMIUM_ARGS });
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await f?.close();
  });

  for (const [name, viewport] of [
    ['desktop', { width: 1280, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    it(`renders at ${name} width (${viewport.width}px) with no sideways scroll`, async () => {
      const page = await browser.newPage({ viewport });
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      const res = await page.goto(url);
      expect(res?.status()).toBe(200);
      expect(await page.locator('h1').textContent()).toBe('ROI report: Whole organisation');
      expect(await page.locator('#fig-screened dd').textContent()).toBe('4before: 2 (+2)');
      const charts = await page.locator('figure.chart > svg').evaluateAll((svgs) =>
        svgs.map((s) => s.getBoundingClientRect().width));
      expect(charts).toHaveLength(6);
      for (const width of charts) expect(width).toBeGreaterThan(200);
      const scroll = await page.locator('html').evaluate((root) => {
        type Root = { scrollWidth: number; clientWidth: number; ownerDocument: { scripts: unknown[] } };
        const el = root as unknown as Root;
        return { page: el.scrollWidth, view: el.clientWidth, scripts: el.ownerDocument.scripts.length };
      });
      expect(scroll.scripts).toBe(0);
      expect(scroll.page).toBeLessThanOrEqual(scroll.view);
      await page.screenshot({ path: `${ARTIFACTS}/report-page-${name}.png`, fullPage: true });
      expect(problems, problems.join('\n')).toEqual([]);
      await page.close();
    });
  }
});
