import { App, LogLevel, type Receiver } from '@slack/bolt';
import type { FastifyPluginAsync } from 'fastify';
import { publishCard, type PublishedCard } from './cards.ts';
import { SlackDeliveryError } from './errors.ts';
import { GuardedSlackApi } from './guarded-api.ts';
import { ReviewerDirectory } from './identity.ts';
import type { ListenerDeps, ListenerLog } from './listeners/deps.ts';
import { registerListeners } from './listeners/index.ts';
import { FastifySlackReceiver, SLACK_EVENTS_PATH } from './receiver.ts';
import { digestMessage } from './render/reports.ts';
import { noticeMessage } from './render/notice.ts';
import type { ChatFrontDoor, ChatNotice, DigestReport, DispositionStatus, NoticeRecipient, Reviewer, SetupReport } from '../ports.ts';
import { dispositionProgressMessage } from './render/disposition.ts';
import { parseSlackProgressRef } from './services.ts';
import type { SlackServices } from './services.ts';
import { NO_SLACK_ROUTES, socketModeReceiver } from './socket-mode.ts';
import { slackSetupChecks } from './setup-checks.ts';
import { webClientOptions, WebApiSlack } from './slack-api.ts';

export type SlackLog = ListenerLog & { debug(obj: object, msg: string): void };

export interface SlackSettings {
  botToken: string;
  /** HTTP: Slack posts to /slack/events, verified with this. */
  signingSecret?: string;
  /** Socket Mode (takes precedence): Skima connects to Slack with this app-level token. */
  appToken?: string;
  /** Slack's Web API root, with a trailing slash. */
  apiUrl: string;
  /** Retries inside one Web API call (network errors, 5xx); 429s go back to the queue instead. */
  retries?: number;
  /** The channel the weekly digest goes to (SLACK_DIGEST_CHANNEL); no digest without one. */
  digestChannel?: string | undefined;
  /** The channel "hired" notices also go to (SLACK_HIRES_CHANNEL). */
  hiresChannel?: string | undefined;
}

/**
 * Skima's Slack app: Bolt with a receiver served by fastify, the listeners, and the calls the core's
 * workers make (cards to hiring managers, the weekly digest). One per Skima process, passed around.
 */
export class SlackFrontDoor implements ChatFrontDoor {
  readonly channel = 'slack' as const;
  readonly app: App;
  readonly slack: GuardedSlackApi;
  readonly reviewers: ReviewerDirectory;
  /** The fastify plugin serving POST /slack/events. */
  readonly routes: FastifyPluginAsync;
  /** The path Slack sends everything to (the manifest's URLs), over HTTP. */
  readonly path = SLACK_EVENTS_PATH;
  /** How Slack reaches Skima: requests to `path`, or a WebSocket Skima opens. */
  readonly mode: 'http' | 'socket';

  constructor(private readonly settings: SlackSettings, services: SlackServices, log: SlackLog) {
    const apiOptions = { token: settings.botToken, apiUrl: settings.apiUrl, retries: settings.retries ?? 3 };
    this.slack = new GuardedSlackApi(new WebApiSlack(apiOptions), services);
    this.reviewers = new ReviewerDirectory(this.slack, services);
    const logger = boltLogger(log);
    let receiver: Receiver;
    const firstDelivery = (identity: string) => services.firstDelivery(identity);
    if (settings.appToken) {
      receiver = socketModeReceiver(settings.appToken, settings.apiUrl, logger, LogLevel.WARN, firstDelivery);
      this.routes = NO_SLACK_ROUTES;
      this.mode = 'socket';
    } else if (settings.signingSecret) {
      const http = new FastifySlackReceiver(settings.signingSecret, log, firstDelivery);
      receiver = http;
      this.routes = http.routes;
      this.mode = 'http';
    } else {
      throw new Error('Slack needs SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode)');
    }
    this.app = new App({
      receiver,
      // A single-workspace install: the bot token is known, so Bolt needs no auth.test round trip.
      authorize: async () => ({ botToken: settings.botToken }),
      clientOptions: webClientOptions(apiOptions),
      logger,
      logLevel: LogLevel.WARN,
    });
    // A listener that throws after its ack (Slack down, the database away) is logged and reported for
    // /skima status: the person saw the ack, so the failure must not vanish.
    this.app.error(async (err) => {
      log.error({ err }, 'Slack listener error');
      const code = err instanceof SlackDeliveryError ? err.failure.code : err.name || 'Error';
      await services.reportError({ source: 'slack:listener', message: code }).catch(() => {});
    });
    const access = { revoked: (reason: string) => this.slack.suspend(reason) };
    const deps: ListenerDeps = { services, slack: this.slack, reviewers: this.reviewers, access, log };
    registerListeners(this.app, deps);
    this.services = services;
  }

