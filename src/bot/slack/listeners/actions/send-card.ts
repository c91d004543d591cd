import { publishCard } from '../../cards.ts';
import { SlackDeliveryError } from '../../errors.ts';
import type { ActionArgs, ListenerDeps } from '../deps.ts';
import { jobButtonClick } from './job-button.ts';

/** App Home's "Send me the shortlist": posts or refreshes the job's card in the clicker's DM. */
export async function sendCardAction(args: ActionArgs, deps: ListenerDeps) {
  const click = await jobButtonClick(args, deps);
  if (!click) return;
  try {
    await publishCard(deps.slack, deps.services, click);
  } catch (err) {
    const code = err instanceof SlackDeliveryError ? err.failure.code : 'card_failed';
    deps.log.warn({ err }, 'could not send a shortlist card from App Home');
    await deps.services.reportError({ source: 'slack:card', message: code });
  }
}
