import { candidateLabel } from '../../render/shortlist.ts';
import { decodeCandidate } from '../../ids.ts';
import { blockActionSchema, clickedMessage } from '../../payloads.ts';
import { noteModal } from '../../render/note-modal.ts';
import type { ActionArgs, ListenerDeps } from '../deps.ts';
import { reviewerForJob } from '../reviewer-for-job.ts';

/** "Add note": opens the note modal (views.open must use the trigger within 3 s, so no slow work first). */
export async function addNoteAction({ body, ack }: ActionArgs, deps: ListenerDeps) {
  await ack();
  const payload = blockActionSchema.safeParse(body);
  if (!payload.success || !payload.data.trigger_id) return;
  const target = decodeCandidate(payload.data.actions[0]!.value);
  if (!target) return;
  const userId = payload.data.user.id;
  const reviewer = await reviewerForJob(deps, userId, target.jobId);
  if (!reviewer) return;
  const card = await deps.services.buildCard(target.jobId, reviewer);
  const candidate = card.candidates.find((c) => c.applicationId === target.applicationId);
  const label = candidate ? candidateLabel(candidate) : 'this candidate';
  const current = candidate?.reviewerDecision?.verdict;
  const reasons = await deps.services.skipReasons();
  const view = noteModal({ ...target, card: clickedMessage(payload.data) }, label, current, reasons);
  await deps.slack.openModal(payload.data.trigger_id, view);
}
