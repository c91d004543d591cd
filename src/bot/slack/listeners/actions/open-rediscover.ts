import { decodeRediscovery } from '../../ids.ts';
import { blockActionSchema } from '../../payloads.ts';
import { NOT_MATCHED, RECRUITERS_ONLY, textMessage } from '../../render/help.ts';
import type { ActionArgs, ListenerDeps } from '../deps.ts';
import { tell } from '../refresh-card.ts';

/**
 * "Open in browser" on a rediscovery: mints a personal link to the job's rediscovery page, with the
 * same filters, for whoever pressed it, and sends it to them alone. Recruiters and admins only.
 */
export async function openRediscoverAction({ body, ack }: ActionArgs, deps: ListenerDeps) {
  await ack();
  const payload = blockActionSchema.safeParse(body);
  if (!payload.success) return;
  const target = decodeRediscovery(payload.data.actions[0]!.value);
  if (!target || !deps.services.mintRediscoverUrl) return;
  const userId = payload.data.user.id;
  const reviewer = await deps.reviewers.reviewerOf(userId);
  if (!reviewer) return tell(deps, userId, textMessage(NOT_MATCHED));
  if (!reviewer.recruiter) return tell(deps, userId, textMessage(RECRUITERS_ONLY));
  const link = await deps.services.mintRediscoverUrl(target.jobId, reviewer, target.words);
  if ('refused' in link) return tell(deps, userId, textMessage(link.refused));
  const until = link.expiresAt.toISOString().slice(0, 16).replace('T', ' ');
  await tell(
    deps,
    userId,
    textMessage(`<${link.url}|Open the rediscovery in your browser> — a link for you alone, valid until ${until} UTC. Please don't forward it.`),
  );
}
