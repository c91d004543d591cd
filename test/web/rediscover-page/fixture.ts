// Skima with a small talent pool for one job ("Store Manager", the sandbox's job 1) behind the web
// server, and the Ashby sandbox on loopback so "Add to job" really creates applications. Past
// candidates are the sandbox's candidates 0, 2, 4 and 6 (they applied to job 0, "Cashier").
import type { FastifyInstance } from 'fastify';
import { type RunningSandbox, startSandbox } from '../../../src/ashby-sandbox/index.ts';
import { mintLink } from '../../../src/core/links/links.ts';
import { indexCandidate } from '../../../src/core/pool/pool-index.ts';
import { labelText } from '../../../src/core/pool/pool-labels.ts';
import { createScorer } from '../../../src/scoring/index.ts';
import { buildServer } from '../../../src/web/server.ts';
import { type CoreEnv, coreContext } from '../../helpers/core-context.ts';
import type { DbKind } from '../../helpers/databases.ts';
import { sandboxConnection } from '../../helpers/skima.ts';

export const DESCRIPTION = 'Store Manager\n- Retail store management\n- POS systems\n- Staff scheduling\n- Inventory control';

/** The past candidates: name, past application status and archive reason, resume. */
export const PAST = [
  { index: 0, name: 'Ada Archived', status: 'Archived', reason: 'Withdrew', resume: 'Store Manager at Corner Market 2019-2024. Ran POS systems and staff scheduling for 12 people; inventory control and retail store management.' },
  { index: 2, name: 'Ben Busy', status: 'Active', reason: null, resume: 'Retail store management: assistant store manager, POS systems, staff scheduling and inventory control at Fresh Foods.' },
  { index: 4, name: 'Cleo Filled', status: 'Archived', reason: 'Position filled', resume: 'Shift lead in retail; store management duties, POS systems and inventory control, staff scheduling.' },
  { index: 6, name: 'Dan Lead', status: 'Lead', reason: null, resume: 'Store manager for a retail chain: POS systems, inventory control, staff scheduling, store management.' },
] as const;

export interface RediscoverFixture {
  env: CoreEnv;
  sandbox: RunningSandbox;
  app: FastifyInstance;
  jobId: string;
  /** A recruiter's link (may add) and a hiring manager's (reads only). */
  recruiterToken: string;
  managerToken: string;
  close(): Promise<void>;
}

export async function rediscoverFixture(kind: DbKind): Promise<RediscoverFixture> {
  const sandbox = await startSandbox({ port: 0, seed: 'small', timeScale: 0.001 });
  const env = await coreContext(kind, { ashby: sandboxConnection(sandbox), scorer: createScorer() });
  const org = sandbox.control.org;
  const db = env.ctx.db;
  const pastJob = org.id('job', 0);
  const jobId = org.id('job', 1);
  const team = [
    { userId: 'u-rita', role: 'Recruiter', email: 'rita@example.com', firstName: 'Rita', lastName: 'Recruiter' },
    { userId: 'u-hank', role: 'Hiring Manager', email: 'hank@example.com', firstName: 'Hank', lastName: 'Manager' },
  ];
  await db.job.create({ data: { id: pastJob, title: 'Cashier', status: 'Closed', departmentName: 'Operations' } });
  await db.job.create({ data: { id: jobId, title: 'Store Manager', status: 'Open', descriptionText: DESCRIPTION, hiringTeam: team } });
  for (const p of PAST) {
    const candidateId = org.id('candidate', p.index);
    await db.candidate.create({ data: { id: candidateId, name: p.name } });
    await db.application.create({
      data: {
        id: org.id('application', p.index),
        candidateId,
        jobId: pastJob,
        status: p.status,
        archiveReason: p.reason,
        stageTitle: p.status === 'Archived' ? 'Onsite' : null,
        stagesReached: labelText(p.status === 'Archived' ? ['Phone Screen', 'Onsite'] : []),
      },
    });
    await db.resumeFile.create({ data: { candidateId, fileHandle: `h${p.index}`, contentHash: `r${p.index}`, extractedText: p.resume } });
    await indexCandidate(db, candidateId, { hash: `r${p.index}`, text: p.resume });
  }
  const recruiter = await mintLink(db, { kind: 'rediscover', jobId, reviewerId: 'u-rita' });
  const manager = await mintLink(db, { kind: 'rediscover-view', jobId, reviewerId: 'u-hank' });
  const app = await buildServer(env.ctx);
  return {
    env,
    sandbox,
    app,
    jobId,
    recruiterToken: recruiter.token,
    managerToken: manager.token,
    close: async () => {
      await app.close();
      await env.close();
      await sandbox.close();
    },
  };
}

/** The "Add to job" references on a page, in the order shown. */
export const refsOf = (body: string) => [...body.matchAll(/name="ref" value="([^"]+)"/g)].map((m) => m[1]!);
/** The form's CSRF token on a page. */
export const csrfOf = (body: string) => /name="csrf" value="([^"]+)"/.exec(body)?.[1];
