// "Hired" notices and reminders through the chat port, with a fake front door and a fixed clock: one
// announcement per hire however often it is seen, to the hiring managers and the hires channel; a
// reminder once a working day per manager and job after NUDGE_AFTER_WORKING_DAYS, none at the weekend,
// none once the candidates are decided; who is waited on in status and the digest.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChatFrontDoor, ChatNotice, NoticeRecipient } from '../../../src/bot/ports.ts';
import { announceHire, deliverNotice, fanOutHire, HIRE_ANNOUNCE_QUEUE, type NoticeJob, noticeQueue } from '../../../src/core/chat/notices.ts';
import { scanForNudges } from '../../../src/core/nudges/nudge.ts';
import { followUpWhenScreened, screeningFinished } from '../../../src/core/intake/follow-up.ts';
import { waitingOnManagers } from '../../../src/core/nudges/waiting.ts';
import { collectStatus } from '../../../src/core/ops/status.ts';
import { digestWithTrends } from '../../../src/core/report/digest-trends.ts';
import { formatStatus } from '../../../src/cli/status.ts';
import { formatDigest } from '../../../src/cli/digest.ts';
import { DB_KINDS } from '../../helpers/databases.ts';
import { coreContext, type CoreEnv } from '../../helpers/core-context.ts';

interface Posted { to: NoticeRecipient; notice: ChatNotice }

function fakeDoor(hiresChannel: boolean): ChatFrontDoor & { posted: Posted[] } {
  const posted: Posted[] = [];
  return {
    channel: 'slack',
    routes: async () => {},
    path: '/x',
    reachedBy: 'test',
    wantsDigest: false,
    hiresChannel,
    posted,
    deliverCard: async () => undefined,
    refreshCard: async () => undefined,
    postDigest: async () => {},
    checkSetup: async () => [],
    postNotice: async (to, notice) => {
      posted.push({ to, notice });
    },
  };
}

// Friday 4 December 2026, 10:00 UTC: the candidates' first scores.
const FRIDAY = new Date('2026-12-04T10:00:00Z');
const day = (iso: string) => new Date(iso);

