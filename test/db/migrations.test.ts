// The two schemas cannot drift: the PostgreSQL schema is derived from the SQLite one, and each
// provider's migrations, replayed on a shadow database, produce exactly its schema.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/client.ts';
import { migrateDatabase, migrationAdapterFactory, shippedMigrations } from '../../src/db/migrate.ts';
import { migrationsDir, providerOf, schemaPath } from '../../src/db/paths.ts';
import { driftSql, openEngine } from '../../src/db/schema-engine.ts';
import { derivePostgresSchema, POSTGRES_SCHEMA, SQLITE_SCHEMA } from '../../tools/sync-schemas.ts';
import { rawSql } from '../../src/db/raw-sql.ts';
import { createTestDatabase, DB_KINDS, migratedDb } from '../helpers/databases.ts';

describe('database schema and migrations', () => {
  it('keeps prisma/postgres/schema.prisma derived from prisma/schema.prisma', () => {
    expect(readFileSync(POSTGRES_SCHEMA, 'utf-8')).toBe(derivePostgresSchema(readFileSync(SQLITE_SCHEMA, 'utf-8')));
  });

  it('ships the same migration names for both providers', async () => {
    const sqlite = await shippedMigrations('sqlite');
    const postgres = await shippedMigrations('postgresql');
    expect(sqlite.length).toBeGreaterThan(0);
    expect(postgres.map((m) => m.replace(/^\d+_/, ''))).toEqual(sqlite.map((m) => m.replace(/^\d+_/, '')));
  });

  it.each(DB_KINDS)('applies to a fresh %s database, matches the schema, and is idempotent', async (kind) => {
    const database = await createTestDatabase(kind);
    try {
      const applied = await migrateDatabase(database.url);
      expect(applied).toEqual(await shippedMigrations(kind));
      expect(await migrateDatabase(database.url)).toEqual([]);

      const provider = providerOf(database.url);
      const { engine, close } = await openEngine(schemaPath(provider), await migrationAdapterFactory(database.url));
      try {
        expect(await driftSql(engine, schemaPath(provider), migrationsDir(provider))).toBe('');
      } finally {
        await close();
      }

      const db = await createDb(database.url);
      try {
        await db.job.create({
          data: { id: 'job-1', title: 'Store Manager', status: 'Open', hiringTeam: [{ role: 'HM' }] },
        });
        await db.candidate.create({ data: { id: 'cand-1' } });
        await db.application.create({ data: { id: 'app-1', candidateId: 'cand-1', jobId: 'job-1', status: 'Active' } });
        await db.webhookEvent.create({ data: { webhookActionId: 'wa-1', action: 'applicationSubmit' } });
        await expect(
          db.webhookEvent.create({ data: { webhookActionId: 'wa-1', action: 'applicationSubmit' } }),
        ).rejects.toMatchObject({ code: 'P2002' });
        await db.job.delete({ where: { id: 'job-1' } });
        expect(await db.application.count()).toBe(0); // cascades with the job
        expect((await db.candidate.findUnique({ where: { id: 'cand-1' } }))?.id).toBe('cand-1');
      } finally {
        await db.$disconnect();
      }
    } finally {
      await database.drop();
    }
  });

  it.each(DB_KINDS)('fills the unrounded score of applications scored before it was kept (%s)', async (kind) => {
    const { db, close } = await migratedDb(kind);
    try {
      await db.job.create({ data: { id: 'job-1', title: 'Analyst', status: 'Open' } });
      const score = (applicationId: string, value: number, features: object, day: number) => ({
        applicationId, score: value, reasons: [], missing: [], features, scorerVersion: `v${day}`, resumeHash: 'r',
        jdHash: 'j', createdAt: new Date(Date.UTC(2026, 10, day)),
      });
      for (const [id, current] of [['a-1', 71], ['a-2', 58], ['a-3', null]] as const) {
        await db.candidate.create({ data: { id: `c-${id}` } });
        await db.application.create({ data: { id, candidateId: `c-${id}`, jobId: 'job-1', status: 'Active', currentScore: current } });
      }
      await db.score.createMany({
        data: [
          score('a-1', 64, { raw: 63.7 }, 1),
          score('a-1', 71, { raw: 70.6, lexical: 0.5 }, 2), // the latest: the score the application shows
          score('a-2', 58, { llm: 0.58 }, 1), // a scorer that gives no unrounded score
          score('a-3', 40, { raw: 40.2 }, 1), // screening came to no score since
        ],
      });
      const file = readdirSync(migrationsDir(kind)).find((name) => name.endsWith('_unrounded_score'));
      const sql = readFileSync(`${migrationsDir(kind)}/${file}/migration.sql`, 'utf-8');
      await rawSql(db).run(sql.slice(sql.indexOf('UPDATE')));
      const rows = await db.application.findMany({ orderBy: { id: 'asc' }, select: { id: true, currentRawScore: true } });
      expect(rows).toEqual([
        { id: 'a-1', currentRawScore: 70.6 },
        { id: 'a-2', currentRawScore: null },
        { id: 'a-3', currentRawScore: null },
      ]);
    } finally {
      await close();
    }
  });
});
