// A year of a large installation's history for the report's benchmark (bench/report.ts).
import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/db/client.ts';
import { rawSql } from '../../src/db/raw-sql.ts';

export const JOBS = 50;
const YEAR_START = Date.UTC(2026, 0, 1);
const YEAR_MS = 365 * 24 * 3600 * 1000;
const MIN = 60_000;

/** A deterministic PRNG (mulberry32), so both databases hold the same history. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function insertMany(db: Db, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const sql = rawSql(db);
  const per = Math.floor(2000 / columns.length);
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES `;
  const one = `(${columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += per * 20) {
    const statements: [string, unknown[]][] = [];
    for (let j = i; j < Math.min(rows.length, i + per * 20); j += per) {
      const chunk = rows.slice(j, j + per);
      statements.push([head + chunk.map(() => one).join(', '), chunk.flat()]);
    }
    await sql.batch(statements);
  }
}

/** A year of history; returns the demographics report Ashby would serve for it. */
export async function seedYear(db: Db, applications: number): Promise<(string | number)[][]> {
  const rand = prng(18);
  const now = new Date();
  await insertMany(db, 'Job', ['id', 'title', 'status', 'createdAt', 'updatedAt'],
    Array.from({ length: JOBS }, (_, j) => [`job-${j}`, `Job ${j}`, 'Open', now, now]));
  await insertMany(db, 'Candidate', ['id', 'createdAt', 'updatedAt'], [['cand', now, now]]);
  const apps: unknown[][] = [];
  const scores: unknown[][] = [];
  const decisions: unknown[][] = [];
  const events: unknown[][] = [];
  const survey: (string | number)[][] = [];
  const genders = ['Female', 'Male', 'Non-binary', 'Decline to self identify'];
  const races = ['White', 'Hispanic or Latino', 'Black or African American', 'Asian', 'Two or More Races'];
  for (let i = 0; i < applications; i++) {
    const id = `app-${i}`;
    const job = `job-${i % JOBS}`;
    const received = YEAR_START + Math.floor(rand() * YEAR_MS);
    const scoredAt = received + Math.floor(1 + rand() * 60) * MIN;
    const score = Math.floor(rand() * 101);
    const decided = rand() < 0.25;
    const verdict = decided ? (rand() < 0.4 ? 'approve' : rand() < 0.75 ? 'skip' : 'maybe') : null;
    const hired = verdict === 'approve' && rand() < 0.05 ? new Date(scoredAt + 20 * 24 * 3600 * 1000) : null;
    apps.push([id, 'cand', job, hired ? 'Hired' : 'Active', 'scored', score, verdict, hired, new Date(received), now]);
    scores.push([randomUUID(), id, score, '[]', '[]', '{}', 'v1', `r${i}`, 'j', new Date(scoredAt)]);
    if (rand() < 0.1) scores.push([randomUUID(), id, score, '[]', '[]', '{}', 'v2', `r${i}b`, 'j', new Date(scoredAt + 7 * 24 * 3600 * 1000)]);
    events.push([randomUUID(), new Date(scoredAt), 'system', 'application.scored', 'application', id]);
    if (verdict) {
      const at = scoredAt + Math.floor(rand() * 72 * 60) * MIN;
      const rank = rand() < 0.6 ? 1 + Math.floor(rand() * 10) : null;
      decisions.push([randomUUID(), id, job, 'u-1', 'Reviewer', 'slack', verdict, rank, rank !== null, new Date(at)]);
      if (verdict === 'approve' && rank !== null && rand() < 0.5) {
        events.push([randomUUID(), new Date(at + MIN), 'u-1', 'application.stage_moved', 'application', id]);
      }
    }
    if (rand() < 0.875) survey.push([id, genders[Math.floor(rand() * 4)]!, races[Math.floor(rand() * 5)]!]);
  }
  await insertMany(db, 'Application', ['id', 'candidateId', 'jobId', 'status', 'screeningState', 'currentScore',
    'latestVerdict', 'hiredAt', 'createdAt', 'updatedAt'], apps);
  await insertMany(db, 'Score', ['id', 'applicationId', 'score', 'reasons', 'missing', 'features', 'scorerVersion',
    'resumeHash', 'jdHash', 'createdAt'], scores);
  await insertMany(db, 'Decision', ['id', 'applicationId', 'jobId', 'reviewerId', 'reviewerName', 'channel', 'verdict',
    'rankAtDecision', 'followedRanking', 'createdAt'], decisions);
  await insertMany(db, 'AuditEvent', ['id', 'at', 'actor', 'action', 'subjectType', 'subjectId'], events);
  return survey;
}
