// The one decision entry point refuses a decision on an application that is not of the job the
// reviewer was allowed to decide on: Slack, the web page and Teams all pass through it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationNotInJobError, recordDecision, UnknownApplicationError } from '../../src/core/decisions.ts';
import { coreContext, type CoreEnv } from '../helpers/core-context.ts';
import { DB_KINDS } from '../helpers/databases.ts';

describe.each(DB_KINDS)('the decision entry point on %s', (kind) => {
  let env: CoreEnv;
  beforeAll(async () => {
    env = await coreContext(kind);
    const db = env.ctx.db;
    for (const [job, team] of [['job-mine', 'user-dana'], ['job-other', 'user-tom']] as const) {
      await db.job.create({ data: { id: job, title: job, status: 'Open', hiringTeam: [{ userId: team, role: 'Hiring Manager' }] } });
      await db.candidate.create({ data: { id: `c-${job}`, name: `Person of ${job}` } });
      await db.application.create({ data: { id: `a-${job}`, candidateId: `c-${job}`, jobId: job, status: 'Active' } });
    }
  });
  afterAll(() => env.close());

  const dana = { id: 'user-dana', name: 'Dana Lee' };

  it('records a decision on an application of the job the reviewer decided on', async () => {
    const d = await recordDecision(env.ctx, { jobId: 'job-mine', applicationId: 'a-job-mine', reviewer: dana, channel: 'slack', verdict: 'maybe' });
    expect(d).toMatchObject({ jobId: 'job-mine', applicationId: 'a-job-mine', verdict: 'maybe' });
  });

  it('refuses another job\'s application named beside an allowed job: nothing stored, nothing queued', async () => {
    const before = await env.ctx.db.queueJob.count();
    await expect(
      recordDecision(env.ctx, { jobId: 'job-mine', applicationId: 'a-job-other', reviewer: dana, channel: 'slack', verdict: 'approve', note: 'mine now' }),
    ).rejects.toBeInstanceOf(ApplicationNotInJobError);
    expect(await env.ctx.db.decision.count({ where: { applicationId: 'a-job-other' } })).toBe(0);
    expect((await env.ctx.db.application.findUniqueOrThrow({ where: { id: 'a-job-other' } })).latestVerdict).toBeNull();
    expect(await env.ctx.db.queueJob.count()).toBe(before);
  });

  it('refuses an unknown application as before', async () => {
    await expect(
      recordDecision(env.ctx, { jobId: 'job-mine', applicationId: 'nope', reviewer: dana, channel: 'web', verdict: 'skip' }),
    ).rejects.toBeInstanceOf(UnknownApplicationError);
  });
});
