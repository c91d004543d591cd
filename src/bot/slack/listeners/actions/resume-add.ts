import { decodeResumeDrop } from '../../ids.ts';
import { type BlockActionPayload, blockActionSchema, clickedMessage } from '../../payloads.ts';
import { textMessage } from '../../render/help.ts';
import { outcomeText } from '../../render/resume-drop.ts';
import type { SlackMessage } from '../../block-kit.ts';
import type { ActionArgs, ListenerDeps } from '../deps.ts';
import { reviewerForJob } from '../reviewer-for-job.ts';
import { tell } from '../refresh-card.ts';
import { readDroppedFile } from '../resume-file.ts';

/** Replaces the preview (its buttons gone, so it cannot be clicked again), or says it privately. */
async function answer(deps: ListenerDeps, payload: BlockActionPayload, message: SlackMessage) {
  const where = clickedMessage(payload);
  if (where) {
    try {
      return void (await deps.slack.updateMessage(where, message));
    } catch (err) {
      deps.log.warn({ err }, 'could not update a resume preview; answering in a new message');
    }
  }
  await tell(deps, payload.user.id, message);
}

/**
 * "Add to <job>" under a dropped resume's preview: the file is read again and the core adds the person
 * (one candidate and one application however often the file is dropped or the button clicked, even
 * at once), then the preview says what was created; the score follows once the screening is done.
 */
export async function resumeAddAction({ body, ack }: ActionArgs, deps: ListenerDeps) {
  await ack();
  const payload = blockActionSchema.safeParse(body);
  if (!payload.success) return;
  const target = decodeResumeDrop(payload.data.actions[0]!.value);
  if (!target) return;
  const slackUserId = payload.data.user.id;
  const reviewer = await reviewerForJob(deps, slackUserId, target.jobId);
  if (!reviewer) return;
  await answer(deps, payload.data, textMessage('Adding the candidate to Ashby…'));
  const file = await readDroppedFile(deps, target.fileId, slackUserId);
  if ('problem' in file) return answer(deps, payload.data, textMessage(file.problem));
  const outcome = await deps.services.addResume(reviewer, { jobId: target.jobId, ...file }, slackUserId);
  await answer(deps, payload.data, textMessage(outcomeText(outcome)));
}
