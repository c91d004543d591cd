import { decodeJob } from '../../ids.ts';
import { blockActionSchema, clickedMessage } from '../../payloads.ts';
import { textMessage } from '../../render/help.ts';
import { requirementsModal } from '../../render/requirements-modal.ts';
import type { ActionArgs, ListenerDeps } from '../deps.ts';
import { tell } from '../refresh-card.ts';
import { reviewerForJob } from '../reviewer-for-job.ts';

/**
 * "Edit requirements" on a shortlist card: opens the requirements modal for someone who may edit them
 * (a recruiter or admin, or the job's hiring manager); others are told privately why not. views.open
 * must use the trigger within 3 s: the requirements are read from the database, nothing slower.
 */
export async function editRequirementsAction({ body, ack }: ActionArgs, deps: ListenerDeps) {
  await ack();
  const payload = blockActionSchema.safeParse(body);
  if (!payload.success || !payload.data.trigger_id) return;
  const target = decodeJob(payload.data.actions[0]!.value);
  if (!target || !deps.services.requirementsForEdit) return;
  const userId = payload.data.user.id;
  const reviewer = await reviewerForJob(deps, userId, target.jobId);
  if (!reviewer) return;
  const found = await deps.services.requirementsForEdit(target.jobId, reviewer);
  if ('refused' in found) {
    await tell(deps, userId, textMessage(found.refused));
    return;
  }
  if (found.rows.length === 0) {
    await tell(deps, userId, textMessage('Skima has not read any requirement from this job\'s description yet.'));
    return;
  }
  const view = requirementsModal(found, target.jobId, clickedMessage(payload.data));
  await deps.slack.openModal(payload.data.trigger_id, view);
}
