import type { TurnContext } from 'botbuilder';
import { onCardAction } from './actions/index.ts';
import { type CommandOptions, onMessage } from './commands/index.ts';
import type { TeamsDeps } from './deps.ts';
import { scopeOf } from './conversations.ts';
import { rememberConversation } from './remember.ts';
import { welcomePersonal } from './welcome.ts';

/**
 * One activity from Teams: installs and uninstalls (the conversation is stored or forgotten), messages
 * (commands) and card clicks (`adaptiveCard/action` invokes). Everything else is ignored.
 */
export function teamsTurn(deps: TeamsDeps, options: CommandOptions): (context: TurnContext) => Promise<void> {
  return async (context) => {
    const a = context.activity;
    switch (a.type) {
      case 'installationUpdate':
        if (a.action === 'remove' || a.action === 'remove-upgrade') await deps.conversations.forget(a.conversation.id);
        else if (a.action === 'add' && scopeOf(a) === 'personal') await welcomePersonal(context, deps);
        else await rememberConversation(context, deps);
        return;
      case 'conversationUpdate': {
        // Teams sends both this and installationUpdate for an install: the welcome comes with the latter.
        const bot = a.recipient?.id;
        if (a.membersRemoved?.some((m) => m.id === bot)) await deps.conversations.forget(a.conversation.id);
        else if (a.membersAdded?.some((m) => m.id === bot)) await rememberConversation(context, deps);
        return;
      }
      case 'message':
        return onMessage(context, deps, options);
      case 'invoke':
        if (a.name === 'adaptiveCard/action') return onCardAction(context, deps);
        return;
      default:
        return;
    }
  };
}
