import { createHmac } from 'node:crypto';
import type { AppContext } from '../context.ts';
import {
  type Actor,
  type DispositionAction,
  type DispositionChoices,
  dispositionChoices,
  type DispositionPlan,
  type DispositionProgress,
  dispositionProgressOf,
  dispositionRefusal,
  DispositionRequestError,
  prepareDisposition,
  resolveActor,
  skippedApplicationIds,
  startDisposition,
} from '../disposition/index.ts';
import { NOT_ON_TEAM } from '../disposition/roles.ts';
import { reviewerOfLink } from '../links/link-reviewer.ts';
import { hiringTeamOf } from '../people/hiring-team.ts';
import { type LinkScope, pageRef, reachableApplications } from './shortlist-page.ts';

// Advance and archive from the shortlist page: the page names candidates by their per-link reference,
// a person picks a stage or a reason, confirms once, and watches the batch. Everything goes through
// core/disposition (roles, Ashby's rules, one queued job per application, the audit log).

/** What the person selected on the page: candidates by reference, or every skipped one of the job. */
export interface PageSelection {
  action: DispositionAction;
  refs: string[];
  skipped: boolean;
}

/** What they picked on the options page; empty strings are "the next stage" and "no email". */
export interface PageChoice {
  stageId?: string;
  archiveReasonId?: string;
  emailTemplateId?: string;
}

export type PageActRefusal =
  | { refused: 'view_only' | 'unknown_candidate' | 'nothing_selected' }
  /** Not allowed by role, or a choice that does not hold: `why` is shown to them. */
  | { refused: 'not_allowed' | 'invalid'; why: string };

export interface PageActTarget {
  selection: PageSelection;
  actor: Actor;
  applicationIds: string[];
  /** How the page names each selected candidate (their name, or their rank in redaction mode). */
  labels: string[];
}

/** One candidate's name as the page shows it: in redaction mode only where they ranked. */
async function labelsOf(ctx: AppContext, jobId: string, ids: string[]): Promise<Map<string, string>> {
  const rows = await ctx.db.application.findMany({
    where: { id: { in: ids }, jobId },
    select: { id: true, candidate: { select: { name: true } }, shortlistEntries: { select: { rank: true } } },
  });
  return new Map(rows.map((r) => {
    const rank = r.shortlistEntries[0]?.rank;
    const anonymous = rank ? `Candidate #${rank}` : 'A candidate not on the shortlist';
    return [r.id, ctx.config.redact ? anonymous : r.candidate.name || anonymous];
  }));
}

/**
 * Who is acting and on which applications: the link's own reviewer (a view-only link acts for nobody),
 * as Ashby knows them, checked against the job's hiring team for this action; the references resolved
 * among the candidates the link may see (anything else is an unknown candidate, as everywhere on the page).
 */
export async function pageActTarget(
  ctx: AppContext,
  scope: LinkScope,
  selection: PageSelection,
): Promise<PageActTarget | PageActRefusal> {
  const reviewer = await reviewerOfLink(ctx.db, scope.jobId, scope.reviewerId);
  if (!reviewer.canDecide) return { refused: 'view_only' };
  const job = await ctx.db.job.findUnique({ where: { id: scope.jobId }, select: { hiringTeam: true } });
  const actor = await resolveActor(ctx, scope.reviewerId);
  if (!job || !actor) return { refused: 'not_allowed', why: NOT_ON_TEAM };
  const why = dispositionRefusal(actor, hiringTeamOf(job), selection.action, ctx.config.hiringManagersMayArchive);
  if (why) return { refused: 'not_allowed', why };
  let applicationIds: string[];
  if (selection.skipped) {
    applicationIds = await skippedApplicationIds(ctx, scope.jobId);
  } else {
    const reachable = await reachableApplications(ctx, scope);
    const byRef = new Map(reachable.map((id) => [pageRef(ctx.secret, scope.linkId, id), id]));
    applicationIds = [];
    for (const ref of new Set(selection.refs)) {
      const id = byRef.get(ref);
      if (!id) return { refused: 'unknown_candidate' };
      applicationIds.push(id);
    }
  }
  if (applicationIds.length === 0) return { refused: 'nothing_selected' };
  const names = await labelsOf(ctx, scope.jobId, applicationIds);
  const labels = applicationIds.map((id) => names.get(id) ?? 'A candidate');
  return { selection, actor, applicationIds, labels };
}

