import type { Db } from '../../db/client.ts';
import { rawSql } from '../../db/raw-sql.ts';
import { timeOrderedUuid } from '../../db/time-ordered-uuid.ts';
import type { AshbyTag } from '../../ashby/index.ts';
import { unroundedScore } from '../../scoring/index.ts';
import { candidateTagColumns } from '../pool/pool-labels.ts';
import type { ApplicationSnapshot } from './application-snapshot.ts';
import type { StoredScreeningInputs } from './screening-inputs.ts';

// The statements the pipeline runs for every application, as raw SQL through the Prisma client:
// as model calls they were most of the main thread's database cost (see db/raw-sql.ts). Each names
// only the columns it needs, and none returns a column nobody reads.

const UPSERT_CANDIDATE = `INSERT INTO "Candidate" ("id", "name", "primaryEmail", "resumeFileHandle", "createdAt",
  "updatedAt") VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT ("id") DO UPDATE SET "name" = excluded."name",
  "primaryEmail" = excluded."primaryEmail", "resumeFileHandle" = excluded."resumeFileHandle",
  "updatedAt" = excluded."updatedAt"`;

const UPSERT_APPLICATION = `INSERT INTO "Application" ("id", "candidateId", "jobId", "status", "stageId",
  "stageTitle", "archiveReason", "sourceTitle", "creditedToUserId", "ashbyUpdatedAt", "screeningState",
  "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)
  ON CONFLICT ("id") DO UPDATE SET "candidateId" = excluded."candidateId", "jobId" = excluded."jobId",
  "status" = excluded."status", "stageId" = excluded."stageId", "stageTitle" = excluded."stageTitle",
  "archiveReason" = excluded."archiveReason", "sourceTitle" = excluded."sourceTitle",
  "creditedToUserId" = excluded."creditedToUserId", "ashbyUpdatedAt" = excluded."ashbyUpdatedAt",
  "updatedAt" = excluded."updatedAt"`;

const INSERT_LISTED_CANDIDATE = `INSERT INTO "Candidate" ("id", "name", "primaryEmail", "resumeFileHandle",
  "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT ("id") DO NOTHING`;

const CANDIDATE_RESUME_HANDLE = `SELECT "resumeFileHandle" FROM "Candidate" WHERE "id" = ?`;

const SCREENING_INPUTS = `SELECT "screeningState", "status", "jobId", "candidateId", "stageId" FROM "Application"
  WHERE "id" = ?`;

const RESUME_COLUMNS = `"contentHash", "extractedText", "unreadableReason"`;

const INSERT_RESUME = `INSERT INTO "ResumeFile" ("id", "candidateId", "fileHandle", "contentHash", "mimeType",
  "extractedText", "unreadableReason", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT ("candidateId", "contentHash") DO NOTHING`;

const SCORE_COLUMNS = `"score", "reasons", "missing", "features", "scorerVersion", "createdAt"`;
const SCORE_KEY = `"applicationId" = ? AND "resumeHash" = ? AND "jdHash" = ? AND "scorerVersion" = ?`;

const INSERT_SCORE = `INSERT INTO "Score" ("id", "applicationId", "resumeHash", "jdHash", "scorerVersion", "score",
  "reasons", "missing", "features", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT ("applicationId", "resumeHash", "jdHash", "scorerVersion") DO NOTHING`;

const SET_SCREENING = `UPDATE "Application" SET "screeningState" = ?, "screeningDetail" = ?, "currentScore" = ?,
  "currentRawScore" = ?, "updatedAt" = ? WHERE "id" = ?
  RETURNING "id", "jobId", "status", "currentScore", "latestVerdict"`;

export interface StoredResume {
  contentHash: string;
  extractedText: string | null;
  unreadableReason: string | null;
}

export interface ScoreKey {
  applicationId: string;
  resumeHash: string;
  jdHash: string;
  scorerVersion: string;
}

export interface StoredScore {
  score: number;
  /** The score unrounded (the score itself where the scorer gives none): orders equal scores. */
  raw: number;
  reasons: { text: string; quote: string; start?: number; end?: number }[];
  missing: string[];
  scorerVersion: string;
  createdAt: Date;
}

/** What ranking needs of an application after its screening state changed. */
export interface ScreenedApplication {
  id: string;
  jobId: string;
  status: string;
  currentScore: number | null;
  latestVerdict: string | null;
}

/** The candidate and the application as Ashby has them now, in one commit; the screening state is left
 * as it is. */
export async function storeApplication(db: Db, app: ApplicationSnapshot, resumeHandle: string | null) {
  const now = new Date();
  const candidate = app.candidate;
  const stage = app.currentInterviewStage;
  await rawSql(db).batch([
    [UPSERT_CANDIDATE, [candidate.id, candidate.name, candidate.primaryEmailAddress?.value ?? null, resumeHandle, now,
      now]],
    [UPSERT_APPLICATION, [app.id, candidate.id, app.job.id, app.status, stage?.id ?? null, stage?.title ?? null,
      app.archiveReason?.text ?? null, app.source?.title ?? null, app.creditedToUser?.id ?? null,
      new Date(app.updatedAt), now, now]],
  ]);
}

