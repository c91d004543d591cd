import type { AshbyUser } from '../../ashby/index.ts';
import {
  type ChatChannel,
  type ChatServices,
  type DispositionAsk,
  type HomeJob,
  type RequirementsSaveRequest,
  type ResumeDrop,
  type Reviewer,
  UsageError,
} from '../../bot/ports.ts';
import { requirementsForChat, saveRequirementsFromChat } from '../requirements/chat.ts';
import type { AppContext } from '../context.ts';
import { ApplicationNotInJobError, recordDecision, SkipReasonError, UnknownApplicationError } from '../decisions/decisions.ts';
import { skipReasonsSoon } from '../decisions/skip-reasons.ts';
import { lastWeek } from '../ops/digest.ts';
import { digestWithTrends } from '../report/digest-trends.ts';
import { createReportLink, ReportAccessError } from '../report/report-links.ts';
import { type HiringTeamMember, hiringTeamOf } from '../people/hiring-team.ts';
import { findJobs } from '../rediscovery/job-lookup.ts';
import { mintLink } from '../links/links.ts';
import { EmptyPoolError, NoJobDescriptionError, parseRediscoverFilters, rediscover, RediscoverUsageError } from '../rediscovery/rediscover.ts';
import { runSetupChecks } from '../ops/setup-checks.ts';
import { buildShortlistCard } from '../shortlist/shortlist-card.ts';
import { type CardJob, cardQueue, cardSingletonKey } from './chat-cards.ts';
import { collectStatus, recordFrontDoorError } from '../ops/status.ts';
import { RECRUITING_GLOBAL_ROLES, RECRUITING_TEAM_ROLE } from '../disposition/roles.ts';
import { rawSql } from '../../db/raw-sql.ts';
import { addToJob, AddToJobRefusedError } from '../rediscovery/rediscover-add.ts';
import { ChatDispositions } from './chat-dispositions.ts';
import { addResumeDrop, previewResumeDrop } from '../intake/chat-drop.ts';
import type { Actor } from '../disposition/roles.ts';
import { createRediscoverLink } from '../rediscovery/rediscover-links.ts';
import { LinkScopeError } from '../links/reviewer-links.ts';

const USERS_TTL_MS = 10 * 60_000;
/** Links minted from a click are for reading now, not for keeping: a day at most. */
const CLICK_LINK_MAX_TTL_MS = 24 * 3600 * 1000;

const RECORD_DELIVERY = `INSERT INTO "SlackDelivery" ("key", "receivedAt") VALUES (?, ?) ON CONFLICT DO NOTHING`;

/** Who a posted card was for, stored beside the front door's own ref so the card can be redrawn. */
export interface CardOwnerJson {
  reviewerId: string;
  reviewerName: string;
  recruiter: boolean;
}

/**
 * The core side of the chat port, once for every front door: who a chat user is in Ashby and what
 * they may see, cards, decisions, links, status, setup, rediscovery and the digest. One per front
 * door (it names the channel decisions are recorded in); the Ashby user list is remembered for a few
 * minutes so a click does not cost an Ashby call. `parseRef` is the front door's reader of its own
 * stored card refs: the core stores them and never looks inside.
 */
export class CoreChatServices<Ref extends object> implements ChatServices<Ref> {
  private users: { at: number; byEmail: Map<string, AshbyUser> } | undefined;
  private readonly dispositions: ChatDispositions;

  constructor(
    private readonly ctx: AppContext,
    private readonly channel: ChatChannel,
    private readonly parseRef: (json: unknown) => Ref | null,
  ) {
    this.dispositions = new ChatDispositions(ctx, channel, async (id) => {
      const user = [...(await this.ashbyUsers()).values()].find((u) => u.id === id);
      return user && { id: user.id, name: `${user.firstName} ${user.lastName}`.trim() || user.id, globalRole: user.globalRole };
    });
  }

