import { WebClient, type WebClientOptions } from '@slack/web-api';
import type { HomeView, ModalView, SlackMessage } from './block-kit.ts';
import { classifySlackError, SlackDeliveryError } from './errors.ts';
import type { SlackMessageRef } from './services.ts';

/**
 * The Slack Web API calls Skima makes, as a small port: listener logic takes this, so tests pass a
 * fake; the real one wraps @slack/web-api and turns every failure into a classified SlackDeliveryError.
 * Every message goes out with link unfurling off: Slack's unfurler fetches links, and secure links
 * must only be opened by the person they were minted for.
 */
export interface SlackApi {
  /** Posts a message; to a user id, it lands in their DM with the app. */
  postMessage(channel: string, message: SlackMessage): Promise<SlackMessageRef>;
  updateMessage(ref: SlackMessageRef, message: SlackMessage): Promise<void>;
  userIdByEmail(email: string): Promise<string>;
  /** The user's email, as Slack verified it; null for bots and users without one. */
  emailOfUser(userId: string): Promise<string | null>;
  openModal(triggerId: string, view: ModalView): Promise<void>;
  publishHome(userId: string, view: HomeView): Promise<void>;
}

export interface WebApiOptions {
  token: string;
  apiUrl: string;
  /** Retries inside one call for network errors and 5xx. 429s are not waited out here: see below. */
  retries: number;
}

/** Options shared by Skima's own client and the one Bolt builds for listeners. */
export function webClientOptions(opts: WebApiOptions): WebClientOptions {
  return {
    slackApiUrl: opts.apiUrl,
    retryConfig: { retries: opts.retries, factor: 2, minTimeout: 200, maxTimeout: 5_000, randomize: true },
    // A 429 becomes an error carrying Retry-After, so the durable queue reschedules the work instead of
    // a worker sleeping on it (and a restart forgetting it).
    rejectRateLimitedCalls: true,
  };
}

export class WebApiSlack implements SlackApi {
  readonly client: WebClient;

  constructor(opts: WebApiOptions) {
    this.client = new WebClient(opts.token, webClientOptions(opts));
  }

  private async call<T>(method: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw new SlackDeliveryError(classifySlackError(err), method);
    }
  }

  async postMessage(channel: string, message: SlackMessage): Promise<SlackMessageRef> {
    const res = await this.call('chat.postMessage', () =>
      this.client.chat.postMessage({ channel, ...message, unfurl_links: false, unfurl_media: false }));
    return { channel: res.channel ?? channel, ts: res.ts ?? '' };
  }

  async updateMessage(ref: SlackMessageRef, message: SlackMessage): Promise<void> {
    await this.call('chat.update', () => this.client.chat.update({ channel: ref.channel, ts: ref.ts, ...message }));
  }

  async userIdByEmail(email: string): Promise<string> {
    const res = await this.call('users.lookupByEmail', () => this.client.users.lookupByEmail({ email }));
    const id = res.user?.id;
    if (!id) throw new SlackDeliveryError({ kind: 'recipient', code: 'users_not_found' }, 'users.lookupByEmail');
    return id;
  }

  async emailOfUser(userId: string): Promise<string | null> {
    const res = await this.call('users.info', () => this.client.users.info({ user: userId }));
    if (!res.user || res.user.is_bot || res.user.deleted) return null;
    // Slack sets is_email_confirmed once the address is verified; an unverified address names nobody.
    if (res.user.is_email_confirmed === false) return null;
    return res.user.profile?.email ?? null;
  }

  async openModal(triggerId: string, view: ModalView): Promise<void> {
    await this.call('views.open', () => this.client.views.open({ trigger_id: triggerId, view }));
  }

  async publishHome(userId: string, view: HomeView): Promise<void> {
    await this.call('views.publish', () => this.client.views.publish({ user_id: userId, view }));
  }
}
