import type { HomeView, ModalView, SlackMessage } from './block-kit.ts';
import { SlackDeliveryError } from './errors.ts';
import type { SlackMessageRef, SlackServices } from './services.ts';
import type { SlackApi, SlackFile } from './slack-api.ts';

/**
 * Stops calling Slack once the token is refused (revoked, invalid, account inactive): every later call
 * fails fast with the same error instead of hammering Slack, and the problem is reported once to
 * `/skima status`. The token comes from the environment, so fixing it means a restart, which clears this.
 */
export class GuardedSlackApi implements SlackApi {
  private refused: SlackDeliveryError | null = null;

  constructor(
    private readonly inner: SlackApi,
    private readonly services: Pick<SlackServices, 'reportError'>,
  ) {}

  /** The auth error code that stopped sending, or null. */
  get suspendedBy(): string | null {
    return this.refused?.failure.code ?? null;
  }

  /** Slack said the app is gone (uninstalled, or its bot token revoked): every call would be refused, so
   * none is made, and the reason is reported once. */
  async suspend(code: string): Promise<void> {
    if (this.refused) return;
    this.refused = new SlackDeliveryError({ kind: 'auth', code }, 'event');
    await this.services
      .reportError({ source: 'slack:auth', message: `${code}: sending stopped until Skima is installed again and SLACK_BOT_TOKEN is updated` })
      .catch(() => {});
  }

  private async guard<T>(fn: () => Promise<T>): Promise<T> {
    if (this.refused) throw this.refused;
    try {
      return await fn();
    } catch (err) {
      if (err instanceof SlackDeliveryError && err.failure.kind === 'auth') {
        this.refused = err;
        await this.services
          .reportError({ source: 'slack:auth', message: `${err.failure.code}: sending stopped until SLACK_BOT_TOKEN is fixed` })
          .catch(() => {});
      }
      throw err;
    }
  }

  postMessage(channel: string, message: SlackMessage): Promise<SlackMessageRef> {
    return this.guard(() => this.inner.postMessage(channel, message));
  }

  updateMessage(ref: SlackMessageRef, message: SlackMessage): Promise<void> {
    return this.guard(() => this.inner.updateMessage(ref, message));
  }

  userIdByEmail(email: string): Promise<string> {
    return this.guard(() => this.inner.userIdByEmail(email));
  }

  emailOfUser(userId: string): Promise<string | null> {
    return this.guard(() => this.inner.emailOfUser(userId));
  }

  openModal(triggerId: string, view: ModalView): Promise<void> {
    return this.guard(() => this.inner.openModal(triggerId, view));
  }

  publishHome(userId: string, view: HomeView): Promise<void> {
    return this.guard(() => this.inner.publishHome(userId, view));
  }

  fileInfo(fileId: string): Promise<SlackFile> {
    return this.guard(() => this.inner.fileInfo(fileId));
  }

  downloadFile(url: string, maxBytes: number): Promise<Uint8Array> {
    return this.guard(() => this.inner.downloadFile(url, maxBytes));
  }
}
