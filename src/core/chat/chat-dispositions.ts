import type { ChatChannel, DispositionAsk, DispositionChoiceList, DispositionStatus } from '../../bot/ports.ts';
import type { AppContext } from '../context.ts';
import {
  type Actor,
  dispositionChoices,
  dispositionProgressOf,
  DispositionRequestError,
  prepareDisposition,
  skippedApplicationIds,
  startDisposition,
} from '../disposition/index.ts';
import { applicationRefusal, dispositionRefusal, NOT_ON_TEAM } from '../disposition/roles.ts';
import { hiringTeamOf } from '../people/hiring-team.ts';
import { chatStatusOf, followDisposition } from './disposition-progress.ts';

type Refused = { refused: string };

/**
 * Advance and archive from a chat card, for every front door: the same checks as everywhere (the
 * person's role on the job, each application one of the job's by the decisions entry point's check),
 * then core/disposition. `actor` is the chat user as Ashby knows them (with their global role).
 */
export class ChatDispositions {
  constructor(
    private readonly ctx: AppContext,
    private readonly channel: ChatChannel,
    private readonly actorOf: (ashbyUserId: string) => Promise<Actor | undefined>,
  ) {}

  /** The ask with its applications: for "Archive skipped…" the job's skipped applications still active. */
  private async resolve(ask: DispositionAsk): Promise<DispositionAsk | Refused> {
    if (!ask.allSkipped) return ask;
    const applicationIds = await skippedApplicationIds(this.ctx, ask.jobId);
    if (applicationIds.length === 0) return { refused: 'No skipped application of this job is still active: nothing to archive.' };
    if (ask.expectedCount !== undefined && ask.expectedCount !== applicationIds.length) {
      return {
        refused: `The skipped applications changed since you confirmed (${ask.expectedCount} then, ${applicationIds.length} now); nothing was archived. Start again from the card.`,
      };
    }
    return { ...ask, applicationIds };
  }

  /** The acting person, or why they may not act on these applications of this job at all. */
  private async check(ask: DispositionAsk): Promise<{ actor: Actor } | Refused> {
    const job = await this.ctx.db.job.findUnique({ where: { id: ask.jobId }, select: { hiringTeam: true } });
    const actor = await this.actorOf(ask.reviewer.ashbyUserId);
    if (!job || !actor) return { refused: NOT_ON_TEAM };
    const why = dispositionRefusal(actor, hiringTeamOf(job), ask.action, this.ctx.config.hiringManagersMayArchive);
    if (why) return { refused: why };
    for (const id of ask.applicationIds) {
      const outside = await applicationRefusal(this.ctx.db, ask.jobId, id);
      if (outside) return { refused: outside };
    }
    return ask.applicationIds.length ? { actor } : { refused: 'There is nothing to act on: no applications were chosen.' };
  }

  async choices(asked: DispositionAsk): Promise<DispositionChoiceList | Refused> {
    const ask = await this.resolve(asked);
    if ('refused' in ask) return ask;
    const checked = await this.check(ask);
    if ('refused' in checked) return checked;
    return dispositionChoices(this.ctx, ask.action, ask.applicationIds);
  }

  private async plan(asked: DispositionAsk) {
    const ask = await this.resolve(asked);
    if ('refused' in ask) return ask;
    const checked = await this.check(ask);
    if ('refused' in checked) return checked;
    let stageTitle: string | undefined;
    if (ask.action === 'advance' && ask.stageId) {
      const { stages } = await dispositionChoices(this.ctx, 'advance', ask.applicationIds);
      stageTitle = stages.find((s) => s.id === ask.stageId)?.title;
      if (!stageTitle) return { refused: 'That stage is not part of the interview plan; pick one from the list.' };
    }
    try {
      const plan = await prepareDisposition(this.ctx, {
        action: ask.action,
        applicationIds: ask.applicationIds,
        actor: checked.actor,
        channel: this.channel,
        jobId: ask.jobId,
        ...(stageTitle ? { stageId: ask.stageId, stageTitle } : {}),
        ...(ask.action === 'archive' ? { archiveReasonId: ask.archiveReasonId } : {}),
        ...(ask.action === 'archive' && ask.emailTemplateId ? { emailTemplateId: ask.emailTemplateId } : {}),
      });
      if (plan.items.length === 0) return { refused: plan.refused[0]?.why ?? NOT_ON_TEAM };
      return { plan };
    } catch (err) {
      if (err instanceof DispositionRequestError) return { refused: err.message };
      throw err;
    }
  }

  async prepare(ask: DispositionAsk): Promise<{ question: string; count: number } | Refused> {
    const planned = await this.plan(ask);
    return 'plan' in planned ? { question: planned.plan.question, count: planned.plan.items.length } : planned;
  }

  async start(ask: DispositionAsk, confirmationKey: string): Promise<{ batchId: string } | Refused> {
    const planned = await this.plan(ask);
    if (!('plan' in planned)) return planned;
    const { plan } = planned;
    // Namespaced by the front door, so no chat key can name a batch started elsewhere.
    const { batchId } = await startDisposition(this.ctx, plan, `${this.channel}-${confirmationKey}`);
    return { batchId };
  }

  async status(ashbyUserId: string, jobId: string, batchId: string): Promise<DispositionStatus | null> {
    const p = await dispositionProgressOf(this.ctx.db, batchId, { actorId: ashbyUserId, jobId });
    return p ? chatStatusOf(p) : null;
  }

  /** Stores where the batch's progress is shown, so its final count reaches it from any process. */
  follow(ashbyUserId: string, jobId: string, batchId: string, ref: object): Promise<DispositionStatus | null> {
    return followDisposition(this.ctx, { actorId: ashbyUserId, jobId }, batchId, ref);
  }
}
