import type { Db } from '../../db/client.ts';
import { rawSql } from '../../db/raw-sql.ts';
import { poolBody } from './pool-text.ts';

// Rediscovery's pool: one PoolDocument per candidate whose current resume is readable. The tables are
// made by hand in the migrations (Prisma models neither FTS5 nor tsvector), so everything here is
// raw SQL: on SQLite the FTS5 table follows PoolDocument through triggers, on PostgreSQL the
// tsvector column is generated from the body.

const CURRENT_HASH = `SELECT "resumeHash" FROM "PoolDocument" WHERE "candidateId" = ?`;

const UPSERT = `INSERT INTO "PoolDocument" ("candidateId", "resumeHash", "body", "updatedAt") VALUES (?, ?, ?, ?)
  ON CONFLICT ("candidateId") DO UPDATE SET "resumeHash" = excluded."resumeHash", "body" = excluded."body",
  "updatedAt" = excluded."updatedAt"`;

/** Upserts committed together by indexCandidates. */
const WRITE_GROUP = 50;

const REMOVE = `DELETE FROM "PoolDocument" WHERE "candidateId" = ?`;

/**
 * Puts a candidate's current resume in the pool, or leaves the pool as it is when that resume is
 * already there (the pipeline calls this for every application it screens: one indexed read then).
 * Returns whether the pool changed.
 */
export async function indexCandidate(db: Db, candidateId: string, resume: { hash: string; text: string }) {
  const sql = rawSql(db);
  const [current] = await sql.rows<{ resumeHash: string }>(CURRENT_HASH, candidateId);
  if (current?.resumeHash === resume.hash) return false;
  await sql.run(UPSERT, candidateId, resume.hash, poolBody(resume.text), new Date());
  return true;
}

/**
 * Puts many candidates' current resumes in the pool in one transaction (a backfill's page), skipping
 * those already there with the same resume. Returns how many changed.
 */
export async function indexCandidates(db: Db, resumes: { candidateId: string; hash: string; text: string }[]) {
  if (resumes.length === 0) return 0;
  const sql = rawSql(db);
  const placeholders = resumes.map(() => '?').join(', ');
  const current = await sql.rows<{ candidateId: string; resumeHash: string }>(
    `SELECT "candidateId", "resumeHash" FROM "PoolDocument" WHERE "candidateId" IN (${placeholders})`,
    ...resumes.map((r) => r.candidateId),
  );
  const known = new Map(current.map((r) => [r.candidateId, r.resumeHash]));
  const now = new Date();
  const changed = resumes.filter((r) => known.get(r.candidateId) !== r.hash);
  // Parsed before the transaction opens, and committed in small groups: PostgreSQL's transactions
  // through Prisma time out after 5 s.
  const rows = changed.map((r): [string, unknown[]] => [UPSERT, [r.candidateId, r.hash, poolBody(r.text), now]]);
  for (let i = 0; i < rows.length; i += WRITE_GROUP) await sql.batch(rows.slice(i, i + WRITE_GROUP));
  return changed.length;
}

/** The candidate's current resume is gone or unreadable: an older one no longer speaks for them. */
export async function removeFromPool(db: Db, candidateId: string): Promise<boolean> {
  return (await rawSql(db).run(REMOVE, candidateId)) > 0;
}

/** Candidates in the pool. */
export async function poolSize(db: Db): Promise<number> {
  const [row] = await rawSql(db).rows<{ n: number | bigint }>(`SELECT COUNT(*) AS "n" FROM "PoolDocument"`);
  return Number(row?.n ?? 0);
}
