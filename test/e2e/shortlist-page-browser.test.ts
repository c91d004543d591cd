// The secure shortlist page in real headless Chromium (see test/helpers/chromium.ts; driven by playwright-core),
// against a whole Skima on loopback and the Ashby sandbox: open the link `skima start` prints, read the
// ten candidates, approve one with a note, see it persisted and written back to Ashby, reload and see
// it; an expired link; a forged POST without the CSRF token. Screenshots go to test-artifacts/.
import { mkdirSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForIdle } from '../../src/core/app.ts';
import { mintShortlistLinks } from '../../src/core/demo-links.ts';
import { mintLink } from '../../src/core/links.ts';
import { chromiumExecutable } from '../helpers/chromium.ts';
import { type SkimaHarness, startHarness, writesFor } from '../helpers/skima.ts';
import { waitFor } from '../helpers/wait.ts';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const ARTIFACTS = 'test-artifacts';
const APPLICANTS = ['Priya Raman', 'Tomás Herrera', 'Aiko Tanaka', 'Liam Byrne', 'Grace Mensah', 'Noah Fischer', 'Sara Haddad'];

describe('the shortlist page in Chromium', () => {
  let h: SkimaHarness;
  let browser: Browser;
  let page: Page;
  let url: string;
  let jobId: string;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    h = await startHarness('sqlite');
    const ctx = h.skima.ctx;
    expect(await waitForIdle(ctx, 60_000)).toBe(true);
    // Enough applicants for a full top-10 on the job with the longest shortlist.
    const job = await ctx.db.job.findFirstOrThrow({ orderBy: [{ shortlist: { _count: 'desc' } }, { title: 'asc' }] });
    jobId = job.id;
    for (const name of APPLICANTS) {
      h.sandbox.control.submitApplication({ jobId, name, email: `${name.split(' ')[0]!.toLowerCase()}@example.com` });
    }
    await waitFor('a full shortlist', async () => (await ctx.db.shortlistEntry.count({ where: { jobId } })) === 10, 60_000);
    expect(await waitForIdle(ctx, 60_000)).toBe(true);
    // The link `skima start` prints for the job's hiring manager.
    url = (await mintShortlistLinks(ctx)).find((l) => l.jobId === jobId)!.url;
    expect(url.startsWith(`${h.skima.address}/s/`)).toBe(true);
    browser = await chromium.launch({ executablePath: await chromiumExecutable(), args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('opens the link, shows the ten candidates, approves one with a note, writes it back, and keeps it on reload', async () => {
    const ctx = h.skima.ctx;
    const res = await page.goto(url);
    expect(res?.status()).toBe(200);
    const cards = page.locator('li.cand');
    expect(await cards.count()).toBe(10);
    const ranks = await page.locator('li.cand .rank').allTextContents();
    expect(ranks).toEqual(Array.from({ length: 10 }, (_, i) => `#${i + 1}`));
    const entries = await ctx.db.shortlistEntry.findMany({
      where: { jobId },
      orderBy: { rank: 'asc' },
      include: { application: { include: { candidate: true } } },
    });
    const headings = await page.locator('li.cand h2').allTextContents();
    expect(headings.map((t) => t.replace(/^Rank \d+: /, ''))).toEqual(entries.map((e) => e.application.candidate.name));
    expect(await page.locator('li.cand .num').allTextContents()).toEqual(entries.map((e) => String(e.score)));
    await expect(page.title()).resolves.toContain('Shortlist: ');

    // A quote opens in context, from the keyboard.
    const summary = cards.first().locator('summary').first();
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect(cards.first().locator('blockquote mark').first().isVisible()).resolves.toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}/shortlist-page.png` });
    await page.screenshot({ path: `${ARTIFACTS}/shortlist-page-full.png`, fullPage: true });

    for (const name of ['Approve', 'Maybe', 'Skip']) {
      expect(await cards.first().getByRole('button', { name }).isVisible()).toBe(true);
    }
    // Approve the top candidate with a note, without any script on the page.
    const top = entries[0]!;
    const note = 'Ready for a phone screen';
    await cards.first().locator('textarea[name="note"]').fill(note);
    await Promise.all([page.waitForURL(/#c-/), cards.first().getByRole('button', { name: 'Approve' }).click()]);
    const saved = page.locator('[role="status"]');
    const text = async (l: { textContent(): Promise<string | null> }) => (await l.textContent())?.replace(/\s+/g, ' ');
    expect(await text(saved)).toContain(`Your latest decision: Approved, ${top.application.candidate.name}`);
    const decision = await ctx.db.decision.findFirstOrThrow({ where: { applicationId: top.applicationId } });
    expect(decision).toMatchObject({ verdict: 'approve', channel: 'web', note, reviewerName: 'Dana Lee', rankAtDecision: 1 });

    const candidateId = top.application.candidateId;
    const written = await waitFor('the feedback note in Ashby', () =>
      writesFor(h.sandbox, 'candidate.createNote', (b) => b.candidateId === candidateId && JSON.stringify(b).includes(note))[0],
    );
    expect(JSON.stringify(written.body)).toContain(`Skima Shortlist Feedback: 👍 ${note} - Dana Lee via web`);
    await waitFor('the HM comment field in Ashby', () =>
      writesFor(h.sandbox, 'customField.setValues', (b) => b.objectId === top.applicationId && JSON.stringify(b).includes(note))[0],
    );

    // A reload shows the decision and posts nothing again.
    await page.reload();
    const first = page.locator('li.cand').first();
    expect(await text(first.locator('.decision'))).toMatch(/^Your decision: Approved via the web page, .* Note: “Ready for a phone screen”$/);
    expect(await ctx.db.decision.count({ where: { applicationId: top.applicationId } })).toBe(1);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${ARTIFACTS}/shortlist-page-phone.png`, fullPage: false });
    // The strict CSP blocked nothing the page needs.
    expect(consoleErrors).toEqual([]);
  });

  it('refuses a forged POST without the CSRF token', async () => {
    const ctx = h.skima.ctx;
    await page.goto(url);
    const ref = await page.locator('li.cand input[name="ref"]').nth(1).inputValue();
    const before = await ctx.db.decision.count();
    // Another page (even one that knows the link and a candidate's reference) submits the form.
    const forger = await browser.newPage();
    try {
      await forger.setContent(
        `<form method="post" action="${url}/decisions"><input name="ref" value="${ref}">`
        + '<input name="verdict" value="skip"><input name="note" value="forged"></form>',
      );
      const [response] = await Promise.all([
        forger.waitForResponse((r) => r.url().endsWith('/decisions')),
        forger.locator('form').evaluate((f) => (f as unknown as { submit(): void }).submit()),
      ]);
      expect(response.status()).toBe(403);
      await expect(forger.locator('main').textContent()).resolves.toContain('Your decision was not saved');
    } finally {
      await forger.close();
    }
    expect(await ctx.db.decision.count()).toBe(before);
  });

  it('says an expired link has expired and how to get a new one', async () => {
    const hm = (await h.skima.ctx.db.shareLink.findFirstOrThrow({ where: { jobId, reviewerId: { not: 'ashby' } } })).reviewerId;
    const expired = await mintLink(h.skima.ctx.db, { jobId, reviewerId: hm }, 60_000, new Date(Date.now() - 3_600_000));
    const res = await page.goto(`${h.skima.address}/s/${expired.token}`);
    expect(res?.status()).toBe(410);
    await expect(page.locator('h1').textContent()).resolves.toBe('This link has expired');
    await expect(page.locator('main').textContent()).resolves.toContain('To get a new link');
    await page.screenshot({ path: `${ARTIFACTS}/shortlist-link-expired.png` });
  });
});