const isRefusal = (x: object): x is PageActRefusal => 'refused' in x;

/** The options page: the selection and what can be picked for it (stages, or reasons and templates). */
export async function pageActOptions(
  ctx: AppContext,
  scope: LinkScope,
  selection: PageSelection,
): Promise<(PageActTarget & { choices: DispositionChoices }) | PageActRefusal> {
  const target = await pageActTarget(ctx, scope, selection);
  if (isRefusal(target)) return target;
  return { ...target, choices: await dispositionChoices(ctx, selection.action, target.applicationIds) };
}

/**
 * The confirmation: the choice checked against what was offered (a stage of the plan, a reason and a
 * template Ashby has), and the plan that names how many and which reason or stage. Changes nothing.
 */
export async function pageActConfirmation(
  ctx: AppContext,
  scope: LinkScope,
  selection: PageSelection,
  choice: PageChoice,
): Promise<(PageActTarget & { plan: DispositionPlan }) | PageActRefusal> {
  const options = await pageActOptions(ctx, scope, selection);
  if (isRefusal(options)) return options;
  const { choices, ...target } = options;
  const invalid = (why: string) => ({ refused: 'invalid' as const, why });
  let stage: { id: string; title: string } | undefined;
  if (selection.action === 'advance') {
    if (choice.stageId) {
      stage = choices.stages.find((s) => s.id === choice.stageId);
      if (!stage) return invalid('That stage is not part of their interview plan; pick one from the list.');
    }
  } else {
    if (!choices.reasons.some((r) => r.id === choice.archiveReasonId)) return invalid('Pick one of Ashby\'s archive reasons.');
    if (choice.emailTemplateId && !choices.templates.some((t) => t.id === choice.emailTemplateId)) {
      return invalid('That email template is not one Ashby has; pick one from the list, or no email.');
    }
  }
  try {
    const plan = await prepareDisposition(ctx, {
      action: selection.action,
      applicationIds: target.applicationIds,
      actor: target.actor,
      channel: 'web',
      jobId: scope.jobId,
      ...(stage ? { stageId: stage.id, stageTitle: stage.title } : {}),
      ...(selection.action === 'archive' ? { archiveReasonId: choice.archiveReasonId } : {}),
      ...(selection.action === 'archive' && choice.emailTemplateId ? { emailTemplateId: choice.emailTemplateId } : {}),
    });
    if (plan.items.length === 0) return { refused: 'not_allowed', why: plan.refused[0]?.why ?? NOT_ON_TEAM };
    return { ...target, plan };
  } catch (err) {
    if (err instanceof DispositionRequestError) return invalid(err.message);
    throw err;
  }
}

/** A batch started from a link: named by the link and the confirmation's nonce, so a form submitted
 * twice starts one batch and no other link can name (or claim) it. */
export function pageBatchId(secret: string, linkId: string, nonce: string): string {
  return `web-${createHmac('sha256', secret).update(`disposition:${linkId}:${nonce}`).digest('base64url').slice(0, 32)}`;
}

/** Confirmed: the batch starts (once per confirmation form), each application a queued job. */
export async function pageActStart(
  ctx: AppContext,
  scope: LinkScope,
  selection: PageSelection,
  choice: PageChoice,
  nonce: string,
): Promise<{ batchId: string } | PageActRefusal> {
  const confirmed = await pageActConfirmation(ctx, scope, selection, choice);
  if (isRefusal(confirmed)) return confirmed;
  const { batchId } = await startDisposition(ctx, confirmed.plan, pageBatchId(ctx.secret, scope.linkId, nonce));
  return { batchId };
}

/** A batch's progress for the link that started it, each failure named as the page names the candidate. */
export async function pageActProgress(
  ctx: AppContext,
  scope: LinkScope,
  batchId: string,
): Promise<(DispositionProgress & { named: Array<{ label: string; why: string }> }) | undefined> {
  const progress = await dispositionProgressOf(ctx.db, batchId, { actorId: scope.reviewerId, jobId: scope.jobId });
  if (!progress) return undefined;
  const names = await labelsOf(ctx, scope.jobId, progress.failures.map((f) => f.applicationId));
  const named = progress.failures.map((f) => ({ label: names.get(f.applicationId) ?? 'A candidate', why: f.why }));
  return { ...progress, named };
}
