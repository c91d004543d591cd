import type { DecisionChannel, Verdict } from '../../bot/card-model.ts';
import type { AshbyTargetsCache } from '../ashby-link/ashby-fields.ts';
import { audit } from '../ops/audit.ts';
import type { Db } from '../../db/client.ts';
import type { AppContext } from '../context.ts';
import { announceShortlistChange, refreshShortlist } from '../shortlist/shortlist.ts';
import { Writeback } from '../pipeline/writeback.ts';
import { skipReasonText } from './skip-reasons.ts';

export const DECISION_WRITEBACK_QUEUE = 'decision.writeback';

export type { DecisionChannel, Verdict };

export interface DecisionInput {
  /** The job the decider was allowed to act on (their hiring team's, or any for a recruiter). */
  jobId: string;
  applicationId: string;
  /** The person who decided: an Ashby user id and their name as shown in notes. */
  reviewer: { id: string; name: string };
  channel: DecisionChannel;
  verdict: Verdict;
  note?: string;
  /** Skip only: the id of a reason from `skipReasons` (optional; refused for another verdict). */
  skipReasonId?: string;
}

const FEEDBACK: Record<Verdict, string> = { approve: '👍', skip: '👎', maybe: 'Maybe' };
const CHANNEL_NAME: Record<DecisionChannel, string> = { slack: 'Slack', teams: 'Teams', web: 'web', cli: 'CLI' };

export class UnknownApplicationError extends Error {}
/** A skip reason that is not on Skima's list, or a reason given with another verdict than Skip. */
export class SkipReasonError extends Error {}
/** The application exists but belongs to another job than the one the decider may act on. */
export class ApplicationNotInJobError extends Error {}

/**
 * The application a person may act on from a job they were allowed to see: a chat payload or form
 * names both, and only the job was checked against the person. Throws UnknownApplicationError when
 * Skima does not know the application and ApplicationNotInJobError when it belongs to another job.
 * Every action on a candidate from a front door (decisions, dispositions) resolves its target here.
 */
export async function applicationOfJob(db: Db, target: { jobId: string; applicationId: string }) {
  const app = await db.application.findUnique({
    where: { id: target.applicationId },
    select: { id: true, jobId: true },
  });
  if (!app) throw new UnknownApplicationError(`no application ${target.applicationId} is known to Skima`);
  if (app.jobId !== target.jobId) {
    throw new ApplicationNotInJobError(`application ${target.applicationId} is not an application of job ${target.jobId}`);
  }
  return app;
}

/**
 * The one entry point for a hiring manager's decision, from Slack, Teams or the web page: records who
 * decided what, where, and whether it followed the ranking, then writes it back to Ashby as a job.
 * The application must be one of the job the decider was allowed on (see applicationOfJob).
 * Skima never rejects or archives: a Skip only takes the candidate off the shortlist.
 */
export async function recordDecision(ctx: AppContext, input: DecisionInput) {
  const app = await applicationOfJob(ctx.db, input);
  const entry = await ctx.db.shortlistEntry.findUnique({
    where: { jobId_applicationId: { jobId: app.jobId, applicationId: input.applicationId } },
  });
  const onShortlist = entry !== null;
  const followedRanking = input.verdict === 'skip' ? !onShortlist : onShortlist;
  const note = input.note?.trim().slice(0, 2000) || null;
  let skipReason: string | null = null;
  if (input.skipReasonId) {
    if (input.verdict !== 'skip') throw new SkipReasonError('a reason goes only with a Skip');
    skipReason = (await skipReasonText(ctx, input.skipReasonId)) ?? null;
    if (!skipReason) throw new SkipReasonError(`"${input.skipReasonId}" is not one of the skip reasons`);
  }
  const decision = await ctx.db.decision.create({
    data: {
      applicationId: input.applicationId,
      jobId: app.jobId,
      reviewerId: input.reviewer.id,
      reviewerName: input.reviewer.name,
      channel: input.channel,
      verdict: input.verdict,
      note,
      skipReason,
      rankAtDecision: entry?.rank ?? null,
      followedRanking,
    },
  });
  await ctx.db.application.update({ where: { id: input.applicationId }, data: { latestVerdict: input.verdict } });
  await audit(ctx.db, {
    actor: input.reviewer.id,
    action: 'decision.recorded',
    subjectType: 'application',
    subjectId: input.applicationId,
    detail: {
      decisionId: decision.id,
      verdict: input.verdict,
      channel: input.channel,
      rank: entry?.rank ?? null,
      ...(skipReason ? { skipReason } : {}),
    },
  });
  await ctx.queue.enqueue(DECISION_WRITEBACK_QUEUE, { decisionId: decision.id }, { idempotencyKey: decision.id });
  if ((await refreshShortlist(ctx.db, app.jobId, ctx.config.shortlistSize)).changed) {
    await announceShortlistChange(ctx.queue, app.jobId);
  }
  return decision;
}

/** Writes a recorded decision to Ashby: HM Feedback and HM Comment fields, the feedback note, and the
 * configured stage move on Approve (never an archive or a rejection). */
export async function writeBackDecision(ctx: AppContext, targetsCache: AshbyTargetsCache, decisionId: string) {
  const d = await ctx.db.decision.findUnique({
    where: { id: decisionId },
    include: { application: { select: { candidateId: true } } },
  });
  if (!d) return; // the candidate was deleted since: nothing to write
  const app = { applicationId: d.applicationId, candidateId: d.application.candidateId };
  const verdict = d.verdict as Verdict;
  const writeback = new Writeback({ db: ctx.db, client: ctx.ashby.client, log: ctx.log });
  const targets = await targetsCache.get();
  await writeback.setFields(app, targets, { feedback: FEEDBACK[verdict], ...(d.note ? { comment: d.note } : {}) });
  const channel = CHANNEL_NAME[d.channel as DecisionChannel] ?? d.channel;
  const why = d.skipReason ? ` (${d.skipReason})` : '';
  const text = `Skima Shortlist Feedback: ${FEEDBACK[verdict]}${why}${d.note ? ` ${d.note}` : ''} - ${d.reviewerName} via ${channel}`;
  await writeback.note(app, `decision:${d.id}`, text);
  const stage = ctx.config.approveStageId;
  if (verdict === 'approve' && stage) {
    const done = await ctx.db.writebackState.findUnique({
      where: { applicationId_field: { applicationId: d.applicationId, field: `stage:${stage}` } },
    });
    if (!done) {
      await ctx.ashby.client.application.changeStage({ applicationId: d.applicationId, interviewStageId: stage });
      await ctx.db.writebackState.create({
        data: { applicationId: d.applicationId, field: `stage:${stage}`, valueHash: decisionId },
      });
      await audit(ctx.db, {
        actor: d.reviewerId,
        action: 'application.stage_moved',
        subjectType: 'application',
        subjectId: d.applicationId,
        detail: { stageId: stage, decisionId },
      });
    }
  }
}
