// The commands a person types to Skima in Teams (in a chat, or after an @mention in a channel): one list
// for the help card and the app manifest's `commandLists`, so the two never disagree.

export interface TeamsCommand {
  /** The word typed; also the command's title in Teams' command menu (at most 32 characters there). */
  title: string;
  /** How to type it, with its arguments. */
  usage: string;
  /** What it does, as the command menu shows it (at most 128 characters there). */
  description: string;
}

export const TEAMS_COMMANDS: readonly TeamsCommand[] = [
  { title: 'help', usage: 'help', description: 'What Skima can do and how to ask' },
  { title: 'shortlist', usage: 'shortlist <job>', description: 'Send you the live top-10 of a job (by title or id)' },
  {
    title: 'rediscover',
    usage: 'rediscover <job> [min:70] [since:180d] [job:cashier] [reason:withdrew] [hired]',
    description: 'Qualified past candidates for a job from the whole talent pool (recruiters and admins)',
  },
  { title: 'setup', usage: 'setup [fix]', description: 'Check the Ashby and Teams setup; "setup fix" fixes what Skima can (recruiters and admins)' },
  { title: 'status', usage: 'status', description: 'Sync health, queue depth, the last webhook and recent errors' },
  {
    title: 'digest',
    usage: 'digest [here]',
    description: 'Post last week\'s numbers (counts and job titles only) here now; "digest here" in a channel sends it the weekly digest',
  },
];
