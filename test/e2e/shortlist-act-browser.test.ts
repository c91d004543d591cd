// A bulk archive from the shortlist page in real headless Chromium (playwright-core), against a whole
// Skima on loopback and the Ashby sandbox: tick several candidates, pick one of Ashby's reasons,
// confirm once, and watch the progress page (it refreshes itself, no script) reach the final count.
import { mkdirSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForIdle } from '../../src/app.ts';
import { mintShortlistLinks } from '../../src/core/links/demo-links.ts';
import { chromiumExecutable } from '../helpers/chromium.ts';
import { type SkimaHarness, startHarness, writesFor } from '../helpers/skima.ts';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'];
const ARTIFACTS = 'test-artifacts';

describe('advance and archive on the shortlist page in Chromium', () => {
  let h: SkimaHarness;
  let browser: Browser;
  let url: string;
  let jobId: string;

  beforeAll(async () => {
    h = await startHarness('sqlite');
    const ctx = h.skima.ctx;
    expect(await waitForIdle(ctx, 60_000)).toBe(true);
    const job = await ctx.db.job.findFirstOrThrow({ orderBy: [{ shortlist: { _count: 'desc' } }, { title: 'asc' }] });
    jobId = job.id;
    // The link `skima start` prints for the job's hiring manager (Elevated Access in the sandbox: may archive).
    url = (await mintShortlistLinks(ctx)).find((l) => l.jobId === jobId)!.url;
    browser = await chromium.launch({ executablePath: await chromiumExecutable(), args: CHROMIUM_ARGS });
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('archives three ticked candidates with one reason after one confirmation, and shows the final count', async () => {
    const ctx = h.skima.ctx;
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    expect((await page.goto(url))?.status()).toBe(200);
    const entries = await ctx.db.shortlistEntry.findMany({
      where: { jobId },
      orderBy: { rank: 'asc' },
      include: { application: { include: { candidate: true } } },
    });
    const picked = entries.slice(0, 3);
    for (const e of picked) await page.getByRole('checkbox', { name: `Select ${e.application.candidate.name}` }).check();
    await Promise.all([page.waitForURL(/\/act$/), page.getByRole('button', { name: 'Archive selected…' }).click()]);
    for (const e of picked) await expect(page.locator('.who-list').textContent()).resolves.toContain(e.application.candidate.name);

    const reason = (await ctx.ashby.client.archiveReason.list()).find((r) => !r.isArchived)!;
    await page.getByLabel('Archive reason').selectOption({ label: reason.text });
    // No email is picked: none goes out.
    expect(await page.getByLabel(/Rejection email/).inputValue()).toBe('');
    await Promise.all([page.waitForURL(/\/act\/confirm$/), page.getByRole('button', { name: 'Continue' }).click()]);
    await expect(page.locator('.question').textContent()).resolves.toBe(`Archive 3 applications with reason "${reason.text}"?`);
    // Nothing was written to Ashby before this click.
    const moved = () => writesFor(h.sandbox, 'application.changeStage', (b) => picked.some((p) => p.applicationId === b.applicationId));
    expect(moved()).toEqual([]);
    await Promise.all([page.waitForURL(/\/act\/web-/), page.getByRole('button', { name: 'Yes, archive 3 candidates' }).click()]);

    // The page reloads itself (meta refresh) until every change is made.
    await page.locator('h1', { hasText: 'Done' }).waitFor({ timeout: 30_000 });
    await expect(page.locator('.final').textContent()).resolves.toBe('3 archived (of 3)');
    await expect(page.locator('.n-done').textContent()).resolves.toBe('3');
    await expect(page.locator('.n-pending').textContent()).resolves.toBe('0');
    await page.screenshot({ path: `${ARTIFACTS}/shortlist-bulk-archive-done.png`, fullPage: true });
    expect(moved()).toHaveLength(3);
    for (const m of moved()) expect(m.body).not.toHaveProperty('archiveEmail');
    expect(errors).toEqual([]);
    await page.close();
  });
});