  private async ashbyUsers(): Promise<Map<string, AshbyUser>> {
    if (this.users && Date.now() - this.users.at < USERS_TTL_MS) return this.users.byEmail;
    const byEmail = new Map<string, AshbyUser>();
    for await (const user of this.ctx.ashby.client.user.list()) {
      if (user.email && user.isEnabled) byEmail.set(user.email.toLowerCase(), user);
    }
    this.users = { at: Date.now(), byEmail };
    return byEmail;
  }

  async resolveReviewer(email: string): Promise<Reviewer | null> {
    const user = (await this.ashbyUsers()).get(email.trim().toLowerCase());
    if (!user) return null;
    let recruiter = RECRUITING_GLOBAL_ROLES.has(user.globalRole);
    if (!recruiter) {
      const jobs = await this.ctx.db.job.findMany({ select: { hiringTeam: true } });
      const recruits = (m: HiringTeamMember) => m.userId === user.id && RECRUITING_TEAM_ROLE.test(m.role);
      recruiter = jobs.some((j) => hiringTeamOf(j).some(recruits));
    }
    return { ashbyUserId: user.id, name: `${user.firstName} ${user.lastName}`.trim(), recruiter };
  }

  async canSeeJob(reviewer: Reviewer, jobId: string): Promise<boolean> {
    const job = await this.ctx.db.job.findUnique({ where: { id: jobId }, select: { hiringTeam: true } });
    if (!job) return false;
    return reviewer.recruiter || hiringTeamOf(job).some((m) => m.userId === reviewer.ashbyUserId);
  }

  async findJobs(reviewer: Reviewer, query: string) {
    const found = await findJobs(this.ctx.db, query, 50);
    const visible = [];
    for (const job of found) if (await this.canSeeJob(reviewer, job.id)) visible.push(job);
    return visible.slice(0, 10);
  }

  async openJobs(reviewer: Reviewer) {
    const jobs = await this.ctx.db.job.findMany({
      where: { status: 'Open' },
      select: { id: true, title: true, status: true, hiringTeam: true },
      orderBy: { title: 'asc' },
    });
    return jobs
      .filter((j) => reviewer.recruiter || hiringTeamOf(j).some((m) => m.userId === reviewer.ashbyUserId))
      .map(({ id, title, status }) => ({ id, title, status }));
  }

  async homeJobs(reviewer: Reviewer): Promise<HomeJob[]> {
    const jobs = await this.ctx.db.job.findMany({
      select: { id: true, title: true, status: true, hiringTeam: true },
      orderBy: { title: 'asc' },
    });
    const own = jobs.filter((j) => hiringTeamOf(j).some((m) => m.userId === reviewer.ashbyUserId));
    // A recruiter on no hiring team (an admin) sees the open jobs instead of an empty page.
    const shown = own.length || !reviewer.recruiter ? own : jobs.filter((j) => j.status === 'Open');
    const entries = await this.ctx.db.shortlistEntry.findMany({
      where: { jobId: { in: shown.map((j) => j.id) } },
      select: { jobId: true, application: { select: { latestVerdict: true } }, applicationId: true },
    });
    const mine = await this.ctx.db.decision.findMany({
      where: { reviewerId: reviewer.ashbyUserId, applicationId: { in: entries.map((e) => e.applicationId) } },
      select: { applicationId: true },
    });
    const decidedByMe = new Set(mine.map((d) => d.applicationId));
    return shown.map((job) => {
      const list = entries.filter((e) => e.jobId === job.id);
      return {
        id: job.id,
        title: job.title,
        status: job.status,
        shortlisted: list.length,
        awaitingDecision: list.filter((e) => !e.application.latestVerdict).length,
        awaitingYou: list.filter((e) => !decidedByMe.has(e.applicationId)).length,
      };
    });
  }

  buildCard(jobId: string, reviewer: Reviewer) {
    return buildShortlistCard(this.ctx.db, jobId, { reviewerId: reviewer.ashbyUserId, redact: this.ctx.config.redact });
  }

