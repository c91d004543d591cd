import type { TurnContext } from 'botbuilder';
import type { Reviewer } from '../../ports.ts';
import type { TeamsDeps } from '../deps.ts';
import type { TeamsPerson } from '../identity.ts';

/** One command typed to Skima: its words after the command's name, and who typed it. */
export interface CommandInput {
  context: TurnContext;
  words: string[];
  person: TeamsPerson | null;
  /** The Ashby user matched by the roster's email; null: nobody Skima may serve. */
  reviewer: Reviewer | null;
}

export type Command = (input: CommandInput, deps: TeamsDeps) => Promise<void>;
