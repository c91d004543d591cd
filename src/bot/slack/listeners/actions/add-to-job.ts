import { escapeMrkdwn } from '../../block-kit.ts';
import { decodePastCandidate } from '../../ids.ts';
import { blockActionSchema } from '../../payloads.ts';
import { NOT_MATCHED, RECRUITERS_ONLY, textMessage } from '../../render/help.ts';
import { UsageError } from '../../services.ts';
import type { ActionArgs, ListenerDeps } from '../deps.ts';
import { tell } from '../refresh-card.ts';

/**
 * "Add to job" on a rediscovered candidate, after Slack's confirmation dialog: recruiters and admins
 * only. Creates the application in Ashby (once: a second click says it is already there) and tells the
 * clicker privately what happened.
 */
export async function addToJobAction({ body, ack }: ActionArgs, deps: ListenerDeps) {
  await ack();
  const payload = blockActionSchema.safeParse(body);
  if (!payload.success) return;
  const target = decodePastCandidate(payload.data.actions[0]!.value);
  if (!target) return;
  const slackUserId = payload.data.user.id;
  const reviewer = await deps.reviewers.reviewerOf(slackUserId);
  if (!reviewer) return void (await tell(deps, slackUserId, textMessage(NOT_MATCHED)));
  if (!reviewer.recruiter) return void (await tell(deps, slackUserId, textMessage(RECRUITERS_ONLY)));
  try {
    const outcome = await deps.services.addToJob(reviewer, target.jobId, target.candidateId);
    const job = escapeMrkdwn(outcome.jobTitle);
    const text =
      outcome.status === 'added'
        ? `Added to *${job}* in Ashby, with a note saying why${outcome.score === null ? '' : ` (${outcome.score}/100)`}. Skima screens the new application now.`
        : `Already an application on *${job}* in Ashby: nothing changed.`;
    await tell(deps, slackUserId, textMessage(text));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    await tell(deps, slackUserId, textMessage(err.message));
  }
}
