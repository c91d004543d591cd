import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeMessage } from '../../src/core/front-door-errors.ts';
import { collectStatus, recordFrontDoorError } from '../../src/core/status.ts';
import { type CoreEnv, coreContext } from '../helpers/core-context.ts';
import { DB_KINDS } from '../helpers/databases.ts';
import { sleep } from '../helpers/wait.ts';

const NOW = new Date();
const minutesAgo = (n: number) => new Date(NOW.getTime() - n * 60_000);

describe('safeMessage', () => {
  it('keeps error codes and masks what could be personal', () => {
    expect(safeMessage('channel_not_found')).toBe('channel_not_found');
    expect(safeMessage('user dana.lee@example.com not in workspace\nstack…')).toBe('user <email> not in workspace');
    expect(safeMessage('call +1 (415) 555-0100 failed')).toBe('call <number> failed');
    expect(safeMessage('token xoxb-123-abc rejected')).toBe('token <token> rejected');
    expect(safeMessage('x'.repeat(500))).toHaveLength(200);
    expect(safeMessage('')).toBe('unknown error');
  });
});

describe.each(DB_KINDS)('collectStatus on %s', (kind) => {
  let env: CoreEnv;
  beforeAll(async () => {
    env = await coreContext(kind, { env: { POLL_INTERVAL_MINUTES: '10' } });
    const db = env.ctx.db;
    await db.syncState.create({ data: { resource: 'job', lastSyncAt: minutesAgo(5), lastFullSyncAt: minutesAgo(600) } });
    await db.syncState.create({ data: { resource: 'application', lastSyncAt: minutesAgo(31) } });
    await db.job.create({ data: { id: 'job-1', title: 'Cashier', status: 'Open' } });
    await db.candidate.create({ data: { id: 'cand-1', name: 'Sam Private' } });
    const states = ['scored', 'scored', 'scored', 'pending', 'unreadable', 'no_resume', 'no_job_description'];
    for (const [i, screeningState] of states.entries()) {
      await db.application.create({ data: { id: `app-${i}`, candidateId: 'cand-1', jobId: 'job-1', status: 'Active', screeningState } });
    }
    await db.webhookEvent.create({ data: { webhookActionId: 'w1', action: 'applicationSubmit', receivedAt: minutesAgo(90) } });
    await db.webhookEvent.create({ data: { webhookActionId: 'w2', action: 'applicationUpdate', receivedAt: minutesAgo(2) } });
    const job = (queue: string, state: string, lastError: string | null, completedAt: Date | null) => ({
      queue,
      payload: { applicationId: 'app-1' },
      state,
      maxAttempts: 8,
      attempts: state === 'dead' ? 8 : 0,
      backoffBaseMs: 1000,
      runAt: minutesAgo(60),
      lastError,
      completedAt,
    });
    await db.queueJob.createMany({
      data: [
        job('application.process', 'queued', null, null),
        job('application.process', 'queued', 'application.info: unavailable after 5 attempt(s)', null),
        job('application.process', 'running', null, null),
        job('application.process', 'dead', 'customField.setValues: not_found: no application', minutesAgo(40)),
        job('application.process', 'dead', 'customField.setValues: not_found: no application', minutesAgo(20)),
        job('decision.writeback', 'dead', 'candidate.createNote: forbidden for sam.private@example.com', minutesAgo(10)),
        job('ashby.poll', 'completed', null, minutesAgo(3)),
      ],
    });
    await recordFrontDoorError(env.ctx, { source: 'slack:chat.update', message: 'ratelimited' });
    await recordFrontDoorError(env.ctx, { source: 'slack:chat.update', message: 'ratelimited' });
    // A moment later, so "newest first" has a newest: within one millisecond the larger count goes first.
    await sleep(5);
    await recordFrontDoorError(env.ctx, { source: 'slack:chat.postMessage', message: 'channel_not_found' });
    await db.auditEvent.create({
      data: {
        action: 'frontdoor.error',
        actor: 'system',
        subjectType: 'frontdoor',
        subjectId: 'teams:proactive',
        detail: { message: 'long ago' },
        at: new Date(NOW.getTime() - 30 * 24 * 3600 * 1000),
      },
    });
  });
  afterAll(async () => {
    await env.close();
  });

  it('reports sync freshness per resource, queue counts, the last webhook and screening counts', async () => {
    const status = await collectStatus(env.ctx, NOW);
    expect(status.sync).toEqual([
      { resource: 'job', lastSyncAt: minutesAgo(5), lastFullSyncAt: minutesAgo(600), stale: false },
      // 31 minutes is over three 10-minute poll intervals.
      { resource: 'application', lastSyncAt: minutesAgo(31), lastFullSyncAt: null, stale: true },
      { resource: 'candidate', lastSyncAt: null, lastFullSyncAt: null, stale: true },
    ]);
    expect(status.queue['application.process']).toEqual({ queued: 2, running: 1, failed: 1, dead: 2 });
    expect(status.queue['decision.writeback']).toEqual({ queued: 0, running: 0, failed: 0, dead: 1 });
    expect(status.queue['ashby.poll']).toEqual({ queued: 0, running: 0, failed: 0, dead: 0 });
    expect(status.lastWebhookAt).toEqual(minutesAgo(2));
    expect(status.applications).toEqual({ screened: 3, pending: 1, unscorable: 3 });
  });

  it('aggregates dead jobs and front-door errors by source and message, newest first, with no personal data', async () => {
    const status = await collectStatus(env.ctx, NOW);
    // A job waiting to retry is named too (test/core/ashby-problems.test.ts), whenever it last failed.
    expect(status.errors).toContainEqual(expect.objectContaining({
      source: 'queue:application.process (retrying)',
      message: 'application.info: unavailable after 5 attempt(s)',
      count: 1,
    }));
    const errors = status.errors.filter((e) => !e.source.endsWith('(retrying)')).map(({ at: _at, ...e }) => e);
    expect(errors).toEqual([
      { source: 'slack:chat.postMessage', message: 'channel_not_found', count: 1 },
      { source: 'slack:chat.update', message: 'ratelimited', count: 2 },
      { source: 'queue:decision.writeback', message: 'candidate.createNote: forbidden for <email>', count: 1 },
      { source: 'queue:application.process', message: 'customField.setValues: not_found: no application', count: 2 },
    ]);
    const dead = status.errors.find((e) => e.source === 'queue:application.process')!;
    expect(dead.at).toEqual(minutesAgo(20));
    expect(JSON.stringify(status)).not.toMatch(/Sam|Private|example\.com/i);
  });

  it('keeps front-door errors without a schema of their own, as audit events', async () => {
    const rows = await env.ctx.db.auditEvent.findMany({ where: { action: 'frontdoor.error', subjectId: 'slack:chat.update' } });
    expect(rows).toHaveLength(2);
    expect(rows[0]!.detail).toEqual({ message: 'ratelimited' });
  });
});
