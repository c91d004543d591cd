import { textMessage } from '../../render/help.ts';
import type { ActionArgs, ListenerDeps } from '../deps.ts';
import { tell } from '../refresh-card.ts';
import { jobButtonClick } from './job-button.ts';

/**
 * "Open full shortlist": mints a fresh secure link on click and sends it to the clicker alone, as a DM
 * with unfurling off. The card itself never carries a URL (Slack's unfurler would fetch it).
 */
export async function openShortlistAction(args: ActionArgs, deps: ListenerDeps) {
  const click = await jobButtonClick(args, deps);
  if (!click) return;
  const { jobId, slackUserId: userId, reviewer } = click;
  const link = await deps.services.mintShortlistUrl(jobId, reviewer);
  const until = link.expiresAt.toISOString().slice(0, 16).replace('T', ' ');
  await tell(deps, userId, textMessage(`<${link.url}|Open the full shortlist> — a link for you alone, valid until ${until} UTC. Please don't forward it.`));
}
