import { checkMessage, clip, escapeMrkdwn, type SlackMessage } from '../block-kit.ts';

export const USAGE = [
  '*Skima* — AI screening for Ashby, in Slack',
  '`/skima shortlist <job>` — send you the live top-10 of a job (by title or id)',
  '`/skima rediscover <job> [min:70] [since:180d] [job:cashier] [reason:withdrew] [hired] ...` — qualified past candidates from the whole talent pool (`skima rediscover --help` lists every filter)',
  '`/skima status` — sync health, queue depth, the last webhook, recent errors',
  '`/skima setup` — check the Ashby API key, custom fields, tag and webhooks (`/skima setup fix` to fix them)',
  '`/skima digest` — post the weekly numbers (counts only) to this channel now',
  '`/skima help` — this help',
].join('\n');

/** Usage help, led by what went wrong when the command was not understood. */
export function helpMessage(problem?: string): SlackMessage {
  const lead = problem ? `${escapeMrkdwn(clip(problem, 1500))}\n\n` : '';
  return checkMessage({
    text: problem ? clip(problem, 300) : 'Skima commands',
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `${lead}${USAGE}` } }],
  });
}

/** A one-section message. */
export function textMessage(text: string): SlackMessage {
  return checkMessage({ text: clip(text, 3000), blocks: [{ type: 'section', text: { type: 'mrkdwn', text: clip(text, 3000) } }] });
}

/** Said to anyone who may not see a job, and for jobs that do not exist: the two are indistinguishable. */
export const NO_ACCESS =
  'I can\'t show you that. If you think you should see this job\'s shortlist, ask its recruiter to add you to the hiring team in Ashby.';
export const NOT_MATCHED =
  'I couldn\'t match your Slack account to an Ashby user by email, so I can\'t show you shortlists. '
  + 'Ask your Ashby admin to check that your Slack email is the one on your Ashby account.';
export const RECRUITERS_ONLY = 'Only Ashby users with a recruiting or admin role can do that.';