/** Candidates a poll listed that Skima did not know, with the resume handle `candidate.list` gave: their
 * applications' screening then needs no call to find the resume. Known candidates are left as they are. */
export async function storeListedCandidates(
  db: Db,
  candidates: { id: string; name: string; primaryEmail: string | null; resumeFileHandle: string | null }[],
): Promise<void> {
  if (candidates.length === 0) return;
  const now = new Date();
  await rawSql(db).batch(candidates.map((c) => [INSERT_LISTED_CANDIDATE,
    [c.id, c.name, c.primaryEmail, c.resumeFileHandle, now, now]]));
}

const UPDATE_CANDIDATE_TAGS = `UPDATE "Candidate" SET "tags" = ?, "doNotContact" = ? WHERE "id" = ?`;

/** The tags `candidate.list` gave for a page of candidates (rediscovery's tag: filter and its
 * do-not-contact exclusion; see pool/pool-labels.ts). Candidates Skima does not store are skipped. */
export async function storeCandidateTags(
  db: Db,
  candidates: { id: string; tags: readonly AshbyTag[] }[],
): Promise<void> {
  if (candidates.length === 0) return;
  await rawSql(db).batch(candidates.map((c) => {
    const columns = candidateTagColumns(c.tags);
    return [UPDATE_CANDIDATE_TAGS, [columns.tags, columns.doNotContact, c.id]];
  }));
}

/** The resume handle stored for a candidate; null when none is stored (or the candidate is unknown). */
export async function storedResumeHandle(db: Db, candidateId: string): Promise<string | null> {
  const [row] = await rawSql(db).rows<{ resumeFileHandle: string | null }>(CANDIDATE_RESUME_HANDLE, candidateId);
  return row?.resumeFileHandle ?? null;
}

export async function screeningInputs(db: Db, applicationId: string): Promise<StoredScreeningInputs | null> {
  const [row] = await rawSql(db).rows<StoredScreeningInputs>(SCREENING_INPUTS, applicationId);
  return row ?? null;
}

/** The stored extraction of a file, found by its Ashby handle or by its content. */
export async function findResume(
  db: Db,
  candidateId: string,
  by: { fileHandle: string } | { contentHash: string },
): Promise<StoredResume | null> {
  const [column, value] = 'fileHandle' in by ? ['fileHandle', by.fileHandle] : ['contentHash', by.contentHash];
  const [row] = await rawSql(db).rows<StoredResume>(
    `SELECT ${RESUME_COLUMNS} FROM "ResumeFile" WHERE "candidateId" = ? AND "${column}" = ? LIMIT 1`,
    candidateId, value,
  );
  return row ?? null;
}

/** Stores an extraction; false when the same file was stored meanwhile (another application of the
 * same candidate), whose row then stands. */
export async function insertResume(
  db: Db,
  resume: { candidateId: string; fileHandle: string; mimeType: string | null } & StoredResume,
): Promise<boolean> {
  const inserted = await rawSql(db).run(INSERT_RESUME, timeOrderedUuid(), resume.candidateId, resume.fileHandle,
    resume.contentHash, resume.mimeType, resume.extractedText, resume.unreadableReason, new Date());
  return inserted === 1;
}

export async function findScore(db: Db, key: ScoreKey): Promise<StoredScore | null> {
  const [row] = await rawSql(db).rows<Omit<StoredScore, 'raw'> & { features: Record<string, unknown> }>(
    `SELECT ${SCORE_COLUMNS} FROM "Score" WHERE ${SCORE_KEY}`,
    key.applicationId, key.resumeHash, key.jdHash, key.scorerVersion,
  );
  if (!row) return null;
  const { features, ...score } = row;
  return { ...score, raw: unroundedScore(score.score, features) };
}

/** Stores a score; false when this run's score was stored meanwhile by another run, which then stands. */
export async function insertScore(
  db: Db,
  key: ScoreKey,
  score: Omit<StoredScore, 'scorerVersion' | 'raw'> & { features: object },
): Promise<boolean> {
  const inserted = await rawSql(db).run(INSERT_SCORE, timeOrderedUuid(), key.applicationId, key.resumeHash, key.jdHash,
    key.scorerVersion, score.score, JSON.stringify(score.reasons), JSON.stringify(score.missing),
    JSON.stringify(score.features), score.createdAt);
  return inserted === 1;
}

/** Records what screening came to, and the score ranking uses (null when there is none to rank by). */
export async function setScreening(
  db: Db,
  applicationId: string,
  state: string,
  detail: string | null,
  score: Pick<StoredScore, 'score' | 'raw'> | null,
): Promise<ScreenedApplication> {
  const [row] = await rawSql(db).rows<ScreenedApplication>(SET_SCREENING, state, detail, score?.score ?? null,
    score?.raw ?? null, new Date(), applicationId);
  if (!row) throw new Error(`application ${applicationId} is not stored`);
  return row;
}
