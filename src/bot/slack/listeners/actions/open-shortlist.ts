import { decodeJob } from '../../ids.ts';
import { blockActionSchema } from '../../payloads.ts';
import { textMessage } from '../../render/help.ts';
import type { ActionArgs, ListenerDeps } from '../deps.ts';
import { reviewerForJob } from '../reviewer-for-job.ts';
import { tell } from '../refresh-card.ts';

/**
 * "Open full shortlist": mints a fresh secure link on click and sends it to the clicker alone, as a DM
 * with unfurling off. The card itself never carries a URL (Slack's unfurler would fetch it).
 */
export async function openShortlistAction({ body, ack }: ActionArgs, deps: ListenerDeps) {
  await ack();
  const payload = blockActionSchema.safeParse(body);
  if (!payload.success) return;
  const target = decodeJob(payload.data.actions[0]!.value);
  if (!target) return;
  const userId = payload.data.user.id;
  const reviewer = await reviewerForJob(deps, userId, target.jobId);
  if (!reviewer) return;
  const link = await deps.services.mintShortlistUrl(target.jobId, reviewer);
  const until = link.expiresAt.toISOString().slice(0, 16).replace('T', ' ');
  await tell(deps, userId, textMessage(`<${link.url}|Open the full shortlist> — a link for you alone, valid until ${until} UTC. Please don't forward it.`));
}
