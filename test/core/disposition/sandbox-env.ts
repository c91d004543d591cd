// Skima's view of a sandbox company for disposition tests: jobs and applications stored as the
// pipeline stores them (no screening: these tests act on applications, they do not score them), and
// the disposition worker running on the queue.
import { type RunningSandbox, startSandbox } from '../../../src/ashby/sandbox/index.ts';
import type { AppContext } from '../../../src/core/context.ts';
import { registerDispositionWorker, resolveActor } from '../../../src/core/disposition/index.ts';
import type { Actor } from '../../../src/core/disposition/index.ts';
import { ensureJob } from '../../../src/core/pipeline/job-cache.ts';
import { hiringTeamOf } from '../../../src/core/reviewers.ts';
import { storeApplication } from '../../../src/core/pipeline/screening-store.ts';
import { type CoreEnv, coreContext } from '../../helpers/core-context.ts';
import type { DbKind } from '../../helpers/databases.ts';
import { sandboxConnection } from '../../helpers/skima.ts';

export interface DispositionEnv {
  core: CoreEnv;
  ctx: AppContext;
  sandbox: RunningSandbox;
  /** Job A: its hiring manager has Limited Access in Ashby (a hiring manager and nothing more). */
  jobA: string;
  jobB: string;
  /** The applications added to job A for the test, all Active. */
  added: string[];
  recruiter: Actor;
  managerOfA: Actor;
  close(): Promise<void>;
}

export async function storeJobApplications(ctx: AppContext, jobId: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const app of ctx.ashby.client.application.list({ jobId })) {
    await storeApplication(ctx.db, await ctx.ashby.client.application.info(app.id), null);
    ids.push(app.id);
  }
  return ids;
}

export async function dispositionEnv(
  kind: DbKind,
  opts: { add?: number; env?: Record<string, string>; worker?: boolean } = {},
): Promise<DispositionEnv> {
  const sandbox = await startSandbox({ port: 0, seed: 'demo', timeScale: 0.001 });
  const core = await coreContext(kind, { ashby: sandboxConnection(sandbox), ...(opts.env ? { env: opts.env } : {}) });
  const { ctx } = core;
  const jobs = [];
  for await (const job of ctx.ashby.client.job.list()) jobs.push(job);
  // The seeded hiring managers of the third and fourth jobs have Limited Access.
  const jobA = jobs[2]!.id;
  const jobB = jobs[3]!.id;
  const added: string[] = [];
  for (let n = 0; n < (opts.add ?? 0); n++) {
    const { applicationId } = sandbox.control.submitApplication({ jobId: jobA, name: `Bulk Applicant ${n}` });
    added.push(applicationId);
  }
  for (const jobId of [jobA, jobB]) {
    await ensureJob(ctx, jobId);
    await storeJobApplications(ctx, jobId);
  }
  const team = hiringTeamOf(await ctx.db.job.findUniqueOrThrow({ where: { id: jobA } }));
  const hm = team.find((m) => m.role === 'Hiring Manager')!;
  const recruiter = (await resolveActor(ctx, 'renee.alvarez@northwind.example'))!;
  const managerOfA = (await resolveActor(ctx, hm.userId))!;
  if (opts.worker !== false) {
    await registerDispositionWorker(ctx);
    await ctx.queue.start();
  }
  return {
    core,
    ctx,
    sandbox,
    jobA,
    jobB,
    added,
    recruiter,
    managerOfA,
    close: async () => {
      await core.close();
      await sandbox.close();
    },
  };
}
