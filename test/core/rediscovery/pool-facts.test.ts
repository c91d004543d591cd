import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PipelineScorer } from '../../../src/core/context.ts';
import { indexCandidate } from '../../../src/core/pool/pool-index.ts';
import { rediscover, type RediscoverFilters } from '../../../src/core/rediscovery/rediscover.ts';
import { rawSql } from '../../../src/db/raw-sql.ts';
import { type CoreEnv, coreContext, unreachableAshby } from '../../helpers/core-context.ts';
import { DB_KINDS } from '../../helpers/databases.ts';

// The pool document's "facts" (statuses, hired, do-not-contact) are kept by database triggers, so that
// "considered" is one indexed count. These tests change applications and candidates the ways the
// pipeline does and check the facts, and the count, follow every change. They fail if a migration
// that redefines a table drops its triggers.

const scorer: PipelineScorer = {
  version: 'fake-1',
  score: () => ({ score: 50, reasons: [], missing: [], features: {}, scorer: 'fake-1' }),
};

/** The facts as the migration defines them, computed from the tables directly. */
const EXPECTED = `SELECT d."candidateId", d."facts",
    (CASE WHEN EXISTS (SELECT 1 FROM "Application" a WHERE a."candidateId" = d."candidateId" AND a."status" IN ('Archived', 'Lead')) THEN 1 ELSE 0 END)
  + (CASE WHEN EXISTS (SELECT 1 FROM "Application" a WHERE a."candidateId" = d."candidateId" AND a."status" = 'Active') THEN 2 ELSE 0 END)
  + (CASE WHEN EXISTS (SELECT 1 FROM "Application" a WHERE a."candidateId" = d."candidateId" AND a."status" = 'Hired') THEN 4 ELSE 0 END)
  + (CASE WHEN EXISTS (SELECT 1 FROM "Candidate" c WHERE c."id" = d."candidateId" AND c."doNotContact") THEN 8 ELSE 0 END) AS "expected"
  FROM "PoolDocument" d ORDER BY d."candidateId"`;

describe.each(DB_KINDS)('pool facts on %s', (kind) => {
  let env: CoreEnv;
  const considered = async (filters: RediscoverFilters = {}) =>
    (await rediscover(env.ctx, 'job-new', filters, { redact: false })).considered;
  const facts = async () => {
    type Row = { candidateId: string; facts: number; expected: number | bigint };
    const rows = await rawSql(env.ctx.db).rows<Row>(EXPECTED);
    return rows.map((r) => [r.candidateId, Number(r.facts), Number(r.expected)]);
  };
  const factsAreCurrent = async () => {
    for (const [id, stored, expected] of await facts()) expect({ id, stored }).toEqual({ id, stored: expected });
  };

  beforeAll(async () => {
    env = await coreContext(kind, { scorer, ashby: unreachableAshby() });
    const db = env.ctx.db;
    await db.job.create({ data: { id: 'job-new', title: 'Store Manager', status: 'Open', descriptionText: 'Store Manager' } });
    await db.job.create({ data: { id: 'job-old', title: 'Cashier', status: 'Closed' } });
    await db.job.create({ data: { id: 'job-other', title: 'Shift Lead', status: 'Open' } });
    for (const id of ['c1', 'c2', 'c3']) {
      await db.candidate.create({ data: { id, name: id } });
      await db.resumeFile.create({ data: { candidateId: id, fileHandle: `f-${id}`, contentHash: `h-${id}`, extractedText: 'store' } });
    }
    // c1's application exists before its pool document; c2's and c3's come after theirs.
    await db.application.create({ data: { id: 'a1', candidateId: 'c1', jobId: 'job-old', status: 'Archived' } });
    for (const id of ['c1', 'c2', 'c3']) await indexCandidate(db, id, { hash: `h-${id}`, text: 'store' });
    await db.application.create({ data: { id: 'a2', candidateId: 'c2', jobId: 'job-old', status: 'Lead' } });
    await db.application.create({ data: { id: 'a3', candidateId: 'c3', jobId: 'job-other', status: 'Active' } });
  });
  afterAll(async () => {
    await env.close();
  });

  it('are computed for a new pool document and follow new applications', async () => {
    expect(await facts()).toEqual([['c1', 1, 1], ['c2', 1, 1], ['c3', 2, 2]]);
    expect(await considered()).toBe(2);
    expect(await considered({ includeActiveElsewhere: true })).toBe(3);
  });

  it('follow a status change: hired elsewhere leaves the pool searched unless asked for', async () => {
    await env.ctx.db.application.update({ where: { id: 'a3' }, data: { status: 'Hired' } });
    await factsAreCurrent();
    expect(await considered({ includeActiveElsewhere: true })).toBe(2);
    expect(await considered({ includeHired: true })).toBe(3);
    // Hired on one job and archived on another: still out by default.
    await env.ctx.db.application.create({ data: { id: 'a3b', candidateId: 'c3', jobId: 'job-old', status: 'Archived' } });
    await factsAreCurrent();
    expect(await considered()).toBe(2);
    expect(await considered({ includeHired: true })).toBe(3);
  });

  it('follow do-not-contact', async () => {
    await env.ctx.db.candidate.update({ where: { id: 'c2' }, data: { doNotContact: true } });
    await factsAreCurrent();
    expect(await considered()).toBe(1);
    expect(await considered({ includeDoNotContact: true })).toBe(2);
    await env.ctx.db.candidate.update({ where: { id: 'c2' }, data: { doNotContact: false } });
    expect(await considered()).toBe(2);
  });

  it('follow a deleted application and one moved to another candidate', async () => {
    await env.ctx.db.application.delete({ where: { id: 'a2' } });
    await factsAreCurrent();
    expect(await considered()).toBe(1);
    await env.ctx.db.application.update({ where: { id: 'a1' }, data: { candidateId: 'c2' } });
    await factsAreCurrent();
    expect(await facts()).toContainEqual(['c1', 0, 0]);
    expect(await considered()).toBe(1);
  });

  it('count someone who applied to this job out, exactly, with or without narrower filters', async () => {
    await env.ctx.db.application.create({ data: { id: 'a1n', candidateId: 'c2', jobId: 'job-new', status: 'Active' } });
    await factsAreCurrent();
    expect(await considered()).toBe(0);
    expect(await considered({ pastJob: 'cashier' })).toBe(0);
    expect(await considered({ includeHired: true })).toBe(1);
    expect(await considered({ includeHired: true, pastJob: 'cashier' })).toBe(1);
    expect(await considered({ includeHired: true, pastJob: 'shift' })).toBe(1);
  });
});
