import { decodeJob } from '../../ids.ts';
import { blockActionSchema } from '../../payloads.ts';
import type { Reviewer } from '../../../ports.ts';
import type { ActionArgs, ListenerDeps } from '../deps.ts';
import { reviewerForJob } from '../reviewer-for-job.ts';

/**
 * A click on a button that names a job (App Home's "Send me the shortlist", a card's "Open full
 * shortlist"): acked at once, then the job and the clicker, or null when the payload is not one of
 * ours or the clicker may not act on the job (they have been told privately why).
 */
export async function jobButtonClick(
  { body, ack }: ActionArgs,
  deps: ListenerDeps,
): Promise<{ jobId: string; slackUserId: string; reviewer: Reviewer } | null> {
  await ack();
  const payload = blockActionSchema.safeParse(body);
  if (!payload.success) return null;
  const target = decodeJob(payload.data.actions[0]!.value);
  if (!target) return null;
  const slackUserId = payload.data.user.id;
  const reviewer = await reviewerForJob(deps, slackUserId, target.jobId);
  return reviewer ? { jobId: target.jobId, slackUserId, reviewer } : null;
}
