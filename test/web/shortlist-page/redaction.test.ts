// Redaction mode (REDACTION_MODE=on): no name, email or phone number of any seeded candidate anywhere
// in the page's HTML or the evidence PDFs; and the per-link and per-address rate limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintLink } from '../../../src/core/links.ts';
import { extractText } from '../../../src/scoring/index.ts';
import { type PageFixture, screenedSkima, shortlistRefs } from './fixture.ts';

const PHONE = /\+?\(?\d[\d ().-]{7,}\d/g;

describe('redaction mode', () => {
  let f: PageFixture;
  let identifiers: string[];
  beforeAll(async () => {
    f = await screenedSkima('sqlite', {
      REDACTION_MODE: 'on',
      LINK_RATE_LIMIT_PER_MINUTE: '20',
      LINK_RATE_LIMIT_PER_IP_PER_MINUTE: '30',
    });
    const db = f.h.skima.ctx.db;
    const candidates = await db.candidate.findMany();
    const texts = (await db.resumeFile.findMany()).map((r) => r.extractedText ?? '');
    const phones = texts.flatMap((t) => [...t.matchAll(PHONE)].map((m) => m[0]).filter((p) => p.replace(/\D/g, '').length >= 9));
    expect(phones.length).toBeGreaterThan(3);
    // Every name word too ("Santos" alone would still name Valentina Santos).
    const nameWords = candidates.flatMap((c) => (c.name ?? '').split(/\s+/)).filter((w) => w.length >= 2);
    identifiers = [...candidates.flatMap((c) => [c.name!, c.primaryEmail!]), ...nameWords, ...phones].filter(Boolean);
    expect(identifiers.length).toBeGreaterThan(20);
  });
  afterAll(async () => {
    await f?.close();
  });

  const leaks = (text: string) =>
    identifiers.filter((id) => new RegExp(`(?<![\\p{L}\\p{N}])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u').test(text));

  it('shows no name, email or phone in the page, its quotes in context, or its decisions', async () => {
    const inject = f.h.skima.server.inject.bind(f.h.skima.server);
    const entries = await shortlistRefs(f);
    // A decision whose note names the candidate, so the page lists past decisions and notes too.
    const first = await f.h.skima.ctx.db.application.findUniqueOrThrow({
      where: { id: entries[0]!.applicationId },
      include: { candidate: true },
    });
    const note = `Call ${first.candidate.name} at ${first.candidate.primaryEmail}`;
    const page0 = (await inject({ url: `/s/${f.token}`, remoteAddress: '10.0.0.1' })).body;
    const csrf = /name="csrf" value="([^"]+)"/.exec(page0)![1]!;
    const post = await inject({
      method: 'POST',
      url: `/s/${f.token}/decisions`,
      remoteAddress: '10.0.0.1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ csrf, ref: entries[0]!.ref, verdict: 'skip', note }).toString(),
    });
    expect(post.statusCode).toBe(303);
    const body = (await inject({ url: `/s/${f.token}`, remoteAddress: '10.0.0.1' })).body;
    expect(body).toContain('names and contact details hidden');
    expect(body).toContain('Candidate #1');
    expect(body).toContain('Candidate ranked #1 when you decided');
    expect(body).toContain('Note: “Call [redacted] [redacted] at [redacted]”');
    // The quotes in context are on the page (test/core/quote-context.test.ts shows how they are masked).
    expect(body.match(/<mark>/g)?.length).toBeGreaterThan(5);
    expect(leaks(body)).toEqual([]);
  });

  it('puts no name, email or phone in any evidence PDF', async () => {
    const inject = f.h.skima.server.inject.bind(f.h.skima.server);
    for (const e of await shortlistRefs(f)) {
      const res = await inject({ url: `/s/${f.token}/evidence/${e.ref}`, remoteAddress: '10.0.0.2' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="SKIMA_Evidence_Candidate-\d+_[A-Za-z0-9-]+_(Undecided|Approved|Skipped|Maybe)\.pdf"$/);
      const text = await extractText(res.rawPayload, { filename: 'e.pdf' });
      if (!text.ok) throw new Error(text.message);
      expect(text.text).toContain('Skima screening evidence');
      expect(text.text).toMatch(/Candidate \d+/);
      expect(text.text).toMatch(/Decision: /);
      expect(leaks(text.text)).toEqual([]);
    }
  });

  it('limits requests per link and per address, with Retry-After and a plain page', async () => {
    const inject = f.h.skima.server.inject.bind(f.h.skima.server);
    const { token } = await mintLink(f.h.skima.ctx.db, { jobId: f.jobId, reviewerId: f.manager.userId });
    const codes: number[] = [];
    for (let i = 0; i < 21; i++) codes.push((await inject({ url: `/s/${token}`, remoteAddress: '10.0.1.1' })).statusCode);
    expect(codes.slice(0, 20).every((c) => c === 200)).toBe(true);
    const limited = await inject({ url: `/s/${token}`, remoteAddress: '10.0.1.2' });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body).toContain('Too many requests');
    expect(limited.headers['cache-control']).toBe('no-store');

    // One address guessing many tokens is stopped before any is looked up.
    const guesses: number[] = [];
    for (let i = 0; i < 31; i++) {
      guesses.push((await inject({ url: `/s/${String(i).padStart(43, 'g')}`, remoteAddress: '10.0.2.1' })).statusCode);
    }
    expect(guesses.slice(0, 30).every((c) => c === 404)).toBe(true);
    expect(guesses[30]).toBe(429);
  });
});
