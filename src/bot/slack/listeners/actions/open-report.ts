import { blockActionSchema } from '../../payloads.ts';
import { NOT_MATCHED, textMessage } from '../../render/help.ts';
import type { ActionArgs, ListenerDeps } from '../deps.ts';
import { tell } from '../refresh-card.ts';

/**
 * The digest's "Open the report": mints a fresh report link for whoever pressed it and sends it to
 * them alone; the digest in the channel never carries one. Recruiters and admins only: anyone else is
 * told why, privately.
 */
export async function openReportAction({ body, ack }: ActionArgs, deps: ListenerDeps) {
  await ack();
  const payload = blockActionSchema.safeParse(body);
  if (!payload.success) return;
  const userId = payload.data.user.id;
  const reviewer = await deps.reviewers.reviewerOf(userId);
  if (!reviewer) return tell(deps, userId, textMessage(NOT_MATCHED));
  const link = await deps.services.mintReportUrl(reviewer);
  if ('refused' in link) return tell(deps, userId, textMessage(link.refused));
  const until = link.expiresAt.toISOString().slice(0, 16).replace('T', ' ');
  await tell(
    deps,
    userId,
    textMessage(`<${link.url}|Open the ROI report> — a link for you alone, valid until ${until} UTC. Please don't forward it.`),
  );
}
