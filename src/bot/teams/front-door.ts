import type { ConversationReference, TurnContext } from 'botbuilder';
import type { FastifyPluginAsync } from 'fastify';
import {
  type ChatConversations,
  type ChatFrontDoor,
  type ChatNotice,
  DeliveryError,
  type DigestReport,
  type DispositionStatus,
  type NoticeRecipient,
  type Reviewer,
  type SetupReport,
} from '../ports.ts';
import { digestAdaptiveCard, noticeAdaptiveCard } from './adaptive-card.ts';
import { createTeamsAdapter, type SkimaCloudAdapter } from './adapter.ts';
import { continueIn, publishCard, type PublishedCard } from './cards.ts';
import { BackgroundWork, type TeamsConnector } from './connector.ts';
import { parseReference } from './conversations.ts';
import type { TeamsDeps, TeamsLog } from './deps.ts';
import { classifyTeamsError, loggableError, TeamsDeliveryError } from './errors.ts';
import { type Roster, TeamsReviewers, teamsRoster } from './identity.ts';
import { cardMessage } from './messages.ts';
import { TEAMS_MESSAGES_PATH, teamsRoutes } from './routes.ts';
import type { TeamsServices } from './services.ts';
import type { TeamsSettings } from './settings.ts';
import { checkTeamsSetup } from './setup-checks.ts';
import { showDispositionProgress } from './show-progress.ts';
import { teamsTurn } from './turn.ts';

/** After refused credentials, sends fail fast (no token request) for this long: a wrong password is
 * reported once to `status` and `setup`, not retried by every card in the queue. */
const AUTH_PAUSE_MS = 5 * 60_000;
/** Teams' global Connector endpoint (Microsoft's public cloud), for a conversation Skima has no reference to. */
const TEAMS_PUBLIC_SERVICE_URL = 'https://smba.trafficmanager.net/teams/';

/**
 * Skima's Teams bot: botbuilder's CloudAdapter served by fastify at /api/messages, the handlers, and the
 * calls the core's workers make (cards to hiring managers in their 1:1 chats, the weekly digest to a
 * channel). Every botbuilder type stays in this folder.
 */
export class TeamsFrontDoor implements ChatFrontDoor {
  readonly channel = 'teams' as const;
  readonly path = TEAMS_MESSAGES_PATH;
  readonly reachedBy = `at ${TEAMS_MESSAGES_PATH} (the Azure Bot's messaging endpoint)`;
  readonly routes: FastifyPluginAsync;
  readonly adapter: SkimaCloudAdapter;
  readonly deps: TeamsDeps;
  private storedDigest = false;
  private authPaused: { until: number; error: DeliveryError } | undefined;

  constructor(
    private readonly settings: TeamsSettings,
    private readonly services: TeamsServices,
    private readonly conversations: ChatConversations,
    private readonly log: TeamsLog,
    options: { roster?: Roster } = {},
  ) {
    this.adapter = createTeamsAdapter(settings);
    this.adapter.onTurnError = async (context, err) => {
      log.error({ error: loggableError(err), activity: context.activity.type }, 'Teams turn failed');
      const code = err instanceof DeliveryError ? err.failure.code : classifyTeamsError(err, 'send').code;
      await services.reportError({ source: 'teams:turn', message: code }).catch(() => {});
    };
    const connector: TeamsConnector = {
      continue: (reference, logic) => this.guarded(async () => {
        // A proactive turn's failure must reach the caller (the queue worker classifies it): the adapter
        // would hand it to onTurnError and resolve, so it is kept here and thrown after the turn.
        let failed: { err: unknown } | undefined;
        await this.adapter.continueConversationAsync(settings.appId, reference, async (context) => {
          // The continuation activity carries a made-up id, which botbuilder would send as replyToId: a
          // reply to a message nobody sent (POST …/activities/{id}). Without it, it is a new message.
          context.activity.id = undefined;
          try {
            await logic(context);
          } catch (err) {
            failed = { err };
          }
        });
        if (failed) throw failed.err;
      }),
    };
    const background = new BackgroundWork((err, name) => {
      log.error({ error: loggableError(err), work: name }, 'Teams background work failed');
    });
    this.deps = {
      services,
      conversations,
      reviewers: new TeamsReviewers(options.roster ?? teamsRoster, services),
      connector,
      background,
      log,
      ...(settings.digestConversationId ? { digestConversationId: settings.digestConversationId } : {}),
    };
    const logic = teamsTurn(this.deps, { digestScheduled: () => this.wantsDigest });
    this.routes = teamsRoutes(this.adapter, logic, log);
  }

  /** Reads whether a channel was made the digest's (`digest here`) before the schedule is set up. */
  async loadDigestTarget(): Promise<void> {
    this.storedDigest = Boolean(await this.conversations.digestTarget());
  }

  get wantsDigest(): boolean {
    return Boolean(this.settings.digestConversationId) || this.storedDigest;
  }

  checkSetup(): Promise<SetupReport[]> {
    const { appId, appPassword, tenantId, multiTenant, baseUrl } = this.settings;
    const optional = { ...(tenantId ? { tenantId } : {}), ...(baseUrl ? { baseUrl } : {}) };
    return checkTeamsSetup({ appId, appPassword, multiTenant, ...optional });
  }

