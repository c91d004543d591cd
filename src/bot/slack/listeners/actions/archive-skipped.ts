import { NO_ARCHIVE_REASON } from '../../../chat-words.ts';
import { decodeJob } from '../../ids.ts';
import { blockActionSchema, clickedMessage } from '../../payloads.ts';
import { textMessage } from '../../render/help.ts';
import { dispositionChooseModal } from '../../render/disposition.ts';
import type { ActionArgs, ListenerDeps } from '../deps.ts';
import { tell } from '../refresh-card.ts';
import { reviewerForJob } from '../reviewer-for-job.ts';

/**
 * The card's "Archive skipped…": every application of the job someone skipped that is still active, in
 * one batch. The core checks the clicker may archive them and reads Ashby's reasons; the archive modal
 * opens for all of them, and its confirmation names how many and which reason. A refusal is told
 * privately and names nothing.
 */
export async function archiveSkippedAction({ body, ack }: ActionArgs, deps: ListenerDeps) {
  await ack();
  const payload = blockActionSchema.safeParse(body);
  if (!payload.success || !payload.data.trigger_id) return;
  const target = decodeJob(payload.data.actions[0]!.value);
  if (!target) return;
  const userId = payload.data.user.id;
  const reviewer = await reviewerForJob(deps, userId, target.jobId);
  if (!reviewer) return;
  const ask = { reviewer, jobId: target.jobId, applicationIds: [], allSkipped: true, action: 'archive' as const };
  const choices = await deps.services.dispositionChoices(ask);
  if ('refused' in choices) return void (await tell(deps, userId, textMessage(choices.refused)));
  if (choices.reasons.length === 0) {
    return void (await tell(deps, userId, textMessage(NO_ARCHIVE_REASON)));
  }
  const card = await deps.services.buildCard(target.jobId, reviewer);
  const n = card.skippedActive;
  const label = `${n ? `the ${n} skipped application${n === 1 ? '' : 's'}` : 'every skipped application'} of ${card.jobTitle}`;
  const from = clickedMessage(payload.data);
  const meta = { j: target.jobId, b: 1 as const, x: 'archive' as const, ...(from ? { c: from } : {}) };
  await deps.slack.openModal(payload.data.trigger_id, dispositionChooseModal(meta, label, choices));
}
