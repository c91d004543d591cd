import { TurnContext } from 'botbuilder';
import { helpAdaptiveCard } from '../adaptive-card.ts';
import type { TeamsDeps } from '../deps.ts';
import { resumeDropped } from '../drops/resume-dropped.ts';
import { cardMessage } from '../messages.ts';
import { rememberConversation } from '../remember.ts';
import type { Command } from './command.ts';
import { digestCommand } from './digest.ts';
import { rediscoverCommand } from './rediscover.ts';
import { setupCommand } from './setup.ts';
import { shortlistCommand } from './shortlist.ts';
import { statusCommand } from './status.ts';

export interface CommandOptions {
  /** Whether the weekly digest is scheduled in this process (said by `digest here`). */
  digestScheduled: () => boolean;
}

/** The text of a message with the @mention of Skima taken out (channels), lower-cased command first. */
export function commandText(context: TurnContext): string {
  const stripped = TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '';
  // Teams leaves the mention's markup (and non-breaking spaces) around in some clients.
  return stripped.replace(/<at>[^<]*<\/at>/g, ' ').replace(/\u00a0/g, ' ').trim();
}

/**
 * A message to Skima: a command typed in a 1:1 chat, or after an @mention in a channel. Replays of the
 * same activity (Teams retries a request it thinks failed) are answered once. Help, unknown and
 * empty input get the usage, never silence.
 */
export async function onMessage(context: TurnContext, deps: TeamsDeps, options: CommandOptions): Promise<void> {
  const a = context.activity;
  if (a.id && !(await deps.services.firstDelivery(`teams:${a.conversation.id}:${a.id}`))) return;
  const { person, reviewer } = await deps.reviewers.of(context);
  await rememberConversation(context, deps, person);
  const text = commandText(context);
  // A resume sent as a file (or a pasted image) is answered as such, not read as a command.
  if ((await resumeDropped(context, deps, reviewer, text)) === 'done') return;
  const commands: Record<string, Command> = {
    shortlist: shortlistCommand,
    rediscover: rediscoverCommand,
    setup: setupCommand,
    status: statusCommand,
    digest: digestCommand(options.digestScheduled),
  };
  const [name = 'help', ...words] = text.split(/\s+/).filter(Boolean);
  const command = commands[name.toLowerCase()];
  if (!command) {
    const problem = name.toLowerCase() === 'help' ? undefined : `I don't know "${name.slice(0, 40)}".`;
    await context.sendActivity(cardMessage(helpAdaptiveCard(problem)));
    return;
  }
  await command({ context, words, person, reviewer }, deps);
}
