import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.ts';
import { rawSql } from '../../src/db/raw-sql.ts';
import { DB_KINDS, migratedDb } from '../helpers/databases.ts';

describe.each(DB_KINDS)('raw SQL on %s', (kind) => {
  let db: Db;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db, close } = await migratedDb(kind));
  });
  afterAll(async () => {
    await close?.();
  });

  it('writes rows that Prisma reads back unchanged, and reads Dates and JSON as Prisma does', async () => {
    const sql = rawSql(db);
    expect(sql.provider).toBe(kind);
    const runAt = new Date('2026-11-30T10:20:30.456Z');
    const inserted = await sql.run(
      `INSERT INTO "QueueJob" ("id", "queue", "payload", "state", "maxAttempts", "backoffBaseMs", "runAt",
        "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      'raw-1', 'raw', JSON.stringify({ applicationId: 'a-1', n: 2 }), 'queued', 3, 100, runAt, runAt, runAt,
    );
    expect(inserted).toBe(1);
    await db.queueJob.create({
      data: { id: 'orm-1', queue: 'raw', payload: { n: 1 }, state: 'queued', maxAttempts: 3, backoffBaseMs: 100, runAt },
    });

    expect(await db.queueJob.findUnique({ where: { id: 'raw-1' } })).toMatchObject({
      payload: { applicationId: 'a-1', n: 2 },
      runAt,
      attempts: 0,
      lockedUntil: null,
    });
    // Both rows compare alike whichever side wrote them: the stored date formats are the same.
    const due = await sql.rows<{ id: string; runAt: Date; payload: unknown }>(
      `SELECT "id", "runAt", "payload" FROM "QueueJob" WHERE "queue" = ? AND "runAt" <= ? ORDER BY "id"`,
      'raw', new Date(runAt.getTime() + 1),
    );
    expect(due).toEqual([
      { id: 'orm-1', runAt, payload: { n: 1 } },
      { id: 'raw-1', runAt, payload: { applicationId: 'a-1', n: 2 } },
    ]);
    expect(await sql.rows(`SELECT "id" FROM "QueueJob" WHERE "queue" = ? AND "runAt" < ?`, 'raw', runAt)).toEqual([]);
  });

  it('counts the rows a statement changed, and returns them with RETURNING', async () => {
    const sql = rawSql(db);
    const changed = await sql.rows<{ id: string; attempts: number }>(
      `UPDATE "QueueJob" SET "attempts" = "attempts" + ? WHERE "queue" = ? RETURNING "id", "attempts"`,
      2, 'raw',
    );
    expect(changed.sort((a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id))).toEqual([
      { id: 'orm-1', attempts: 2 },
      { id: 'raw-1', attempts: 2 },
    ]);
    expect(await sql.run(`DELETE FROM "QueueJob" WHERE "queue" = ? AND "id" = ?`, 'raw', 'nothing')).toBe(0);
  });

  it('reads booleans and writes several statements as one transaction, all or none', async () => {
    const sql = rawSql(db);
    await db.job.create({ data: { id: 'raw-job', title: 'Engineer', status: 'Open' } });
    const now = new Date();
    const posting = (id: string, listed: boolean): [string, unknown[]] => [
      `INSERT INTO "JobPosting" ("id", "jobId", "title", "descriptionHtml", "isListed", "updatedAt")
        VALUES (?, ?, ?, ?, ?, ?)`,
      [id, 'raw-job', 'Engineer', '<p>Go</p>', listed, now],
    ];
    expect(await sql.batch([posting('p-1', true), posting('p-2', false)])).toEqual([1, 1]);
    expect(await sql.rows(`SELECT "id", "isListed" FROM "JobPosting" WHERE "jobId" = ? ORDER BY "id"`, 'raw-job'))
      .toEqual([{ id: 'p-1', isListed: true }, { id: 'p-2', isListed: false }]);
    expect((await db.jobPosting.findUniqueOrThrow({ where: { id: 'p-1' } })).isListed).toBe(true);

    // The second statement breaks the primary key: the first one is rolled back with it.
    await expect(sql.batch([posting('p-3', true), posting('p-1', true)])).rejects.toThrow();
    expect(await db.jobPosting.count({ where: { jobId: 'raw-job' } })).toBe(2);
  });

  it('refuses a client whose dialect it cannot know', () => {
    expect(() => rawSql({} as Db)).toThrow(/not made by createDb/);
  });
});
