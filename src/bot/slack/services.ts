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

/** Where a disposition's progress is shown in Slack (the DM message) and what it was: given to the core
 * by `followDisposition`, handed back to draw the final count. */
export interface SlackProgressRef extends SlackMessageRef {
  action: 'advance' | 'archive';
}

export function parseSlackProgressRef(json: unknown): SlackProgressRef | null {
  const ref = parseSlackMessageRef(json);
  const action = (json as { action?: unknown } | null)?.action;
  return ref && (action === 'advance' || action === 'archive') ? { ...ref, action } : null;
}