  /** Waits for slow commands still replacing their "working on it" message. */
  async stop(): Promise<void> {
    await this.deps.background.idle();
  }

  /** Sends (or updates) a job's card in a hiring manager's 1:1 chat, found by their email; without one,
   * the manager is reported (for `status`) and skipped. */
  async deliverCard(input: { jobId: string; email: string; reviewer: Reviewer }): Promise<PublishedCard> {
    const conversation = await this.conversations.personal({ email: input.email });
    if (!conversation?.userId) throw new TeamsDeliveryError({ kind: 'recipient', code: 'no_personal_chat' }, 'deliverCard');
    return this.publish(input.jobId, conversation.userId, conversation, input.reviewer);
  }

  /** Refreshes a card already posted to a person (one who asked with `shortlist <job>`). */
  async refreshCard(input: { jobId: string; recipient: string; reviewer: Reviewer }): Promise<PublishedCard> {
    const conversation = await this.conversations.personal({ userId: input.recipient });
    if (!conversation) throw new TeamsDeliveryError({ kind: 'recipient', code: 'no_personal_chat' }, 'refreshCard');
    return this.publish(input.jobId, input.recipient, conversation, input.reviewer);
  }

  private async publish(jobId: string, recipient: string, conversation: Parameters<typeof publishCard>[2]['conversation'], reviewer: Reviewer) {
    try {
      return await publishCard(this.deps.connector, this.services, { jobId, recipient, conversation, reviewer });
    } catch (err) {
      // The person removed the app or left: that conversation is gone, a reinstall stores a new one.
      if (err instanceof DeliveryError && err.failure.kind === 'recipient') await this.conversations.forget(conversation.conversationId);
      throw err;
    }
  }

  /** Posts the digest (counts and job titles only) to TEAMS_DIGEST_CONVERSATION_ID, or where `digest here` was said. */
  async postDigest(digest: DigestReport): Promise<void> {
    const reference = await this.digestReference();
    if (!reference) throw new TeamsDeliveryError({ kind: 'recipient', code: 'no_digest_conversation' }, 'postDigest');
    await continueIn(this.deps.connector, reference, 'send', async (ctx: TurnContext) => void (await ctx.sendActivity(cardMessage(digestAdaptiveCard(digest)))));
  }

  /** Teams has no hires channel: "hired" goes to the job's hiring managers only. */
  readonly hiresChannel = false;

  /** A notice ("hired", a reminder, the score of a resume someone added here) in the person's 1:1 chat
   * with Skima, found by their Ashby email or by the Teams user id they acted under (their Entra id). */
  async postNotice(to: NoticeRecipient, notice: ChatNotice): Promise<void> {
    if ('channel' in to) return;
    const conversation = await this.conversations.personal('email' in to ? { email: to.email } : { userId: to.user });
    const reference = conversation && parseReference(conversation.reference);
    if (!reference) throw new TeamsDeliveryError({ kind: 'recipient', code: 'no_personal_chat' }, 'postNotice');
    const message = cardMessage(noticeAdaptiveCard(notice, 'person'));
    await continueIn(this.deps.connector, reference, 'send', async (ctx) => void (await ctx.sendActivity(message)));
  }

  /** A batch's final count, drawn into the card that showed its progress (see show-progress.ts). */
  showDispositionProgress(ref: unknown, status: DispositionStatus): Promise<void> {
    return showDispositionProgress(this.deps.connector, this.conversations, ref, status);
  }

  private async digestReference(): Promise<Partial<ConversationReference> | null> {
    const id = this.settings.digestConversationId;
    const stored = id ? await this.conversations.get(id) : await this.conversations.digestTarget();
    if (stored) return parseReference(stored.reference);
    if (!id) return null;
    // A configured channel Skima has not heard from yet (it learns a team's General channel when it is
    // added to the team, other channels when @mentioned there): reached through Teams' public service URL.
    return {
      channelId: 'msteams',
      serviceUrl: TEAMS_PUBLIC_SERVICE_URL,
      bot: { id: `28:${this.settings.appId}`, name: 'Skima' },
      conversation: { id, isGroup: true, conversationType: 'channel', name: '', ...(this.settings.tenantId ? { tenantId: this.settings.tenantId } : {}) },
    };
  }

  /** Every proactive call, paused after refused credentials (see AUTH_PAUSE_MS). */
  private async guarded(work: () => Promise<void>): Promise<void> {
    if (this.authPaused && Date.now() < this.authPaused.until) throw this.authPaused.error;
    try {
      await work();
    } catch (err) {
      const failure = classifyTeamsError(err, 'send');
      if (failure.kind === 'auth') {
        const error = new TeamsDeliveryError(failure, 'token');
        this.authPaused = { until: Date.now() + AUTH_PAUSE_MS, error };
        this.log.error({ code: failure.code }, 'Teams refused Skima\'s credentials: check TEAMS_APP_ID, TEAMS_APP_PASSWORD and TEAMS_TENANT_ID (run "skima setup")');
        await this.services.reportError({ source: 'teams:auth', message: failure.code }).catch(() => {});
        throw error;
      }
      throw err;
    }
  }
}