  async jobOfApplication(applicationId: string): Promise<string | null> {
    const app = await this.ctx.db.application.findUnique({ where: { id: applicationId }, select: { jobId: true } });
    return app?.jobId ?? null;
  }

  skipReasons() {
    return skipReasonsSoon(this.ctx);
  }

  async recordDecision(input: Parameters<ChatServices['recordDecision']>[0]): Promise<boolean> {
    try {
      await recordDecision(this.ctx, {
        jobId: input.jobId,
        applicationId: input.applicationId,
        reviewer: { id: input.reviewer.ashbyUserId, name: input.reviewer.name },
        channel: this.channel,
        verdict: input.verdict,
        ...(input.note ? { note: input.note } : {}),
        ...(input.skipReasonId ? { skipReasonId: input.skipReasonId } : {}),
      });
      return true;
    } catch (err) {
      if (err instanceof UnknownApplicationError || err instanceof ApplicationNotInJobError) return false;
      if (err instanceof SkipReasonError) throw new UsageError('That reason is not on the list any more; pick one again.');
      throw err;
    }
  }

  async mintShortlistUrl(jobId: string, reviewer: Reviewer) {
    const ttl = Math.min(this.ctx.config.linkTtlMs, CLICK_LINK_MAX_TTL_MS);
    const link = await mintLink(this.ctx.db, { jobId, reviewerId: reviewer.ashbyUserId }, ttl);
    return { url: `${this.ctx.config.publicBaseUrl}/s/${link.token}`, expiresAt: link.expiresAt };
  }

  async cardRef(jobId: string, recipient: string): Promise<Ref | null> {
    const row = await this.ctx.db.postedCard.findUnique({
      where: { platform_jobId_recipient: { platform: this.channel, jobId, recipient } },
    });
    return row ? this.parseRef(row.messageRef) : null;
  }

  async saveCardRef(jobId: string, recipient: string, ref: Ref, reviewer: Reviewer): Promise<void> {
    const { ashbyUserId: reviewerId, name: reviewerName, recruiter } = reviewer;
    const owner: CardOwnerJson = { reviewerId, reviewerName, recruiter };
    const messageRef = { ...ref, ...owner };
    await this.ctx.db.postedCard.upsert({
      where: { platform_jobId_recipient: { platform: this.channel, jobId, recipient } },
      create: { platform: this.channel, jobId, recipient, messageRef },
      update: { messageRef },
    });
  }

  async queueCardRefresh(input: { jobId: string; recipient: string; reviewer: Reviewer; notBefore?: Date }) {
    const payload: CardJob = { jobId: input.jobId, recipient: input.recipient, reviewer: input.reviewer };
    await this.ctx.queue.enqueue(cardQueue(this.channel), payload, {
      singletonKey: cardSingletonKey(this.channel, input.jobId, input.reviewer.ashbyUserId),
      ...(input.notBefore ? { runAt: input.notBefore } : {}),
    });
  }

  async firstDelivery(identity: string): Promise<boolean> {
    return (await rawSql(this.ctx.db).run(RECORD_DELIVERY, identity, new Date())) === 1;
  }

  reportError(e: { source: string; message: string }): Promise<void> {
    return recordFrontDoorError(this.ctx, e);
  }

  status() {
    return collectStatus(this.ctx);
  }

  digest() {
    return digestWithTrends(this.ctx, lastWeek());
  }

  async mintReportUrl(reviewer: Reviewer) {
    try {
      const link = await createReportLink(
        { db: this.ctx.db, config: this.ctx.config, ashby: this.ctx.ashby.client },
        reviewer.ashbyUserId,
        reviewer.ashbyUserId,
      );
      return { url: link.url, expiresAt: link.expiresAt };
    } catch (err) {
      if (!(err instanceof ReportAccessError)) throw err;
      return { refused: 'The ROI report is for recruiters and admins. Ask one of them to share its figures with you.' };
    }
  }

