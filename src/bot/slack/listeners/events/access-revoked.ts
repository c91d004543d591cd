import { tokensRevokedSchema } from '../../payloads.ts';
import type { ListenerDeps } from '../deps.ts';

/** Skima was removed from the workspace: Slack refuses every call from now on, so Skima stops sending
 * (cards would fail one by one, each retried) and says why in `skima status`. */
export async function appUninstalled(deps: ListenerDeps) {
  deps.log.warn({}, 'Skima was uninstalled from the Slack workspace; sending stopped');
  await deps.access.revoked('app_uninstalled');
}

/** Tokens were revoked. Only the bot token matters to Skima (it holds no user tokens): revoked, it
 * stops sending as on uninstall; user tokens alone change nothing. */
export async function tokensRevoked({ event }: { event: unknown }, deps: ListenerDeps) {
  const parsed = tokensRevokedSchema.safeParse(event);
  if (!parsed.success || !parsed.data.tokens.bot?.length) return;
  deps.log.warn({}, 'Slack revoked the bot token; sending stopped');
  await deps.access.revoked('tokens_revoked');
}
