// "Add to job" on a rediscovered candidate, against the Ashby sandbox on loopback and a real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../src/ashby/sandbox/index.ts';
import { PROCESS_APPLICATION_QUEUE } from '../../src/core/pipeline/process-application.ts';
import { indexCandidate } from '../../src/core/pool/pool-index.ts';
import { addToJob, AddToJobRefusedError, REDISCOVERY_SOURCE } from '../../src/core/rediscover-add.ts';
import { UnknownJobError } from '../../src/core/rediscover.ts';
import { createScorer } from '../../src/scoring/index.ts';
import { type CoreEnv, coreContext } from '../helpers/core-context.ts';
import { DB_KINDS } from '../helpers/databases.ts';
import { sandboxConnection } from '../helpers/skima.ts';

const RESUME = 'Store Manager, Corner Market, 2019 - 2024\n- Ran POS systems and scheduling for a team of 12';
const RECRUITER = { ashbyUserId: 'u-recruiter', name: 'Rita Recruiter', recruiter: true };
const MANAGER = { ashbyUserId: 'u-manager', name: 'Hank Manager', recruiter: false };

describe.each(DB_KINDS)('add to job on %s', (kind) => {
  let sandbox: RunningSandbox;
  let env: CoreEnv;
  let candidateId: string;
  let targetJob: string;
  const writes = (endpoint: string) => sandbox.control.writes.filter((w) => w.endpoint === endpoint);

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seed: 'small', timeScale: 0.001 });
    env = await coreContext(kind, { ashby: sandboxConnection(sandbox), scorer: createScorer() });
    const org = sandbox.control.org;
    // A past candidate: the first seeded application's candidate, on job 0; the job searched for is job 1.
    const pastJob = org.id('job', 0);
    targetJob = org.id('job', 1);
    candidateId = org.id('candidate', 0);
    const db = env.ctx.db;
    await db.job.create({ data: { id: pastJob, title: 'Cashier', status: 'Closed' } });
    await db.job.create({ data: { id: targetJob, title: 'Store Manager', status: 'Open', descriptionText: 'Store Manager\n- POS systems\n- Scheduling' } });
    await db.candidate.create({ data: { id: candidateId, name: 'Past Person' } });
    await db.application.create({ data: { id: org.id('application', 0), candidateId, jobId: pastJob, status: 'Archived' } });
    await db.resumeFile.create({ data: { candidateId, fileHandle: 'h', contentHash: 'r1', extractedText: RESUME } });
    await indexCandidate(db, candidateId, { hash: 'r1', text: RESUME });
  });
  afterAll(async () => {
    await env?.close();
    await sandbox?.close();
  });

  it('refuses a hiring manager, and writes nothing', async () => {
    const before = sandbox.control.writes.length;
    await expect(addToJob(env.ctx, { candidateId, jobId: targetJob, actor: MANAGER, channel: 'slack' })).rejects.toThrow(
      new AddToJobRefusedError('Only recruiters and admins can add a past candidate to a job.'),
    );
    expect(sandbox.control.writes.length).toBe(before);
    expect(await env.ctx.db.auditEvent.count({ where: { action: 'rediscovery.add_to_job' } })).toBe(0);
  });

  it('refuses unknown jobs and candidates', async () => {
    await expect(addToJob(env.ctx, { candidateId, jobId: 'no-such-job', actor: RECRUITER, channel: 'web' })).rejects.toBeInstanceOf(UnknownJobError);
    await expect(addToJob(env.ctx, { candidateId: 'nobody', jobId: targetJob, actor: RECRUITER, channel: 'web' })).rejects.toThrow(/not known to Skima/);
  });

  it('creates one application with a note saying why, audits it and queues its screening; a second click changes nothing', async () => {
    // The organisation has a "Skima Rediscovery" source: the application is credited to it.
    const org = sandbox.control.org;
    org.sources.push({ id: 'src-skima', title: REDISCOVERY_SOURCE, isArchived: false, sourceType: { id: 'st-skima', title: 'Outbound', isArchived: false } });

    const first = await addToJob(env.ctx, { candidateId, jobId: targetJob, actor: RECRUITER, channel: 'slack' });
    expect(first).toMatchObject({ status: 'added', jobTitle: 'Store Manager', sourced: true });
    if (first.status !== 'added') throw new Error('not added');
    expect(first.score).toBe(createScorer().score('Store Manager\n- POS systems\n- Scheduling', RESUME).score);

    expect(writes('application.create').map((w) => w.body)).toEqual([{ candidateId, jobId: targetJob, sourceId: 'src-skima' }]);
    const created = await env.ctx.ashby.client.application.info(first.applicationId);
    expect(created).toMatchObject({ job: { id: targetJob }, candidate: { id: candidateId }, source: { id: 'src-skima' } });
    const notes = writes('candidate.createNote').map((w) => w.body as { candidateId: string; note: { value: string } });
    expect(notes).toHaveLength(1);
    expect(notes[0]!.candidateId).toBe(candidateId);
    expect(notes[0]!.note.value).toContain('Added to Store Manager from Skima rediscovery by Rita Recruiter.');
    expect(notes[0]!.note.value).toContain(`Skima Match Score: ${first.score}/100`);
    const audits = await env.ctx.db.auditEvent.findMany({ where: { action: 'rediscovery.add_to_job' } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actor: 'u-recruiter', subjectType: 'application', subjectId: first.applicationId });
    expect(audits[0]!.detail).toMatchObject({ jobId: targetJob, candidateId, channel: 'slack', score: first.score, sourceId: 'src-skima' });
    const queued = await env.ctx.queue.stats();
    expect(queued[PROCESS_APPLICATION_QUEUE]?.queued).toBe(1);

    // Again, before Skima has mirrored the new application: Ashby says it is there, nothing is written.
    const before = sandbox.control.writes.length;
    const second = await addToJob(env.ctx, { candidateId, jobId: targetJob, actor: RECRUITER, channel: 'web' });
    expect(second).toEqual({ status: 'already', applicationId: first.applicationId, jobTitle: 'Store Manager' });
    expect(sandbox.control.writes.length).toBe(before);
    expect(await env.ctx.db.auditEvent.count({ where: { action: 'rediscovery.add_to_job' } })).toBe(1);
  });

  it('credits no source where the organisation has no "Skima Rediscovery" one', async () => {
    const org = sandbox.control.org;
    org.sources.splice(org.sources.findIndex((s) => s.id === 'src-skima'), 1);
    const other = org.id('candidate', 2);
    await env.ctx.db.candidate.create({ data: { id: other, name: 'Other Person' } });
    const outcome = await addToJob(env.ctx, { candidateId: other, jobId: targetJob, actor: RECRUITER, channel: 'cli' });
    // Candidate 2 applied to job 0 (the seed alternates): a new application, with no score (no resume in the pool).
    expect(outcome).toMatchObject({ status: 'added', score: null, sourced: false });
    expect(writes('application.create').at(-1)?.body).toEqual({ candidateId: other, jobId: targetJob });
    expect(JSON.stringify(writes('candidate.createNote').at(-1)?.body)).toContain('No readable resume to score.');
  });
});
