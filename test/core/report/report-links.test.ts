import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AshbyClient } from '../../../src/ashby/index.ts';
import { resolveLink, revokeLinks } from '../../../src/core/links.ts';
import { createReportLink, ReportAccessError } from '../../../src/core/report/report-links.ts';
import { type CoreEnv, coreContext } from '../../helpers/core-context.ts';
import { DB_KINDS } from '../../helpers/databases.ts';

const USERS: Record<string, object> = {
  'u-admin': { id: 'u-admin', firstName: 'Chris', lastName: 'Doyle', email: 'chris@example.com', globalRole: 'Organization Admin', isEnabled: true, updatedAt: '2026-01-01T00:00:00Z' },
  'u-hm': { id: 'u-hm', firstName: 'Dana', lastName: 'Lee', email: 'dana@example.com', globalRole: 'Elevated Access', isEnabled: true, updatedAt: '2026-01-01T00:00:00Z' },
};
/** Ashby answering user.info and user.list from USERS. */
const ashby = new AshbyClient({
  apiKey: 'test',
  baseUrl: 'http://127.0.0.1:9',
  fetch: async (input, init) => {
    if (String(input).endsWith('/user.list')) {
      return Response.json({ success: true, results: Object.values(USERS), moreDataAvailable: false });
    }
    const { userId } = JSON.parse(String(init?.body)) as { userId: string };
    if (!String(input).endsWith('/user.info')) throw new Error(`unexpected call ${String(input)}`);
    const user = USERS[userId];
    return Response.json(user ? { success: true, results: user } : { success: false, errors: ['user_not_found'] });
  },
});

describe.each(DB_KINDS)('report links on %s', (kind) => {
  let env: CoreEnv;
  beforeAll(async () => {
    env = await coreContext(kind);
    await env.ctx.db.job.create({
      data: {
        id: 'job-1',
        title: 'Cashier',
        status: 'Open',
        hiringTeam: [
          { userId: 'u-hm', role: 'Hiring Manager', email: 'dana@example.com', firstName: 'Dana', lastName: 'Lee' },
          { userId: 'u-rec', role: 'Recruiter', email: 'renee@example.com', firstName: 'Renee', lastName: 'Alvarez' },
        ],
      },
    });
  });
  afterAll(async () => {
    await env.close();
  });
  const deps = () => ({ db: env.ctx.db, config: env.ctx.config, ashby });

  it('mints a report link for a recruiter (by email) and an Ashby admin, audited, opening only the report', async () => {
    const recruiter = await createReportLink(deps(), 'Renee@Example.com', 'cli');
    expect(recruiter.reader).toEqual({ userId: 'u-rec', name: 'Renee Alvarez', as: 'recruiter' });
    const token = recruiter.url.split('/r/')[1]!;
    expect(recruiter.url).toBe(`${env.ctx.config.publicBaseUrl}/r/${token}`);
    expect(await resolveLink(env.ctx.db, token, new Date(), 'report')).toMatchObject({ ok: true, reviewerId: 'u-rec', jobId: '' });
    expect(await resolveLink(env.ctx.db, token)).toEqual({ ok: false, reason: 'unknown' });
    const admin = await createReportLink(deps(), 'u-admin', 'U-SLACK');
    expect(admin.reader).toEqual({ userId: 'u-admin', name: 'Chris Doyle', as: 'admin' });
    // Only the hash is stored; the audit log names who asked, never the token.
    const stored = JSON.stringify(await env.ctx.db.shareLink.findMany());
    expect(stored).not.toContain(token);
    const minted = await env.ctx.db.auditEvent.findMany({ where: { action: 'link.minted' }, orderBy: { at: 'asc' } });
    expect(minted.map((e) => [e.actor, (e.detail as { kind: string }).kind])).toEqual([['cli', 'report'], ['U-SLACK', 'report']]);
    expect(await revokeLinks(env.ctx.db, { reviewerId: 'u-rec' }, new Date(), 'u-admin')).toBe(1);
    expect(await resolveLink(env.ctx.db, token, new Date(), 'report')).toEqual({ ok: false, reason: 'revoked' });
    const revoked = await env.ctx.db.auditEvent.findFirstOrThrow({ where: { action: 'link.revoked' } });
    expect(revoked).toMatchObject({ actor: 'u-admin', detail: { count: 1, reviewerId: 'u-rec', jobId: null, byToken: false } });
  });

  it('refuses a hiring manager and a stranger, and mints nothing', async () => {
    const before = await env.ctx.db.shareLink.count();
    await expect(createReportLink(deps(), 'dana@example.com', 'cli')).rejects.toThrow(ReportAccessError);
    await expect(createReportLink(deps(), 'u-hm', 'cli')).rejects.toThrow(/neither a recruiter .* nor an Ashby organisation admin/);
    await expect(createReportLink(deps(), 'u-nobody', 'cli')).rejects.toThrow(ReportAccessError);
    expect(await env.ctx.db.shareLink.count()).toBe(before);
  });
});
