// The two schemas cannot drift: the PostgreSQL schema is derived from the SQLite one, and each
// provider's migrations, replayed on a shadow database, produce exactly its schema.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/client.ts';
import { migrateDatabase, migrationAdapterFactory, shippedMigrations } from '../../src/db/migrate.ts';
import { migrationsDir, providerOf, schemaPath } from '../../src/db/paths.ts';
import { driftSql, openEngine } from '../../src/db/schema-engine.ts';
import { derivePostgresSchema, POSTGRES_SCHEMA, SQLITE_SCHEMA } from '../../tools/sync-schemas.ts';
import { createTestDatabase, DB_KINDS } from '../helpers/databases.ts';

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
});
