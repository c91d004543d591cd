import { z } from 'zod';
import { NOTE_BLOCK, NOTE_INPUT, SKIP_REASON_BLOCK, SKIP_REASON_INPUT, VERDICT_BLOCK, VERDICT_INPUT } from '../../ids.ts';
import { UsageError } from '../../../ports.ts';
import { noteMetadataSchema, viewSubmissionSchema } from '../../payloads.ts';
import { textMessage } from '../../render/help.ts';
import type { Ack, ListenerDeps } from '../deps.ts';
import { refreshCard, tell } from '../refresh-card.ts';
import { reviewerForJob } from '../reviewer-for-job.ts';

const verdictSchema = z.enum(['approve', 'skip', 'maybe']);
export type ViewAck = Ack<{ response_action: 'errors'; errors: Record<string, string> }>;

/**
 * The note modal's submission: the verdict and note go through the core's decision entry point (which
 * writes both to Ashby), then the card the note was started from is redrawn.
 */
export async function noteSubmitted({ body, ack }: { body: unknown; ack: ViewAck }, deps: ListenerDeps) {
  const payload = viewSubmissionSchema.safeParse(body);
  const meta = payload.success ? noteMetadataSchema.safeParse(safeJson(payload.data.view.private_metadata)) : undefined;
  if (!payload.success || !meta?.success) {
    await ack({ response_action: 'errors', errors: { [NOTE_BLOCK]: 'This form has expired; open it again from the card.' } });
    return;
  }
  const values = payload.data.view.state.values;
  const verdict = verdictSchema.safeParse(values[VERDICT_BLOCK]?.[VERDICT_INPUT]?.selected_option?.value);
  const note = values[NOTE_BLOCK]?.[NOTE_INPUT]?.value?.trim() ?? '';
  if (!verdict.success) {
    await ack({ response_action: 'errors', errors: { [VERDICT_BLOCK]: 'Choose Approve, Maybe or Skip.' } });
    return;
  }
  const skipReasonId = values[SKIP_REASON_BLOCK]?.[SKIP_REASON_INPUT]?.selected_option?.value;
  if (skipReasonId && verdict.data !== 'skip') {
    await ack({ response_action: 'errors', errors: { [SKIP_REASON_BLOCK]: 'A reason goes only with Skip: choose Skip, or clear the reason.' } });
    return;
  }
  await ack();
  const userId = payload.data.user.id;
  const reviewer = await reviewerForJob(deps, userId, meta.data.j);
  if (!reviewer) return;
  let recorded: boolean;
  try {
    recorded = await deps.services.recordDecision({
      jobId: meta.data.j,
      applicationId: meta.data.a,
      reviewer,
      verdict: verdict.data,
      ...(note ? { note } : {}),
      ...(skipReasonId ? { skipReasonId } : {}),
    });
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    await tell(deps, userId, textMessage(`Your decision was not saved: ${err.message}`));
    return;
  }
  if (!recorded) await tell(deps, userId, textMessage('That candidate is no longer in Skima; your note was not saved.'));
  await refreshCard(deps, meta.data.j, reviewer, userId, meta.data.c);
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}