  setup(opts: { fix: boolean }) {
    return runSetupChecks(this.ctx, { fix: opts.fix, webhookUrl: `${this.ctx.config.publicBaseUrl}/webhooks/ashby` });
  }

  async rediscover(jobId: string, words: string[]) {
    try {
      return await rediscover(this.ctx, jobId, parseRediscoverFilters(words), { redact: this.ctx.config.redact });
    } catch (err) {
      if (err instanceof RediscoverUsageError) throw new UsageError(err.message);
      if (err instanceof NoJobDescriptionError) throw new UsageError('This job has no description in Ashby yet, so there is nothing to match past candidates against.');
      if (err instanceof EmptyPoolError) throw new UsageError('No past candidate\'s resume has been read yet: once Skima has synced with Ashby and read the resumes (see `/skima status`), try again.');
      throw err;
    }
  }

  async mintRediscoverUrl(jobId: string, reviewer: Reviewer, words: string[]) {
    if (!reviewer.recruiter) return { refused: 'Rediscovery is for recruiters and admins.' };
    try {
      const link = await createRediscoverLink(
        { db: this.ctx.db, config: this.ctx.config },
        {
          jobId,
          person: { id: reviewer.ashbyUserId, name: reviewer.name, recruiter: true },
          mintedBy: reviewer.ashbyUserId,
          words,
          ttlMs: CLICK_LINK_MAX_TTL_MS,
        },
      );
      return { url: link.url, expiresAt: link.expiresAt };
    } catch (err) {
      if (!(err instanceof LinkScopeError)) throw err;
      return { refused: 'This job is no longer known to Skima.' };
    }
  }

  async addToJob(reviewer: Reviewer, jobId: string, candidateId: string) {
    const actor = { ashbyUserId: reviewer.ashbyUserId, name: reviewer.name, recruiter: reviewer.recruiter };
    try {
      return await addToJob(this.ctx, { candidateId, jobId, actor, channel: this.channel });
    } catch (err) {
      if (err instanceof AddToJobRefusedError) throw new UsageError(err.message);
      throw err;
    }
  }

  requirementsForEdit(jobId: string, reviewer: Reviewer) {
    return requirementsForChat(this.ctx, jobId, reviewer);
  }

  saveRequirements(request: RequirementsSaveRequest) {
    return saveRequirementsFromChat(this.ctx, this.channel, request);
  }

  dispositionChoices(ask: DispositionAsk) {
    return this.dispositions.choices(ask);
  }

  prepareDisposition(ask: DispositionAsk) {
    return this.dispositions.prepare(ask);
  }

  startDisposition(ask: DispositionAsk, confirmationKey: string) {
    return this.dispositions.start(ask, confirmationKey);
  }

  dispositionStatus(reviewer: Reviewer, jobId: string, batchId: string) {
    return this.dispositions.status(reviewer.ashbyUserId, jobId, batchId);
  }

  followDisposition(reviewer: Reviewer, jobId: string, batchId: string, ref: object) {
    return this.dispositions.follow(reviewer.ashbyUserId, jobId, batchId, ref);
  }

  /** The reviewer as the intake knows them (with their Ashby global role), from the cached user list. */
  private readonly actorOf = async (reviewer: Reviewer): Promise<Actor | null> => {
    for (const user of (await this.ashbyUsers()).values()) {
      if (user.id === reviewer.ashbyUserId) return { id: user.id, name: reviewer.name, globalRole: user.globalRole };
    }
    return null;
  };

  previewResume(reviewer: Reviewer, drop: ResumeDrop) {
    return previewResumeDrop(this.ctx, this.actorOf, this.channel, reviewer, drop);
  }

  addResume(reviewer: Reviewer, drop: ResumeDrop, recipient: string) {
    return addResumeDrop(this.ctx, this.actorOf, this.channel, reviewer, drop, recipient);
  }
}
