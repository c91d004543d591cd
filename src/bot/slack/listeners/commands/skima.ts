import { helpMessage } from '../../render/help.ts';
import { slashCommandSchema } from '../../payloads.ts';
import type { Ack, ListenerDeps, Respond } from '../deps.ts';
import { digestCommand } from './digest.ts';
import { rediscoverCommand } from './rediscover.ts';
import { setupCommand } from './setup.ts';
import { shortlistCommand } from './shortlist.ts';
import { statusCommand } from './status.ts';

export interface CommandArgs {
  command: unknown;
  ack: Ack;
  respond: Respond;
}

export type Subcommand = (
  input: { userId: string; channelId: string; words: string[] },
  io: { ack: Ack; respond: Respond },
  deps: ListenerDeps,
) => Promise<void>;

const SUBCOMMANDS: Record<string, Subcommand> = {
  shortlist: shortlistCommand,
  rediscover: rediscoverCommand,
  status: statusCommand,
  setup: setupCommand,
  digest: digestCommand,
};

/** `/skima <subcommand> …`: dispatches; help, unknown and malformed input get the usage, never silence. */
export async function skimaCommand({ command, ack, respond }: CommandArgs, deps: ListenerDeps): Promise<void> {
  const parsed = slashCommandSchema.safeParse(command);
  if (!parsed.success) {
    await ack(helpMessage('I could not read that command.'));
    return;
  }
  const [name = 'help', ...words] = parsed.data.text.trim().split(/\s+/).filter(Boolean);
  const sub = SUBCOMMANDS[name.toLowerCase()];
  if (name.toLowerCase() === 'help' || !sub) {
    await ack(helpMessage(name.toLowerCase() === 'help' ? undefined : `I don't know \`${name.slice(0, 40)}\`.`));
    return;
  }
  await sub({ userId: parsed.data.user_id, channelId: parsed.data.channel_id, words }, { ack, respond }, deps);
}
