// "Archive skipped…" from a chat card through the core's real port, against the sandbox: the core
// finds the job's skipped applications still active itself, the confirmation names how many, a start
// that finds another number is refused, and a hiring manager without a recruiting role is refused.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DispositionAsk, Reviewer } from '../../../src/bot/ports.ts';
import { CoreChatServices } from '../../../src/core/chat/chat-services.ts';
import { ARCHIVE_NEEDS_RECRUITER } from '../../../src/core/disposition/roles.ts';
import { DB_KINDS } from '../../helpers/databases.ts';
import { writesFor } from '../../helpers/skima.ts';
import { waitFor } from '../../helpers/wait.ts';
import { type DispositionEnv, dispositionEnv } from '../disposition/sandbox-env.ts';

describe.each(DB_KINDS)('Archive skipped… through the chat port on %s', (kind) => {
  let env: DispositionEnv;
  let services: CoreChatServices<object>;
  let recruiter: Reviewer;
  beforeAll(async () => {
    env = await dispositionEnv(kind, { add: 3 });
    await env.ctx.db.application.updateMany({ where: { id: { in: env.added } }, data: { latestVerdict: 'skip' } });
    services = new CoreChatServices(env.ctx, 'teams', () => null);
    recruiter = { ashbyUserId: env.recruiter.id, name: env.recruiter.name, recruiter: true };
  }, 120_000);
  afterAll(async () => {
    await env?.close();
  });

  it('names how many, refuses a changed set and a hiring manager, and archives them all in one batch', async () => {
    const reason = (await env.ctx.ashby.client.archiveReason.list()).find((r) => !r.isArchived)!;
    const ask: DispositionAsk = { reviewer: recruiter, jobId: env.jobA, applicationIds: [], allSkipped: true, action: 'archive', archiveReasonId: reason.id };
    const choices = await services.dispositionChoices(ask);
    expect(choices).toMatchObject({ reasons: expect.arrayContaining([{ id: reason.id, text: reason.text }]) });
    expect(await services.prepareDisposition(ask)).toEqual({ question: `Archive 3 applications with reason "${reason.text}"?`, count: 3 });

    const manager: Reviewer = { ashbyUserId: env.managerOfA.id, name: env.managerOfA.name, recruiter: false };
    const refused = await services.prepareDisposition({ ...ask, reviewer: manager });
    expect(refused).toEqual({ refused: ARCHIVE_NEEDS_RECRUITER });

    const changed = await services.startDisposition({ ...ask, expectedCount: 2 }, randomUUID());
    expect(changed).toEqual({ refused: expect.stringContaining('changed since you confirmed (2 then, 3 now)') });
    expect(await env.ctx.db.dispositionBatch.count()).toBe(0);

    const started = await services.startDisposition({ ...ask, expectedCount: 3 }, randomUUID());
    if ('refused' in started) throw new Error(started.refused);
    const done = await waitFor('the batch', async () => {
      const s = await services.dispositionStatus(recruiter, env.jobA, started.batchId);
      return s?.finished ? s : undefined;
    }, 60_000);
    expect(done).toMatchObject({ total: 3, done: 3, failed: 0 });
    const moves = writesFor(env.sandbox, 'application.changeStage', (b) => env.added.includes(b.applicationId as string));
    expect(moves).toHaveLength(3);

    await env.ctx.db.application.updateMany({ where: { jobId: env.jobA }, data: { latestVerdict: null } });
    expect(await services.prepareDisposition(ask)).toEqual({ refused: expect.stringContaining('nothing to archive') });
  }, 120_000);
});
