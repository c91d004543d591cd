import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaQueue } from '../../../src/core/queue/prisma-queue.ts';
import { migratedDb } from '../../helpers/databases.ts';
import { testLogger } from '../../helpers/logger.ts';
import { waitFor } from '../../helpers/wait.ts';

describe('embedded queue retention', () => {
  let env: Awaited<ReturnType<typeof migratedDb>>;
  beforeAll(async () => {
    env = await migratedDb('sqlite');
  });
  afterAll(async () => {
    await env.close();
  });

  it('forgets completed jobs past retention, keeps recent and dead ones', async () => {
    const q = new PrismaQueue(env.db, testLogger(), { pollIntervalMs: 20, backoffBaseMs: 10 });
    await q.work<{ fail?: boolean }>('retention', async (p) => {
      if (p.fail) throw new Error('no');
    });
    await q.start();
    const old = await q.enqueue('retention', {}, { idempotencyKey: 'old' });
    const dead = await q.enqueue('retention', { fail: true }, { maxAttempts: 1 });
    await waitFor('both to finish', async () =>
      (await q.getJob(old.id))?.state === 'completed' && (await q.getJob(dead.id))?.state === 'dead');
    await env.db.queueJob.update({ where: { id: old.id }, data: { completedAt: new Date('2026-01-01T00:00:00Z') } });
    const recent = await q.enqueue('retention', {});
    await waitFor('the recent one', async () => (await q.getJob(recent.id))?.state === 'completed');

    expect(await q.purgeCompleted(new Date('2026-06-01T00:00:00Z'))).toBe(1);
    expect(await q.getJob(old.id)).toBeUndefined();
    expect((await q.getJob(recent.id))?.state).toBe('completed');
    expect((await q.getJob(dead.id))?.state).toBe('dead');
    // Past retention its idempotency key is free again.
    expect((await q.enqueue('retention', {}, { idempotencyKey: 'old' })).created).toBe(true);
    await q.stop();
  });
});
