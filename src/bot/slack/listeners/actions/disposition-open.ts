import { NO_ARCHIVE_REASON } from '../../../chat-words.ts';
import { decodeCandidate } from '../../ids.ts';
import { blockActionSchema, clickedMessage } from '../../payloads.ts';
import { textMessage } from '../../render/help.ts';
import { dispositionChooseModal } from '../../render/disposition.ts';
import { candidateLabel } from '../../render/shortlist.ts';
import type { ActionArgs, ListenerDeps } from '../deps.ts';
import { tell } from '../refresh-card.ts';
import { reviewerForJob } from '../reviewer-for-job.ts';

/**
 * A card's "Advance…" or "Archive…": checks the clicker may (their role on the job, the application
 * one of the job's), reads the choices from Ashby (the plan's stages; the archive reasons and email
 * templates) and opens the modal. A refusal is told privately and names nothing.
 */
export async function dispositionOpenAction({ body, ack }: ActionArgs, deps: ListenerDeps, action: 'advance' | 'archive') {
  await ack();
  const payload = blockActionSchema.safeParse(body);
  if (!payload.success || !payload.data.trigger_id) return;
  const target = decodeCandidate(payload.data.actions[0]!.value);
  if (!target) return;
  const userId = payload.data.user.id;
  const reviewer = await reviewerForJob(deps, userId, target.jobId);
  if (!reviewer) return;
  const ask = { reviewer, jobId: target.jobId, applicationIds: [target.applicationId], action };
  const choices = await deps.services.dispositionChoices(ask);
  if ('refused' in choices) return void (await tell(deps, userId, textMessage(choices.refused)));
  if (action === 'archive' && choices.reasons.length === 0) {
    return void (await tell(deps, userId, textMessage(NO_ARCHIVE_REASON)));
  }
  const card = await deps.services.buildCard(target.jobId, reviewer);
  const candidate = card.candidates.find((c) => c.applicationId === target.applicationId);
  const label = candidate ? candidateLabel(candidate) : 'this candidate';
  const from = clickedMessage(payload.data);
  const meta = { j: target.jobId, a: target.applicationId, x: action, ...(from ? { c: from } : {}) };
  await deps.slack.openModal(payload.data.trigger_id, dispositionChooseModal(meta, label, choices));
}
