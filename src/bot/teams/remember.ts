import type { TurnContext } from 'botbuilder';
import { conversationOf, scopeOf } from './conversations.ts';
import type { TeamsDeps } from './deps.ts';
import type { TeamsPerson } from './identity.ts';

/**
 * Stores the turn's conversation, so Skima can write there later (a hiring manager's cards, the
 * digest). For a 1:1 chat the person's roster entry is stored with it: that is how a hiring manager
 * known to Ashby by email is found. The roster call is skipped for channels and group chats.
 */
export async function rememberConversation(
  context: TurnContext,
  deps: TeamsDeps,
  knownPerson?: TeamsPerson | null,
): Promise<void> {
  let person = knownPerson ?? undefined;
  if (!person && scopeOf(context.activity) === 'personal') person = (await deps.reviewers.of(context)).person ?? undefined;
  const conversation = conversationOf(context.activity, person && {
    ...(person.aadObjectId ?? person.teamsId ? { userId: person.aadObjectId ?? person.teamsId } : {}),
    ...(person.email ? { email: person.email } : {}),
  });
  if (conversation) await deps.conversations.save(conversation);
}
