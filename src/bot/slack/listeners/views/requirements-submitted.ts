import { z } from 'zod';
import type { RequirementStatus } from '../../../ports.ts';
import {
  ADD_LABEL_BLOCK,
  ADD_LABEL_INPUT,
  ADD_STATUS_BLOCK,
  ADD_STATUS_INPUT,
  ADD_TERMS_BLOCK,
  ADD_TERMS_INPUT,
  requirementBlockId,
  requirementInputId,
} from '../../ids.ts';
import { viewSubmissionSchema } from '../../payloads.ts';
import { MAX_MODAL_REQUIREMENTS, rowsFingerprint } from '../../render/requirements-modal.ts';
import type { ListenerDeps } from '../deps.ts';
import { refreshCard } from '../refresh-card.ts';
import { reviewerForJob } from '../reviewer-for-job.ts';
import type { ViewAck } from './note-submitted.ts';

const metaSchema = z.object({
  j: z.string().min(1),
  v: z.number().int().min(0),
  h: z.string().min(1),
  c: z.object({ channel: z.string().min(1), ts: z.string().min(1) }).optional(),
});
const statusSchema = z.enum(['must', 'essential', 'nice', 'remove']);
const addStatusSchema = z.enum(['must', 'essential', 'nice']);
const EXPIRED = 'These requirements changed since this form was opened; close it and open it again from the card.';

/**
 * The requirements modal's submission: each requirement's status and an optional new one, saved through
 * the core's one entry point (which checks who may, versions, audits and re-scores). A refusal is shown
 * in the modal; once saved, the card it was opened from is redrawn with the new requirements.
 */
export async function requirementsSubmitted({ body, ack }: { body: unknown; ack: ViewAck }, deps: ListenerDeps) {
  const payload = viewSubmissionSchema.safeParse(body);
  const meta = payload.success ? metaSchema.safeParse(safeJson(payload.data.view.private_metadata)) : undefined;
  const firstBlock = requirementBlockId(0);
  if (!payload.success || !meta?.success || !deps.services.requirementsForEdit || !deps.services.saveRequirements) {
    await ack({ response_action: 'errors', errors: { [firstBlock]: 'This form has expired; open it again from the card.' } });
    return;
  }
  const userId = payload.data.user.id;
  const reviewer = await reviewerForJob(deps, userId, meta.data.j);
  if (!reviewer) {
    await ack();
    return;
  }
  // The rows the modal was drawn from: the same version and labels, or the form is stale.
  const current = await deps.services.requirementsForEdit(meta.data.j, reviewer);
  if ('refused' in current) {
    await ack({ response_action: 'errors', errors: { [firstBlock]: current.refused } });
    return;
  }
  const shown = current.rows.slice(0, MAX_MODAL_REQUIREMENTS);
  if (current.version !== meta.data.v || rowsFingerprint(shown.map((r) => r.label)) !== meta.data.h) {
    await ack({ response_action: 'errors', errors: { [firstBlock]: EXPIRED } });
    return;
  }
  const values = payload.data.view.state.values;
  const rows: { label: string; status: RequirementStatus }[] = [];
  for (const [i, row] of shown.entries()) {
    const selected = values[requirementBlockId(i)]?.[requirementInputId(i)]?.selected_option?.value;
    const picked = statusSchema.safeParse(selected);
    rows.push({ label: row.label, status: picked.success ? picked.data : row.status });
  }
  const addLabel = values[ADD_LABEL_BLOCK]?.[ADD_LABEL_INPUT]?.value?.trim() ?? '';
  const addTerms = values[ADD_TERMS_BLOCK]?.[ADD_TERMS_INPUT]?.value ?? '';
  const addStatus = addStatusSchema.safeParse(values[ADD_STATUS_BLOCK]?.[ADD_STATUS_INPUT]?.selected_option?.value ?? 'must');
  const terms = addTerms.split(/[,;\n]/).map((t) => t.trim()).filter(Boolean).slice(0, 10);
  const saved = await deps.services.saveRequirements({
    jobId: meta.data.j,
    reviewer,
    version: meta.data.v,
    rows,
    ...(addLabel ? { add: { label: addLabel, status: addStatus.success ? addStatus.data : 'must', terms } } : {}),
  });
  if (!saved.ok) {
    await ack({ response_action: 'errors', errors: { [addLabel ? ADD_LABEL_BLOCK : firstBlock]: saved.message } });
    return;
  }
  await ack();
  await refreshCard(deps, meta.data.j, reviewer, userId, meta.data.c);
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}
