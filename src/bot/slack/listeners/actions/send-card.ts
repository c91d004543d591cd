import { publishCard } from '../../cards.ts';
import { SlackDeliveryError } from '../../errors.ts';
import { decodeJob } from '../../ids.ts';
import { blockActionSchema } from '../../payloads.ts';
import type { ActionArgs, ListenerDeps } from '../deps.ts';
import { reviewerForJob } from '../reviewer-for-job.ts';

/** App Home's "Send me the shortlist": posts or refreshes the job's card in the clicker's DM. */
export async function sendCardAction({ body, ack }: ActionArgs, deps: ListenerDeps) {
  await ack();
  const payload = blockActionSchema.safeParse(body);
  if (!payload.success) return;
  const target = decodeJob(payload.data.actions[0]!.value);
  if (!target) return;
  const userId = payload.data.user.id;
  const reviewer = await reviewerForJob(deps, userId, target.jobId);
  if (!reviewer) return;
  try {
    await publishCard(deps.slack, deps.services, { jobId: target.jobId, slackUserId: userId, reviewer });
  } catch (err) {
    const code = err instanceof SlackDeliveryError ? err.failure.code : 'card_failed';
    deps.log.warn({ err }, 'could not send a shortlist card from App Home');
    await deps.services.reportError({ source: 'slack:card', message: code });
  }
}
