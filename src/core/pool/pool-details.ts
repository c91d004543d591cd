import type { Db } from '../../db/client.ts';
import { rawSql } from '../../db/raw-sql.ts';
import type { Clause } from './pool-query.ts';

/** The most recently active qualifying application of a pool candidate on another job. */
export interface PastApplication {
  id: string;
  candidateId: string;
  status: string;
  stageTitle: string | null;
  archiveReason: string | null;
  sourceTitle: string | null;
  lastActivityAt: Date;
  jobTitle: string;
  candidateName: string | null;
}

/** IN lists are padded to this many places, so each query has one shape (one prepared statement). */
export const ID_BATCH = 100;

function inList(ids: string[]): { sql: string; args: (string | null)[] } {
  const args: (string | null)[] = [...ids];
  while (args.length < ID_BATCH) args.push(null);
  return { sql: `(${args.map(() => '?').join(', ')})`, args };
}

async function inBatches<T>(ids: string[], read: (batch: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += ID_BATCH) out.push(...(await read(ids.slice(i, i + ID_BATCH))));
  return out;
}

interface PastRow {
  id: string;
  candidateId: string;
  status: string;
  stageTitle: string | null;
  archiveReason: string | null;
  sourceTitle: string | null;
  lastActivityAt: Date | string;
  jobTitle: string;
  candidateName: string | null;
}

/** For each candidate, their most recently active application under the clause (see pastApplicationClause). */
export async function pastApplications(
  db: Db,
  candidateIds: string[],
  past: Clause,
): Promise<Map<string, PastApplication>> {
  const rows = await inBatches(candidateIds, (batch) => {
    const ids = inList(batch);
    return rawSql(db).rows<PastRow>(
      `SELECT a."id", a."candidateId", a."status", a."stageTitle", a."archiveReason", a."sourceTitle",
         COALESCE(a."ashbyUpdatedAt", a."updatedAt") AS "lastActivityAt", j."title" AS "jobTitle", c."name" AS "candidateName"
       FROM "Application" a JOIN "Job" j ON j."id" = a."jobId" JOIN "Candidate" c ON c."id" = a."candidateId"
       WHERE a."candidateId" IN ${ids.sql} AND ${past.sql}`,
      ...ids.args,
      ...past.args,
    );
  });
  const byCandidate = new Map<string, PastApplication>();
  for (const row of rows) {
    const app = { ...row, lastActivityAt: new Date(row.lastActivityAt) };
    const chosen = byCandidate.get(row.candidateId);
    const newer = !chosen
      || app.lastActivityAt.getTime() > chosen.lastActivityAt.getTime()
      || (app.lastActivityAt.getTime() === chosen.lastActivityAt.getTime() && app.id < chosen.id);
    if (newer) byCandidate.set(row.candidateId, app);
  }
  return byCandidate;
}

/** The text of each candidate's current resume, as the pool indexed it. */
export async function pooledResumeTexts(db: Db, candidateIds: string[]): Promise<Map<string, string>> {
  const rows = await inBatches(candidateIds, (batch) => {
    const ids = inList(batch);
    return rawSql(db).rows<{ candidateId: string; extractedText: string | null }>(
      `SELECT d."candidateId", r."extractedText" FROM "PoolDocument" d
       JOIN "ResumeFile" r ON r."candidateId" = d."candidateId" AND r."contentHash" = d."resumeHash"
       WHERE d."candidateId" IN ${ids.sql}`,
      ...ids.args,
    );
  });
  const texts = new Map<string, string>();
  for (const r of rows) if (r.extractedText !== null) texts.set(r.candidateId, r.extractedText);
  return texts;
}
