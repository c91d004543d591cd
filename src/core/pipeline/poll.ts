import { deltaSync } from '../../ashby/index.ts';
import type { AppContext } from '../context.ts';
import { snapshotOf } from './application-snapshot.ts';
import { storeJob } from './job-cache.ts';
import { enqueueApplications } from './process-application.ts';
import { SCREENING_INPUT_COLUMNS, screeningInputsUnchanged } from './screening-inputs.ts';
import { storeCandidateTags, storeListedCandidates } from './screening-store.ts';
import { DbSyncStateStore } from './sync-state-store.ts';

export const POLL_QUEUE = 'ashby.poll';
/** The Ashby resources each poll delta-syncs, in order; each keeps a sync state. */
export const POLLED_RESOURCES = ['job', 'application', 'candidate'] as const;

export interface PollSummary {
  jobs: { mode: string; items: number };
  applications: { mode: string; items: number; enqueued: number };
  candidates: { mode: string; items: number; enqueued: number };
}

/**
 * The reconciler: a delta-sync pass over jobs, applications and candidates. It catches webhooks that
 * never arrived and changes no webhook announces (imports, integrations). `full` drops the stored sync
 * tokens first. `onProgress` reports items seen so far (for `skima sync`).
 */
export async function pollAshby(
  ctx: AppContext,
  options: { full?: boolean; onProgress?: (resource: string, items: number) => void } = {},
): Promise<PollSummary> {
  const store = new DbSyncStateStore(ctx.db);
  const transport = ctx.ashby.client.transport;
  const logger = ctx.log.child({ component: 'poll' });
  if (options.full) for (const r of POLLED_RESOURCES) await store.clear(r);

  let seen = 0;
  const jobs = await deltaSync({
    transport,
    store,
    logger,
    resource: 'job',
    onPage: async (items) => {
      for (const job of items) await storeJob(ctx, job);
      options.onProgress?.('jobs', (seen += items.length));
    },
  });

  // Candidates before applications: see below.
  seen = 0;
  let candEnqueued = 0;
  const candidates = await deltaSync({
    transport,
    store,
    logger,
    resource: 'candidate',
    onPage: async (items) => {
      // One look-up per page, not per candidate: a full sync pages through every candidate.
      const rows = await ctx.db.candidate.findMany({
        where: { id: { in: items.map((c) => c.id) } },
        select: { id: true, resumeFileHandle: true },
      });
      const knownById = new Map(rows.map((r) => [r.id, r]));
      // Unknown candidates are stored with their resume handle: the application pass below queues their
      // applications, whose screening then finds the resume without asking Ashby.
      await storeListedCandidates(ctx.db, items.filter((c) => !knownById.has(c.id)).map((c) => ({
        id: c.id,
        name: c.name,
        primaryEmail: c.primaryEmailAddress?.value ?? null,
        resumeFileHandle: c.resumeFileHandle?.handle ?? null,
      })));
      // Every listed candidate's tags, known or new: rediscovery filters by them and leaves out people
      // tagged do-not-contact. Tagging a candidate changes its updatedAt, so the next pass brings it.
      await storeCandidateTags(ctx.db, items.map((c) => ({ id: c.id, tags: c.tags })));
      // A known candidate whose resume changed is re-screened on each application.
      const changed = items.filter((c) => {
        const known = knownById.get(c.id);
        return known && known.resumeFileHandle !== (c.resumeFileHandle?.handle ?? null);
      });
      const rescreen = changed.flatMap((c) => c.applicationIds);
      candEnqueued += await enqueueApplications(ctx.queue, rescreen);
      // Only once the runs are queued: a stored handle that already matches would skip them next time.
      for (const c of changed) {
        await ctx.db.candidate.update({
          where: { id: c.id },
          data: { name: c.name, resumeFileHandle: c.resumeFileHandle?.handle ?? null },
        });
      }
      // A run that was already waiting may have started before the new handle was stored: queue once
      // more, which costs nothing when that run still waits.
      candEnqueued += await enqueueApplications(ctx.queue, rescreen);
      options.onProgress?.('candidates', (seen += items.length));
    },
  });

  seen = 0;
  let appsEnqueued = 0;
  const applications = await deltaSync({
    transport,
    store,
    logger,
    resource: 'application',
    onPage: async (items) => {
      // One look-up per page. An incremental pass lists every application Skima wrote back to since
      // the last one: those whose screening inputs are unchanged need no second run.
      const rows = await ctx.db.application.findMany({
        where: { id: { in: items.map((a) => a.id) } },
        select: SCREENING_INPUT_COLUMNS,
      });
      const storedById = new Map(rows.map((r) => [r.id, r]));
      const changed = items.filter((app) => !screeningInputsUnchanged(storedById.get(app.id) ?? null, app));
      // The jobs carry the applications as listed: screening needs no application.info for them.
      appsEnqueued += await enqueueApplications(ctx.queue, changed.map(snapshotOf));
      options.onProgress?.('applications', (seen += items.length));
    },
  });

  return {
    jobs: { mode: jobs.mode, items: jobs.items },
    applications: { mode: applications.mode, items: applications.items, enqueued: appsEnqueued },
    candidates: { mode: candidates.mode, items: candidates.items, enqueued: candEnqueued },
  };
}
