import { WebClient, type WebClientOptions } from '@slack/web-api';
import { checkMessage, type HomeView, type ModalView, type SlackMessage } from './block-kit.ts';
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
  /** files.info (files:read): a file shared with the app. */
  fileInfo(fileId: string): Promise<SlackFile>;
  /** A file's bytes from its private URL, with the bot token: only from Slack's own https hosts, and
   * never more than `maxBytes`. */
  downloadFile(url: string, maxBytes: number): Promise<Uint8Array>;
}

export interface SlackFile {
  id: string;
  name: string;
  /** Who shared it. */
  user: string;
  size: number;
  mimetype: string;
  urlPrivateDownload: string;
}

/** Only Slack's file hosts get the bot token (a forged URL must not carry it elsewhere). */
export function isSlackFileUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && (u.hostname === 'files.slack.com' || u.hostname.endsWith('.slack.com'));
  } catch {
    return false;
  }
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

  constructor(private readonly opts: WebApiOptions) {
    this.client = new WebClient(opts.token, webClientOptions(opts));
  }

  private async call<T>(method: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw new SlackDeliveryError(classifySlackError(err), method);
    }
  }

  // Every renderer checks its message; checked again here, at the one way out, so nothing reaches Slack
  // that it would refuse (msg_blocks_too_long above all, which names no block and no count).
  async postMessage(channel: string, message: SlackMessage): Promise<SlackMessageRef> {
    checkMessage(message);
    const res = await this.call('chat.postMessage', () =>
      this.client.chat.postMessage({ channel, ...message, unfurl_links: false, unfurl_media: false }));
    return { channel: res.channel ?? channel, ts: res.ts ?? '' };
  }

  async updateMessage(ref: SlackMessageRef, message: SlackMessage): Promise<void> {
    checkMessage(message);
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

  async fileInfo(fileId: string): Promise<SlackFile> {
    const res = await this.call('files.info', () => this.client.files.info({ file: fileId }));
    const f = res.file;
    const url = f?.url_private_download ?? f?.url_private;
    if (!f?.id || !url) throw new SlackDeliveryError({ kind: 'other', code: 'file_not_found' }, 'files.info');
    return { id: f.id, name: f.name ?? 'resume', user: f.user ?? '', size: f.size ?? 0, mimetype: f.mimetype ?? '', urlPrivateDownload: url };
  }

  async downloadFile(url: string, maxBytes: number): Promise<Uint8Array> {
    const fail = (kind: 'transient' | 'other', code: string) => new SlackDeliveryError({ kind, code }, 'files.download');
    if (!isSlackFileUrl(url)) throw fail('other', 'not_a_slack_file_url');
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { authorization: `Bearer ${this.opts.token}` },
        signal: AbortSignal.timeout(30_000),
        redirect: 'error',
      });
    } catch {
      throw fail('transient', 'download_failed');
    }
    if (!response.ok) throw fail(response.status >= 500 ? 'transient' : 'other', `http_${response.status}`);
    // Slack answers a file the token may not read with its HTML sign-in page, not a 4xx.
    if (/text\/html/i.test(response.headers.get('content-type') ?? '')) throw fail('other', 'file_not_readable');
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of response.body ?? []) {
      size += chunk.byteLength;
      if (size > maxBytes) throw fail('other', 'file_too_large');
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  }
}