describe.each(DB_KINDS)('notices on %s', (kind) => {
  let env: CoreEnv;
  let door: ReturnType<typeof fakeDoor>;

  beforeAll(async () => {
    env = await coreContext(kind, { env: { NUDGE_AFTER_WORKING_DAYS: '2' } });
    const { db } = env.ctx;
    await db.job.create({
      data: {
        id: 'job-1',
        title: 'Store Manager',
        status: 'Open',
        hiringTeam: [
          { userId: 'user-dana', role: 'Hiring Manager', email: 'Dana@example.com', firstName: 'Dana', lastName: 'Lee' },
          { userId: 'user-chris', role: 'Recruiter', email: 'chris@example.com' },
        ],
      },
    });
    for (const n of [1, 2]) {
      await db.candidate.create({ data: { id: `c-${n}`, name: `Person ${n}` } });
      await db.application.create({ data: { id: `a-${n}`, candidateId: `c-${n}`, jobId: 'job-1', status: 'Active', currentScore: 90 - n } });
      await db.score.create({
        data: {
          applicationId: `a-${n}`, score: 90 - n, reasons: [], missing: [], features: {}, scorerVersion: 'v1', resumeHash: 'r', jdHash: 'j',
          createdAt: new Date(FRIDAY.getTime() + n * 3600_000),
        },
      });
      await db.shortlistEntry.create({ data: { jobId: 'job-1', applicationId: `a-${n}`, rank: n, score: 90 - n } });
    }
  });
  beforeEach(async () => {
    door = fakeDoor(true);
    env.ctx.chat = [door];
    await env.ctx.db.queueJob.deleteMany({});
  });
  afterAll(async () => {
    await env?.close();
  });

  const jobsOn = (queue: string) => env.ctx.db.queueJob.findMany({ where: { queue }, orderBy: { createdAt: 'asc' } });
  const deliverAll = async () => {
    for (const j of await jobsOn(noticeQueue('slack'))) await deliverNotice(env.ctx, door, j.payload as NoticeJob, { id: j.id });
  };

  it('a hire seen by the webhook and by the poll is announced once, to the hiring manager and the channel', async () => {
    await announceHire(env.ctx.queue, 'a-1');
    await announceHire(env.ctx.queue, 'a-1');
    expect(await jobsOn(HIRE_ANNOUNCE_QUEUE)).toHaveLength(1);
    expect(await fanOutHire(env.ctx, 'a-1')).toBe(2);
    expect(await fanOutHire(env.ctx, 'a-1')).toBe(0); // a retried fan-out queues nothing new
    await deliverAll();
    expect(door.posted.map((p) => p.to)).toEqual([{ email: 'dana@example.com' }, { channel: 'hires' }]);
    expect(door.posted[0]!.notice).toEqual({
      kind: 'hired',
      headline: 'Hired: Person 1 for Store Manager',
      lines: ['Recorded in Ashby. Congratulations to the hiring team.'],
      jobId: 'job-1',
    });
    // A channel is read by everyone in it: the candidate's name stays out of it.
    expect(door.posted[1]!.notice.headline).toBe('Hired: A candidate for Store Manager');
  });

  it('a hire of an application not stored yet is tried again later (the queue retries it)', async () => {
    await expect(fanOutHire(env.ctx, 'a-unknown')).rejects.toThrow('is not stored yet');
    env.ctx.chat = [];
    expect(await fanOutHire(env.ctx, 'a-unknown')).toBe(0); // no front door to tell: nothing to wait for
  });

  it('without a hires channel only the managers hear of it; in redaction mode the candidate is "a candidate"', async () => {
    door = fakeDoor(false);
    env.ctx.chat = [door];
    env.ctx.config.redact = true;
    try {
      await fanOutHire(env.ctx, 'a-2');
      await deliverAll();
    } finally {
      env.ctx.config.redact = false;
    }
    expect(door.posted.map((p) => p.to)).toEqual([{ email: 'dana@example.com' }]);
    expect(door.posted[0]!.notice.headline).toBe('Hired: A candidate for Store Manager');
  });

  it('a front door without notices gets none, and nothing is queued for it', async () => {
    const { postNotice: _, ...silent } = fakeDoor(true);
    env.ctx.chat = [silent];
    expect(await fanOutHire(env.ctx, 'a-1')).toBe(0);
    expect(await scanForNudges(env.ctx, day('2026-12-09T10:00:00Z'))).toBe(0);
  });

  it('counts the wait in working days: Friday to Monday is one, to Tuesday two', async () => {
    const monday = await waitingOnManagers(env.ctx.db, day('2026-12-07T11:30:00Z'));
    expect(monday).toMatchObject([{ managerName: 'Dana Lee', jobTitle: 'Store Manager', candidates: 2 }]);
    expect(monday[0]!.oldestWorkingDays).toBeCloseTo(24.5 / 24, 5); // from Friday 11:00: 13 h of Friday, 11.5 of Monday
    expect(await scanForNudges(env.ctx, day('2026-12-07T11:30:00Z'))).toBe(0);
    expect(await scanForNudges(env.ctx, day('2026-12-05T11:30:00Z'))).toBe(0); // Saturday: never
  });

  it('reminds once a day: every scan of Tuesday after the threshold queues one, Wednesday one more', async () => {
    expect(await scanForNudges(env.ctx, day('2026-12-08T11:30:00Z'))).toBe(1);
    expect(await scanForNudges(env.ctx, day('2026-12-08T12:23:00Z'))).toBe(0);
    expect(await scanForNudges(env.ctx, day('2026-12-08T17:23:00Z'))).toBe(0);
    await deliverAll();
    expect(door.posted).toHaveLength(1);
    expect(door.posted[0]).toMatchObject({
      to: { email: 'dana@example.com' },
      notice: { kind: 'nudge', jobId: 'job-1', headline: '2 shortlisted candidates for Store Manager are waiting for your decision' },
    });
    expect(await scanForNudges(env.ctx, day('2026-12-09T09:23:00Z'))).toBe(1);
    const audits = await env.ctx.db.auditEvent.findMany({ where: { action: 'nudge.sent' } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actor: 'system', subjectType: 'job', subjectId: 'job-1' });
  });

  it('status and the digest say who is waited on', async () => {
    const status = await collectStatus(env.ctx, day('2026-12-09T10:00:00Z'));
    expect(status.waiting).toEqual([{ managerName: 'Dana Lee', jobTitle: 'Store Manager', candidates: 2, oldestWorkingDays: expect.any(Number) }]);
    expect(formatStatus(status)).toMatch(/Waiting on:\n {2}Dana Lee \(2 candidates, oldest 2 working days\) for Store Manager/);
    const week = { from: day('2026-11-30T00:00:00Z'), to: day('2026-12-07T00:00:00Z') };
    const digest = await digestWithTrends(env.ctx, week, day('2026-12-09T10:00:00Z'));
    expect(formatDigest(digest)).toMatch(/waiting on:\n {4}Dana Lee \(2 candidates, oldest \d+ working days\) for Store Manager/);
  });

  it('whoever added a candidate through chat is told the score once, when the screening ends', async () => {
    const to = { channel: 'slack' as const, recipient: 'U_RENEE' };
    await env.ctx.db.application.update({ where: { id: 'a-2' }, data: { screeningState: 'pending' } });
    await followUpWhenScreened(env.ctx, 'a-2', to);
    await followUpWhenScreened(env.ctx, 'a-2', to); // asked twice: one row
    expect(await env.ctx.db.screeningFollowUp.count()).toBe(1);
    expect(await jobsOn(noticeQueue('slack'))).toEqual([]); // not screened yet: nothing to say
    await env.ctx.db.application.update({ where: { id: 'a-2' }, data: { screeningState: 'scored' } });
    expect(await screeningFinished(env.ctx, 'a-2')).toBe(1);
    expect(await screeningFinished(env.ctx, 'a-2')).toBe(0);
    expect(await env.ctx.db.screeningFollowUp.count()).toBe(0);
    await deliverAll();
    expect(door.posted).toEqual([{
      to: { user: 'U_RENEE' },
      notice: { kind: 'screened', headline: 'Person 2 for Store Manager: 88/100', lines: [], jobId: 'job-1' },
    }]);
    // Asked again once it is screened (the same person dropped again): answered at once, once more.
    await env.ctx.db.application.update({ where: { id: 'a-1' }, data: { screeningState: 'unreadable', screeningDetail: 'No text' } });
    await followUpWhenScreened(env.ctx, 'a-1', to);
    const queued = (await jobsOn(noticeQueue('slack'))).map((j) => j.payload);
    expect(queued).toEqual([
      { kind: 'screened', applicationId: 'a-2', to: { user: 'U_RENEE' } },
      { kind: 'screened', applicationId: 'a-1', to: { user: 'U_RENEE' } },
    ]);
    expect(await env.ctx.db.screeningFollowUp.count()).toBe(0);
  });

  it('decided candidates stop the reminder, even one queued before the decision', async () => {
    await env.ctx.db.application.update({ where: { id: 'a-1' }, data: { latestVerdict: 'approve' } });
    expect(await scanForNudges(env.ctx, day('2026-12-10T10:23:00Z'))).toBe(1); // a-2 still waits
    await env.ctx.db.application.update({ where: { id: 'a-2' }, data: { latestVerdict: 'skip' } });
    await deliverAll();
    expect(door.posted).toEqual([]);
    expect(await scanForNudges(env.ctx, day('2026-12-11T10:23:00Z'))).toBe(0);
    expect((await collectStatus(env.ctx, day('2026-12-11T10:23:00Z'))).waiting).toEqual([]);
  });

  it('a manager waited on for two jobs gets one reminder a day, naming both, the longest wait first', async () => {
    const { db } = env.ctx;
    await db.application.updateMany({ where: { id: { in: ['a-1', 'a-2'] } }, data: { latestVerdict: null } });
    await db.job.create({
      data: {
        id: 'job-2',
        title: 'Night Manager',
        status: 'Open',
        hiringTeam: [{ userId: 'user-dana', role: 'Hiring Manager', email: 'dana@example.com', firstName: 'Dana', lastName: 'Lee' }],
      },
    });
    await db.candidate.create({ data: { id: 'c-3', name: 'Person 3' } });
    await db.application.create({ data: { id: 'a-3', candidateId: 'c-3', jobId: 'job-2', status: 'Active', currentScore: 80 } });
    await db.score.create({
      data: {
        applicationId: 'a-3', score: 80, reasons: [], missing: [], features: {}, scorerVersion: 'v1', resumeHash: 'r', jdHash: 'j',
        createdAt: new Date('2026-12-07T10:00:00Z'), // Monday: a shorter wait than Store Manager's
      },
    });
    await db.shortlistEntry.create({ data: { jobId: 'job-2', applicationId: 'a-3', rank: 1, score: 80 } });

    expect(await scanForNudges(env.ctx, day('2026-12-14T10:23:00Z'))).toBe(1);
    expect(await scanForNudges(env.ctx, day('2026-12-14T15:23:00Z'))).toBe(0);
    await deliverAll();
    expect(door.posted).toHaveLength(1);
    const [{ to, notice }] = door.posted as [Posted];
    expect(to).toEqual({ email: 'dana@example.com' });
    expect(notice).toMatchObject({
      kind: 'nudge',
      headline: '3 shortlisted candidates for 2 jobs are waiting for your decision',
      jobId: 'job-1',
      jobs: [{ jobId: 'job-1', title: 'Store Manager' }, { jobId: 'job-2', title: 'Night Manager' }],
    });
    expect(notice.lines[0]).toMatch(/^Store Manager: 2, the longest for \d+ working days$/);
    expect(notice.lines[1]).toMatch(/^Night Manager: 1, the longest for \d+ working days?$/);
    const audits = await db.auditEvent.findMany({ where: { action: 'nudge.sent' } });
    expect(audits.filter((a) => (a.detail as { day: string }).day === '2026-12-14').map((a) => a.subjectId).sort()).toEqual(['job-1', 'job-2']);
  });
});