  private readonly services: SlackServices;

  get reachedBy(): string {
    return this.mode === 'socket' ? 'over Socket Mode: no public URL needed' : `at ${this.path}: commands, interactivity and events`;
  }

  checkSetup(): Promise<SetupReport[]> {
    return slackSetupChecks(this.app.client, this.settings);
  }

  /** Connects to Slack in Socket Mode (nothing to do over HTTP): only the processes that serve the front
   * doors call this, so workers, which only send, hold no connection. */
  async start(): Promise<void> {
    await this.app.start();
  }

  async stop(): Promise<void> {
    await this.app.stop();
  }

  /** Sends (or updates) a job's card in a hiring manager's DM; the Slack user is found by their Ashby email. */
  async deliverCard(input: { jobId: string; email: string; reviewer: Reviewer }): Promise<PublishedCard> {
    const slackUserId = await this.slack.userIdByEmail(input.email);
    return publishCard(this.slack, this.services, { jobId: input.jobId, slackUserId, reviewer: input.reviewer });
  }

  /** Refreshes a card already posted to a Slack user (one who asked with `/skima shortlist`). */
  refreshCard(input: { jobId: string; recipient: string; reviewer: Reviewer }): Promise<PublishedCard> {
    const { jobId, recipient: slackUserId, reviewer } = input;
    return publishCard(this.slack, this.services, { jobId, slackUserId, reviewer });
  }

  get wantsDigest(): boolean {
    return Boolean(this.settings.digestChannel);
  }

  /** Posts the digest (counts and job titles only) to SLACK_DIGEST_CHANNEL. */
  async postDigest(digest: DigestReport): Promise<void> {
    if (this.settings.digestChannel) await this.slack.postMessage(this.settings.digestChannel, digestMessage(digest));
  }

  get hiresChannel(): boolean {
    return Boolean(this.settings.hiresChannel);
  }

  /** A batch's final count, drawn into the DM message that showed its progress (its ref as the
   * confirmation listener gave it: the message and the action). */
  async showDispositionProgress(ref: unknown, status: DispositionStatus): Promise<void> {
    const where = parseSlackProgressRef(ref);
    if (!where) throw new SlackDeliveryError({ kind: 'other', code: 'bad_progress_ref' }, 'showDispositionProgress');
    const message = dispositionProgressMessage(where.action, status);
    await this.slack.updateMessage({ channel: where.channel, ts: where.ts }, message);
  }

  /** A notice in the person's DM with Skima (where their cards live), or in SLACK_HIRES_CHANNEL. */
  async postNotice(to: NoticeRecipient, notice: ChatNotice): Promise<void> {
    if ('email' in to) {
      const slackUserId = await this.slack.userIdByEmail(to.email);
      await this.slack.postMessage(slackUserId, noticeMessage(notice, 'person'));
    } else if ('user' in to) {
      await this.slack.postMessage(to.user, noticeMessage(notice, 'person'));
    } else if (this.settings.hiresChannel) {
      await this.slack.postMessage(this.settings.hiresChannel, noticeMessage(notice, 'channel'));
    }
  }
}

/** Bolt logs through Skima's logger (pino), so its lines get the same redaction. */
function boltLogger(log: SlackLog) {
  let level = LogLevel.WARN;
  const line = (args: unknown[]) => args.map((a) => (typeof a === 'string' ? a : a instanceof Error ? a.message : '')).join(' ');
  return {
    debug: (...args: unknown[]) => log.debug({ component: 'bolt' }, line(args)),
    info: (...args: unknown[]) => log.info({ component: 'bolt' }, line(args)),
    warn: (...args: unknown[]) => log.warn({ component: 'bolt' }, line(args)),
    error: (...args: unknown[]) => log.error({ component: 'bolt' }, line(args)),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
