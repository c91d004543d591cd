import type { SlackMessage } from '../block-kit.ts';
import type { Reviewer, SlackServices } from '../services.ts';
import type { SlackApi } from '../slack-api.ts';

/** What every listener gets: the core's ports, the Slack API, who a Slack user is, and a log. */
export interface ListenerDeps {
  services: SlackServices;
  slack: SlackApi;
  reviewers: { reviewerOf(slackUserId: string): Promise<Reviewer | null> };
  /** Slack withdrew the app's access (app_uninstalled, tokens_revoked): stop sending. */
  access: { revoked(reason: string): Promise<void> };
  log: ListenerLog;
}

export interface ListenerLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** Bolt's ack and respond, narrowed to what Skima sends (tests pass fakes with these shapes). */
export type AckMessage = SlackMessage & { response_type?: 'ephemeral' | 'in_channel' };
export type Ack<T = AckMessage> = (response?: T) => Promise<void>;
export type RespondMessage = SlackMessage & { response_type?: 'ephemeral'; replace_original?: boolean };
/** What an action listener gets: the raw payload (parsed by the listener) and Bolt's ack. */
export interface ActionArgs {
  body: unknown;
  ack: () => Promise<void>;
}
export type Respond = (message: RespondMessage) => Promise<unknown>;
