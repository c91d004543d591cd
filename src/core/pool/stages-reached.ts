import type { AshbyApplicationHistoryItem } from '../../ashby/index.ts';
import type { AppContext } from '../context.ts';
import type { ApplicationSnapshot } from '../pipeline/application-snapshot.ts';
import { stagesReachedText } from './pool-labels.ts';

/** What was stored of an application's stages before this run. */
export interface PriorStages {
  stageId: string | null;
  stagesReached: string | null;
}

export async function priorStages(ctx: Pick<AppContext, 'db'>, applicationId: string): Promise<PriorStages | null> {
  const select = { stageId: true, stagesReached: true };
  return ctx.db.application.findUnique({ where: { id: applicationId }, select });
}

/**
 * Records every stage the application entered (rediscovery's `stage:` filter, "stage reached"). An
 * application Ashby sent with its history (application.info) gives it; an active one adds the stage it
 * is in now to those seen before; a past one (archived, hired, lead) whose stage changed, or whose
 * stages were never read, asks application.listHistory once: archiving moves an application to the
 * Archived stage, so how far it got is only in its history. A history Ashby refuses leaves the stages
 * seen so far, and screening goes on.
 */
export async function recordStagesReached(
  ctx: Pick<AppContext, 'db' | 'ashby' | 'log'>,
  app: ApplicationSnapshot & { applicationHistory?: readonly AshbyApplicationHistoryItem[] | undefined },
  prior: PriorStages | null,
): Promise<void> {
  const stage = app.currentInterviewStage;
  const current = stage ? [stage] : [];
  let seen: readonly { title: string }[] = current;
  if (app.applicationHistory) seen = [...app.applicationHistory, ...current];
  else if (app.status !== 'Active') {
    if (prior?.stagesReached && prior.stageId === (stage?.id ?? null)) return;
    try {
      const history: { title: string }[] = [];
      for await (const item of ctx.ashby.client.application.listHistory(app.id)) history.push(item);
      seen = [...history, ...current];
    } catch (err) {
      ctx.log.warn({ applicationId: app.id, err: (err as Error).message }, 'application.listHistory failed: stages reached left as seen');
    }
  }
  const text = stagesReachedText(prior?.stagesReached, seen);
  if (text !== (prior?.stagesReached ?? null)) {
    await ctx.db.application.update({ where: { id: app.id }, data: { stagesReached: text } });
  }
}
