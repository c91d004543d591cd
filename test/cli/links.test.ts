// `skima links create | revoke`: thin over core, against a real database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveLink } from '../../src/core/links/links.ts';
import { runSkima } from '../helpers/cli.ts';
import { migratedDb } from '../helpers/databases.ts';

// Each command is a process that loads the TypeScript sources and checks migrations: seconds apiece.
describe('skima links', { timeout: 120_000 }, () => {
  let env: Awaited<ReturnType<typeof migratedDb>>;
  let cliEnv: Record<string, string>;
  // Away from any .env of the checkout.
  const cwd = mkdtempSync(path.join(tmpdir(), 'skima-links-'));
  beforeAll(async () => {
    env = await migratedDb('sqlite');
    await env.db.job.create({
      data: {
        id: 'job-l',
        title: 'Store Manager',
        status: 'Open',
        hiringTeam: [
          { userId: 'u-dana', role: 'Hiring Manager', email: 'Dana.Lee@example.com', firstName: 'Dana', lastName: 'Lee' },
          { userId: 'u-rec', role: 'Recruiter', email: 'rec@example.com' },
        ],
      },
    });
    cliEnv = { DATABASE_URL: env.database.url, PUBLIC_BASE_URL: 'https://skima.example.com', LINK_TTL_DAYS: '3' };
  });
  afterAll(async () => {
    await env?.close();
    rmSync(cwd, { recursive: true, force: true });
  });

  async function skima(...args: string[]) {
    const run = runSkima(['links', ...args], { cwd, env: cliEnv });
    return { code: await run.exited, out: run.output() };
  }

  it('creates a personal link for a hiring team member named by email, and revokes it by its URL', async () => {
    const created = await skima('create', '--job', 'job-l', '--reviewer', 'dana.lee@example.com');
    expect(created.code).toBe(0);
    expect(created.out).toContain('Shortlist link for Dana Lee on "Store Manager"');
    const url = /https:\/\/skima\.example\.com\/s\/([A-Za-z0-9_-]{43})/.exec(created.out);
    expect(url).not.toBeNull();
    const link = await resolveLink(env.db, url![1]!);
    expect(link).toMatchObject({ ok: true, jobId: 'job-l', reviewerId: 'u-dana' });
    if (link.ok) expect(link.expiresAt.getTime() - Date.now()).toBeGreaterThan(2.9 * 24 * 3600 * 1000);

    const revoked = await skima('revoke', '--token', url![0]);
    expect(revoked).toMatchObject({ code: 0, out: 'revoked 1 link\n' });
    expect(await resolveLink(env.db, url![1]!)).toEqual({ ok: false, reason: 'revoked' });
  });

  it('takes the job by words of its title, and says which jobs the words match when not exactly one', async () => {
    const byWords = await skima('create', '--job', 'store manager', '--reviewer', 'u-dana');
    expect(byWords.code).toBe(0);
    expect(byWords.out).toContain('Shortlist link for Dana Lee on "Store Manager"');
    const none = await skima('create', '--job', 'pilot', '--reviewer', 'u-dana');
    expect(none.code).toBe(2);
    expect(none.out).toContain('No job known to Skima matches "pilot"');
    await env.db.job.create({ data: { id: 'job-am', title: 'Assistant Store Manager', status: 'Open' } });
    const several = await skima('create', '--job', 'manager', '--reviewer', 'u-dana');
    await env.db.job.delete({ where: { id: 'job-am' } });
    expect(several.code).toBe(2);
    expect(several.out).toContain('"manager" matches several jobs; name one by its id:\n');
    expect(several.out).toContain('  job-am  Assistant Store Manager (Open)');
  });

  it('revokes every link of a reviewer, and refuses people off the hiring team and missing flags', async () => {
    await skima('create', '--job', 'job-l', '--reviewer', 'u-rec');
    await skima('create', '--job', 'job-l', '--reviewer', 'u-rec');
    expect(await skima('revoke', '--reviewer', 'u-rec')).toMatchObject({ code: 0, out: 'revoked 2 links\n' });
    const stranger = await skima('create', '--job', 'job-l', '--reviewer', 'eve@example.com');
    expect(stranger.code).toBe(1);
    expect(stranger.out).toContain('eve@example.com is not on the hiring team of "Store Manager"');
    expect((await skima('create', '--job', 'job-l')).code).toBe(2);
    expect((await skima('revoke')).code).toBe(2);
    expect((await skima('rotate')).code).toBe(2);
    expect(await env.db.shareLink.count({ where: { reviewerId: 'eve@example.com' } })).toBe(0);
  });

  it('rediscover: an adding link for a recruiter, a reading one for the hiring manager, with the filters in the URL', async () => {
    const rec = await skima('rediscover', '--job', 'store manager', '--reviewer', 'rec@example.com', '--filters', 'min:70 dept:ops');
    expect(rec.code).toBe(0);
    expect(rec.out).toContain('Rediscovery link for rec@example.com on "Store Manager" (may add candidates to the job)');
    const recUrl = /https:\/\/skima\.example\.com\/rd\/([\w-]{43})\?min=70&dept=ops\n/.exec(rec.out);
    expect(recUrl).not.toBeNull();
    expect(await resolveLink(env.db, recUrl![1]!, new Date(), ['rediscover'])).toMatchObject({ ok: true, jobId: 'job-l', reviewerId: 'u-rec' });
    const dana = await skima('rediscover', '--job', 'job-l', '--reviewer', 'u-dana');
    expect(dana.out).toContain('Rediscovery link for Dana Lee on "Store Manager" (reads only)');
    const danaUrl = /\/rd\/([\w-]{43})\n/.exec(dana.out);
    expect(await resolveLink(env.db, danaUrl![1]!, new Date(), ['rediscover-view'])).toMatchObject({ ok: true, reviewerId: 'u-dana' });
    expect(await skima('revoke', '--token', `https://skima.example.com/rd/${danaUrl![1]!}?min=1`)).toMatchObject({ code: 0, out: 'revoked 1 link\n' });
    const stranger = await skima('rediscover', '--job', 'job-l', '--reviewer', 'eve@example.com');
    expect(stranger.code).toBe(1);
    expect(stranger.out).toContain('neither a recruiter or admin nor on the hiring team');
    const bad = await skima('rediscover', '--job', 'job-l', '--reviewer', 'u-rec', '--filters', 'min:abc');
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('"abc" is not a whole number');
    expect((await skima('create', '--job', 'job-l', '--reviewer', 'u-dana', '--filters', 'min:1')).code).toBe(2);
  });
});
