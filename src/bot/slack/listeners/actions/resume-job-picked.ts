import { decodeResumeDrop } from '../../ids.ts';
import { blockActionSchema } from '../../payloads.ts';
import type { ActionArgs, ListenerDeps } from '../deps.ts';
import { reviewerForJob } from '../reviewer-for-job.ts';
import { showResumePreview } from '../resume-file.ts';

/** The job picked from the menu offered for a dropped resume: Skima reads the file and shows what it found. */
export async function resumeJobPicked({ body, ack }: ActionArgs, deps: ListenerDeps) {
  await ack();
  const payload = blockActionSchema.safeParse(body);
  if (!payload.success) return;
  const target = decodeResumeDrop(payload.data.actions[0]!.selected_option?.value);
  if (!target) return;
  const slackUserId = payload.data.user.id;
  const reviewer = await reviewerForJob(deps, slackUserId, target.jobId);
  if (!reviewer) return;
  await showResumePreview(deps, { slackUserId, reviewer, ...target });
}
