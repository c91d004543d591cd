// A talent pool for bench/rediscover.ts, written straight into the database: the sandbox's jobs and
// generated resumes (as the text an extractor returns), one past application each, as a pipeline that
// had synced and read them all would leave them.
import { JOB_TEMPLATES, descriptionPlain } from '../../src/ashby/sandbox/catalog-jobs.ts';
import { buildResume, type ResumeModel } from '../../src/ashby/sandbox/resume-model.ts';
import type { Db } from '../../src/db/client.ts';
import { rawSql, type Statement } from '../../src/db/raw-sql.ts';

const DAY = 86_400_000;
const NOW = Date.parse('2026-12-01T00:00:00Z');
const STATUSES = ['Archived', 'Archived', 'Archived', 'Archived', 'Lead', 'Hired', 'Active'];
const REASONS = ['Too inexperienced', 'Missing required skills', 'Position filled', 'Withdrew'];

export function resumeText(r: ResumeModel): string {
  return [
    r.name,
    `${r.email} · ${r.phone} · ${r.city}`,
    r.headline,
    'SUMMARY',
    r.summary,
    'EXPERIENCE',
    ...r.experiences.flatMap((e) => [`${e.title}, ${e.company}   ${e.start} – ${e.end ?? 'present'}`, ...e.bullets.map((b) => `• ${b}`)]),
    'EDUCATION',
    ...r.education.map((e) => `${e.degree}, ${e.school}, ${e.year}`),
    'SKILLS',
    r.skills.join(' · '),
  ].join('\n');
}

export const jobDescription = (i: number) => {
  const d = descriptionPlain(JOB_TEMPLATES[i % JOB_TEMPLATES.length]!);
  return [JOB_TEMPLATES[i % JOB_TEMPLATES.length]!.title, d.body].join('\n\n');
};

/** `past` jobs (one per template) hold the pool's applications; `open-<i>` jobs are the ones searched for. */
export async function writePool(db: Db, candidates: number, onProgress?: (done: number) => void) {
  const sql = rawSql(db);
  const now = new Date(NOW);
  const jobs: Statement[] = [];
  JOB_TEMPLATES.forEach((t, i) => {
    const job = `INSERT INTO "Job" ("id", "title", "status", "departmentName", "locationName", "descriptionText", "createdAt", "updatedAt")
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`;
    jobs.push([job, [`past-${i}`, t.title, 'Closed', t.department, t.location, jobDescription(i), now, now]]);
    jobs.push([job, [`open-${i}`, t.title, 'Open', t.department, t.location, jobDescription(i), now, now]]);
  });
  await sql.batch(jobs);
  // Small transactions: PostgreSQL's through Prisma time out after 5 s, which a loaded machine reaches.
  const BATCH = 50;
  for (let start = 0; start < candidates; start += BATCH) {
    const statements: Statement[] = [];
    for (let i = start; i < Math.min(candidates, start + BATCH); i++) {
      const template = i % JOB_TEMPLATES.length;
      const name = `Person ${i}`;
      const text = resumeText(
        buildResume({ seed: 1, index: i, name, email: `p${i}@example.com`, phone: '(303) 555-0100', appliedTemplate: JOB_TEMPLATES[template]!, now: NOW }),
      );
      const at = new Date(NOW - (i % 1500) * DAY);
      const status = STATUSES[i % STATUSES.length]!;
      statements.push(
        [`INSERT INTO "Candidate" ("id", "name", "createdAt", "updatedAt") VALUES (?, ?, ?, ?)`, [`c-${i}`, name, at, at]],
        [
          `INSERT INTO "Application" ("id", "candidateId", "jobId", "status", "archiveReason", "sourceTitle", "screeningState",
            "ashbyUpdatedAt", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, 'scored', ?, ?, ?)`,
          [`a-${i}`, `c-${i}`, `past-${template}`, status, status === 'Archived' ? REASONS[i % REASONS.length]! : null, 'LinkedIn', at, at, at],
        ],
        [
          `INSERT INTO "ResumeFile" ("id", "candidateId", "fileHandle", "contentHash", "extractedText", "createdAt") VALUES (?, ?, ?, ?, ?, ?)`,
          [`r-${i}`, `c-${i}`, `h-${i}`, `hash-${i}`, text, at],
        ],
      );
    }
    await sql.batch(statements);
    onProgress?.(Math.min(candidates, start + BATCH));
  }
}
