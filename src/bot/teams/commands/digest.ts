import { digestAdaptiveCard, helpAdaptiveCard } from '../adaptive-card.ts';
import { conversationOf, scopeOf } from '../conversations.ts';
import { cardMessage, NOT_MATCHED, RECRUITERS_ONLY, textMessage } from '../messages.ts';
import type { Command } from './command.ts';
import { runSlow } from './run-slow.ts';

/**
 * `digest`: last week's numbers (counts and job titles, no personal data) here, now. `digest here` in a
 * channel makes that channel the weekly digest's (unless TEAMS_DIGEST_CONVERSATION_ID names another).
 * Recruiters and admins.
 */
export function digestCommand(scheduled: () => boolean): Command {
  return async ({ context, words, reviewer }, deps) => {
    const here = words[0]?.toLowerCase() === 'here';
    if (words.length > 1 || (words[0] && !here)) {
      await context.sendActivity(cardMessage(helpAdaptiveCard('"digest" takes nothing, or "here" (in a channel: post the weekly digest here).')));
      return;
    }
    if (!reviewer) return void (await context.sendActivity(textMessage(NOT_MATCHED)));
    if (!reviewer.recruiter) return void (await context.sendActivity(textMessage(RECRUITERS_ONLY)));
    if (here) {
      const conversation = conversationOf(context.activity);
      if (!conversation || scopeOf(context.activity) !== 'channel') {
        await context.sendActivity(textMessage('"digest here" is for a team channel: @mention me there with it.'));
        return;
      }
      await deps.conversations.save(conversation);
      await deps.conversations.setDigestTarget(conversation.conversationId);
      const when = scheduled()
        ? 'every Monday at 09:00 (server time)'
        : 'every Monday at 09:00 (server time) once Skima restarts (the weekly schedule is set when it starts)';
      const overridden = deps.digestConversationId && deps.digestConversationId !== conversation.conversationId
        ? ' Note: TEAMS_DIGEST_CONVERSATION_ID names another conversation, and the setting wins.'
        : '';
      await context.sendActivity(textMessage(`Done: the weekly digest (counts and job titles only) comes to this channel ${when}.${overridden}`));
      return;
    }
    await runSlow(context, deps, 'digest', 'Computing the digest…', async () => cardMessage(digestAdaptiveCard(await deps.services.digest())));
  };
}
