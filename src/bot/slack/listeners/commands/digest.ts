import { SlackDeliveryError } from '../../errors.ts';
import { NOT_MATCHED, RECRUITERS_ONLY, textMessage } from '../../render/help.ts';
import { digestMessage } from '../../render/reports.ts';
import type { Subcommand } from './skima.ts';
import { runSlow } from './run-slow.ts';

/** `/skima digest`: posts last week's numbers (counts and job titles, no personal data) here, now. */
export const digestCommand: Subcommand = async ({ userId, channelId }, io, deps) => {
  await runSlow('digest', io, deps, 'Computing the digest…', async () => {
    const reviewer = await deps.reviewers.reviewerOf(userId);
    if (!reviewer) return textMessage(NOT_MATCHED);
    if (!reviewer.recruiter) return textMessage(RECRUITERS_ONLY);
    const message = digestMessage(await deps.services.digest());
    try {
      await deps.slack.postMessage(channelId, message);
    } catch (err) {
      if (err instanceof SlackDeliveryError && err.failure.kind === 'recipient') {
        await deps.services.reportError({ source: 'slack:digest', message: err.failure.code });
        return textMessage(`I can't post here (${err.failure.code}). Invite me to this channel first: \`/invite @Skima\`.`);
      }
      throw err;
    }
    return textMessage('Posted the digest to this channel.');
  });
};
