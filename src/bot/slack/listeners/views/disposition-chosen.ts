import { randomUUID } from 'node:crypto';
import { NEXT_STAGE, NO_EMAIL, REASON_BLOCK, REASON_INPUT, STAGE_BLOCK, STAGE_INPUT, TEMPLATE_BLOCK, TEMPLATE_INPUT } from '../../ids.ts';
import type { ModalView } from '../../block-kit.ts';
import { dispositionMetadataSchema, viewSubmissionSchema } from '../../payloads.ts';
import { dispositionConfirmModal } from '../../render/disposition.ts';
import type { Ack, ListenerDeps } from '../deps.ts';
import { targetOf } from './disposition-target.ts';
import { safeJson } from './safe-json.ts';

export type ChooseAck = Ack<
  | { response_action: 'errors'; errors: Record<string, string> }
  | { response_action: 'update'; view: ModalView }
>;

/**
 * The choice modal's submission: what was picked goes to the core for the confirmation question (no
 * change yet), and the modal turns into the confirmation, carrying a fresh key for the batch. A
 * refusal or a missing reason is shown in the modal itself.
 */
export async function dispositionChosen({ body, ack }: { body: unknown; ack: ChooseAck }, deps: ListenerDeps) {
  const payload = viewSubmissionSchema.safeParse(body);
  const meta = payload.success
    ? dispositionMetadataSchema.safeParse(safeJson(payload.data.view.private_metadata))
    : undefined;
  const firstBlock = (m?: { x: string }) => (m?.x === 'advance' ? STAGE_BLOCK : REASON_BLOCK);
  if (!payload.success || !meta?.success) {
    await ack({ response_action: 'errors', errors: { [REASON_BLOCK]: 'This form has expired; open it again from the card.' } });
    return;
  }
  const m = meta.data;
  const values = payload.data.view.state.values;
  const stage = values[STAGE_BLOCK]?.[STAGE_INPUT]?.selected_option?.value;
  const reason = values[REASON_BLOCK]?.[REASON_INPUT]?.selected_option?.value;
  const template = values[TEMPLATE_BLOCK]?.[TEMPLATE_INPUT]?.selected_option?.value;
  if (m.x === 'archive' && !reason) {
    await ack({ response_action: 'errors', errors: { [REASON_BLOCK]: 'Pick one of Ashby\'s archive reasons.' } });
    return;
  }
  const picked = {
    ...(m.x === 'advance' && stage && stage !== NEXT_STAGE ? { s: stage } : {}),
    ...(m.x === 'archive' ? { r: reason } : {}),
    ...(m.x === 'archive' && template && template !== NO_EMAIL ? { t: template } : {}),
  };
  const reviewer = await deps.reviewers.reviewerOf(payload.data.user.id);
  if (!reviewer) {
    await ack({ response_action: 'errors', errors: { [firstBlock(m)]: 'Skima could not match you to an Ashby user.' } });
    return;
  }
  const asked = await deps.services.prepareDisposition({
    reviewer,
    jobId: m.j,
    ...targetOf(m),
    action: m.x,
    ...(picked.s ? { stageId: picked.s } : {}),
    ...(picked.r ? { archiveReasonId: picked.r } : {}),
    ...(picked.t ? { emailTemplateId: picked.t } : {}),
  });
  if ('refused' in asked) {
    await ack({ response_action: 'errors', errors: { [firstBlock(m)]: asked.refused.slice(0, 150) } });
    return;
  }
  // A bulk confirmation names how many: the start is refused if the core then finds another number.
  const confirm = { ...m, ...picked, ...(m.b ? { n: asked.count } : {}), k: randomUUID() };
  await ack({ response_action: 'update', view: dispositionConfirmModal(confirm, asked.question) });
}
