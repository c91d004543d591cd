import { type Activity, type ConversationReference, TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { StoredConversation } from '../ports.ts';

/** What a stored reference must hold to continue a conversation: the rest is optional. */
const referenceSchema = z.object({
  conversation: z.object({ id: z.string().min(1) }).passthrough(),
  serviceUrl: z.string().url(),
  channelId: z.string().min(1),
  bot: z.object({ id: z.string() }).passthrough().optional(),
  user: z.object({ id: z.string() }).passthrough().optional(),
}).passthrough();

/** A stored reference read back, or null when it is damaged: that conversation is then unreachable. */
export function parseReference(json: unknown): Partial<ConversationReference> | null {
  const parsed = referenceSchema.safeParse(json);
  return parsed.success ? (parsed.data as unknown as Partial<ConversationReference>) : null;
}

/** Teams' conversation types as the port's scopes. */
export function scopeOf(activity: Partial<Activity>): StoredConversation['scope'] {
  switch (activity.conversation?.conversationType) {
    case 'channel':
      return 'channel';
    case 'groupChat':
      return 'group';
    default:
      return 'personal';
  }
}

/**
 * The conversation an activity came from, to store: the reference (no message text, no activity id),
 * and for a 1:1 chat the person's Entra object id and email. A reference kept is what lets Skima
 * send a hiring manager their cards later without being asked.
 */
export function conversationOf(
  activity: Partial<Activity>,
  person?: { userId?: string; email?: string },
): StoredConversation | null {
  const reference = TurnContext.getConversationReference(activity);
  delete reference.activityId; // a reference continues the conversation, not one message in it
  if (!reference.conversation?.id || !reference.serviceUrl) return null;
  const scope = scopeOf(activity);
  return {
    conversationId: reference.conversation.id,
    scope,
    ...(scope === 'personal' && person?.userId ? { userId: person.userId } : {}),
    ...(scope === 'personal' && person?.email ? { email: person.email } : {}),
    reference: JSON.parse(JSON.stringify(reference)) as object,
  };
}
