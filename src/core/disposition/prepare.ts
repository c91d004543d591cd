import type { DecisionChannel } from '../../bot/card-model.ts';
import type { AppContext } from '../context.ts';
import { hiringTeamOf } from '../people/hiring-team.ts';
import { type Actor, applicationRefusal, type DispositionAction, dispositionRefusal, UNKNOWN_APPLICATION } from './roles.ts';

/** What a person asks for, before they confirm it. */
export interface DispositionRequest {
  action: DispositionAction;
  applicationIds: string[];
  actor: Actor;
  channel: DecisionChannel;
  /** advance: the stage chosen; unset moves each application to the next stage of its plan. */
  stageId?: string;
  /** advance: the chosen stage's title as the person saw it in the menu, so the confirmation names it. */
  stageTitle?: string;
  /** archive: required, one of Ashby's archive reasons (its id, or its text in any case). */
  archiveReasonId?: string;
  /** archive: a rejection email template, only when the person picked one. */
  emailTemplateId?: string;
  /** The job the request was made from (a card, a page, `--job`): every application must be one of its
   * (checked by the decisions entry point's applicationOfJob). Unset for bare ids from the CLI. */
  jobId?: string;
}

export interface PlannedItem {
  applicationId: string;
  jobId: string;
  /** The stage Skima showed when the person confirmed: a different one in Ashby at run time is reported. */
  expectedStageId: string | null;
  rank: number | null;
}

/** What the confirmation names: how many, which reason or stage, and who may not be acted on and why. */
export interface DispositionPlan {
  request: DispositionRequest;
  items: PlannedItem[];
  refused: Array<{ applicationId: string; why: string }>;
  archiveReasonTitle?: string;
  /** The one question the person confirms, e.g. "Archive 50 applications with reason "Not a fit"?". */
  question: string;
}

/** A request that cannot be confirmed at all: no reason for an archive, an unknown reason, nothing to do. */
export class DispositionRequestError extends Error {}

const plural = (n: number) => `${n} application${n === 1 ? '' : 's'}`;

/** The applications of a job a hiring manager skipped that are still active in Skima's view. */
export async function skippedApplicationIds(ctx: AppContext, jobId: string): Promise<string[]> {
  const rows = await ctx.db.application.findMany({
    where: { jobId, latestVerdict: 'skip', status: { in: ['Active', 'Lead'] } },
    select: { id: true },
    orderBy: { id: 'asc' },
  });
  return rows.map((r) => r.id);
}

/**
 * Checks a request against the person's role on each application's job and Ashby's archive reasons,
 * and phrases the one confirmation. Reads Skima's database and Ashby's reason list; changes nothing.
 */
export async function prepareDisposition(ctx: AppContext, asked: DispositionRequest): Promise<DispositionPlan> {
  let request = asked;
  const ids = [...new Set(request.applicationIds)];
  if (ids.length === 0) throw new DispositionRequestError('There is nothing to act on: no applications were chosen.');
  let archiveReasonTitle: string | undefined;
  if (request.action === 'archive') {
    const reasons = await ctx.ashby.client.archiveReason.list();
    const wanted = request.archiveReasonId?.trim().toLowerCase();
    const reason = reasons.find(
      (r) => !r.isArchived && (r.id === request.archiveReasonId || r.text.toLowerCase() === wanted),
    );
    if (!reason) {
      const names = reasons.filter((r) => !r.isArchived).map((r) => `"${r.text}"`).join(', ');
      throw new DispositionRequestError(
        request.archiveReasonId
          ? `Ashby has no archive reason "${request.archiveReasonId}"; pick one of: ${names}.`
          : `An archive needs a reason; pick one of: ${names}.`,
      );
    }
    archiveReasonTitle = reason.text;
    request = { ...request, archiveReasonId: reason.id };
  } else if (request.archiveReasonId || request.emailTemplateId) {
    throw new DispositionRequestError('An archive reason or a rejection email only goes with an archive.');
  }

  const rows = await ctx.db.application.findMany({
    where: { id: { in: ids } },
    select: { id: true, jobId: true, stageId: true, job: { select: { hiringTeam: true } } },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ranks = await ctx.db.shortlistEntry.findMany({ where: { applicationId: { in: ids } } });
  const rankOf = new Map(ranks.map((e) => [e.applicationId, e.rank]));
  const items: PlannedItem[] = [];
  const refused: DispositionPlan['refused'] = [];
  for (const applicationId of ids) {
    const row = byId.get(applicationId);
    if (!row) {
      refused.push({ applicationId, why: UNKNOWN_APPLICATION });
      continue;
    }
    const outside = request.jobId ? await applicationRefusal(ctx.db, request.jobId, applicationId) : undefined;
    if (outside) {
      refused.push({ applicationId, why: outside });
      continue;
    }
    const why = dispositionRefusal(
      request.actor,
      hiringTeamOf(row.job),
      request.action,
      ctx.config.hiringManagersMayArchive,
    );
    if (why) refused.push({ applicationId, why });
    else {
      const rank = rankOf.get(applicationId) ?? null;
      items.push({ applicationId, jobId: row.jobId, expectedStageId: row.stageId, rank });
    }
  }
  const what =
    request.action === 'archive'
      ? `Archive ${plural(items.length)} with reason "${archiveReasonTitle}"${request.emailTemplateId ? ' and send the rejection email you picked' : ''}?`
      : `Advance ${plural(items.length)} ${
        request.stageId
          ? request.stageTitle ? `to "${request.stageTitle}"` : 'to the stage you chose'
          : 'to the next stage of their interview plan'
      }?`;
  const question = refused.length ? `${what} (${plural(refused.length)} left out, each with its reason.)` : what;
  return { request, items, refused, ...(archiveReasonTitle ? { archiveReasonTitle } : {}), question };
}
