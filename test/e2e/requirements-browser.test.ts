// Correcting a job's requirements in real headless Chromium (playwright-core), against a whole Skima on
// loopback and the Ashby sandbox: the hiring manager opens the shortlist, marks a must-have the
// shortlist misses as "not a requirement", saves, and sees the re-score finish and the shortlist change
// (that requirement gone from every missing list). No JavaScript on the page: the form posts itself.
import { mkdirSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForIdle } from '../../src/app.ts';
import { mintShortlistLinks } from '../../src/core/links/demo-links.ts';
import { chromiumExecutable } from '../helpers/chromium.ts';
import { type SkimaHarness, startHarness } from '../helpers/skima.ts';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'];
const ARTIFACTS = 'test-artifacts';

describe('editing requirements on the shortlist page in Chromium', () => {
  let h: SkimaHarness;
  let browser: Browser;
  let url: string;
  let jobId: string;

  beforeAll(async () => {
    h = await startHarness('sqlite');
    expect(await waitForIdle(h.skima.ctx, 60_000)).toBe(true);
    const job = await h.skima.ctx.db.job.findFirstOrThrow({ orderBy: [{ shortlist: { _count: 'desc' } }, { title: 'asc' }] });
    jobId = job.id;
    url = (await mintShortlistLinks(h.skima.ctx)).find((l) => l.jobId === jobId)!.url;
    browser = await chromium.launch({ executablePath: await chromiumExecutable(), args: CHROMIUM_ARGS });
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('removes a must-have the shortlist misses; after the re-score no card lists it as missing', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await page.goto(url);
    const missingBefore = await page.locator('p.missing').allTextContents();
    const counts = new Map<string, number>();
    for (const line of missingBefore) {
      for (const m of line.replace('Missing must-haves:', '').split(';').map((s) => s.trim()).filter(Boolean)) {
        counts.set(m, (counts.get(m) ?? 0) + 1);
      }
    }
    const dropped = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    expect(missingBefore.join('\n')).toContain(dropped);

    await page.getByText('Edit the requirements').click();
    await page.getByLabel(`How ${dropped} counts`).selectOption('remove');
    await page.getByRole('button', { name: 'Save requirements and re-score' }).click();
    await page.waitForURL(/\?saved=requirements#requirements$/);
    await expect.poll(() => page.getByRole('status').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('Requirements saved as version 1.')]),
    );

    expect(await waitForIdle(h.skima.ctx, 120_000)).toBe(true);
    await page.reload();
    expect(await page.locator('#rescoring').count()).toBe(0);
    expect(await page.getByText(/Version 1, last changed by .+ via\s+the web page/).count()).toBe(1);
    const missingAfter = await page.locator('p.missing').allTextContents();
    for (const line of missingAfter) expect(line).not.toContain(dropped);
    expect(await page.getByLabel(`How ${dropped} counts`).inputValue()).toBe('remove');
    await page.locator('#requirements').screenshot({ path: `${ARTIFACTS}/requirements-edited.png` });
    await page.close();
  }, 180_000);
});
