import type { ChatServices } from '../ports.ts';

/** Where a Slack card was posted, so it can be updated in place. */
export interface SlackMessageRef {
  channel: string;
  ts: string;
}

/** The core's services as the Slack front door sees them: card refs are Slack messages. */
export type SlackServices = ChatServices<SlackMessageRef>;

/** A stored card ref, or null when it is not a Slack message's (written by an older version, or damaged). */
export function parseSlackMessageRef(json: unknown): SlackMessageRef | null {
  const ref = json as Partial<SlackMessageRef> | null;
  return typeof ref?.channel === 'string' && typeof ref.ts === 'string' ? { channel: ref.channel, ts: ref.ts } : null;
}
