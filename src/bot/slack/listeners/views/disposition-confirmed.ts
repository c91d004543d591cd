import type { Reviewer } from '../../../ports.ts';
import { dispositionMetadataSchema, viewSubmissionSchema } from '../../payloads.ts';
import { dispositionProgressMessage } from '../../render/disposition.ts';
import { textMessage } from '../../render/help.ts';
import type { SlackMessageRef } from '../../services.ts';
import type { Ack, ListenerDeps } from '../deps.ts';
import { targetOf } from './disposition-target.ts';
import { refreshCard, tell } from '../refresh-card.ts';
import { safeJson } from './safe-json.ts';

/** How often, and how long, the DM's progress is redrawn; the batch itself goes on in the queue either way. */
export const PROGRESS_POLL = { intervalMs: 1_000, maxPolls: 180 };

/**
 * The confirmation's submission: the batch starts in the core (one queued job per application; the
 * modal's key makes a repeated submission start nothing new), and the clicker gets a DM that shows its
 * progress and then the final count; the card is redrawn.
 */
export async function dispositionConfirmed({ body, ack }: { body: unknown; ack: Ack<never> }, deps: ListenerDeps) {
  await ack();
  const payload = viewSubmissionSchema.safeParse(body);
  const meta = payload.success
    ? dispositionMetadataSchema.safeParse(safeJson(payload.data.view.private_metadata))
    : undefined;
  if (!payload.success || !meta?.success || !meta.data.k) return;
  const m = meta.data;
  const userId = payload.data.user.id;
  const reviewer = await deps.reviewers.reviewerOf(userId);
  if (!reviewer) return;
  const started = await deps.services.startDisposition(
    {
      reviewer,
      jobId: m.j,
      ...targetOf(m),
      action: m.x,
      ...(m.s ? { stageId: m.s } : {}),
      ...(m.r ? { archiveReasonId: m.r } : {}),
      ...(m.t ? { emailTemplateId: m.t } : {}),
    },
    `${userId}-${m.k}`,
  );
  if ('refused' in started) return void (await tell(deps, userId, textMessage(started.refused)));
  await followBatch(deps, { userId, reviewer, jobId: m.j, batchId: started.batchId, action: m.x });
  await refreshCard(deps, m.j, reviewer, userId, m.c);
}

/** Posts the progress to the clicker, hands the core that message for the final count, and redraws it
 * here meanwhile (until the final count, or the polling window ends). */
export async function followBatch(
  deps: ListenerDeps,
  b: { userId: string; reviewer: Reviewer; jobId: string; batchId: string; action: 'advance' | 'archive' },
  poll = PROGRESS_POLL,
) {
  let status = await deps.services.dispositionStatus(b.reviewer, b.jobId, b.batchId);
  let ref: SlackMessageRef;
  try {
    ref = await deps.slack.postMessage(b.userId, dispositionProgressMessage(b.action, status));
  } catch (err) {
    deps.log.warn({ err }, 'could not post the progress of a disposition');
    return;
  }
  let shown = JSON.stringify(status);
  // The core keeps where the progress is shown: the final count reaches this message from the worker
  // that settles the batch, even if this process (and its polling below) is gone by then.
  try {
    const where = { ...ref, action: b.action };
    status = (await deps.services.followDisposition(b.reviewer, b.jobId, b.batchId, where)) ?? status;
  } catch (err) {
    deps.log.warn({ err }, 'could not record where the progress of a disposition is shown');
  }
  for (let n = 0; ; n++) {
    if (JSON.stringify(status) !== shown) {
      shown = JSON.stringify(status);
      try {
        await deps.slack.updateMessage(ref, dispositionProgressMessage(b.action, status));
      } catch (err) {
        deps.log.warn({ err }, 'could not update the progress of a disposition');
      }
    }
    if (status?.finished || n >= poll.maxPolls) break;
    await new Promise((r) => setTimeout(r, poll.intervalMs));
    status = await deps.services.dispositionStatus(b.reviewer, b.jobId, b.batchId);
  }
}
