import { type Activity, CloudAdapter, ConfigurationBotFrameworkAuthentication, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { TeamsSettings } from './settings.ts';

/**
 * botbuilder's CloudAdapter, with its activity processing reachable by Skima's fastify route.
 * `CloudAdapter.process(req, res)` would do the same HTTP adaptation, but botbuilder 4.23.3 answers a
 * token with a forged signature there with 500 (jsonwebtoken's error is not an AuthenticationError)
 * and writes every refusal to the console; the route calls this instead and answers each refusal 401.
 */
export class SkimaCloudAdapter extends CloudAdapter {
  /** Authenticates the request's token (issuer, audience, signing key, endorsement), then runs the turn. */
  handle(
    authHeader: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

/**
 * Incoming requests are checked against the app id (and, for a single-tenant bot, the tenant's token
 * service); replies and proactive messages use a token for the app id and password from Microsoft
 * Entra (login.microsoftonline.com/<tenant>).
 */
export function createTeamsAdapter(settings: TeamsSettings): SkimaCloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: settings.appId,
    MicrosoftAppPassword: settings.appPassword,
    MicrosoftAppType: settings.multiTenant ? 'MultiTenant' : 'SingleTenant',
    ...(settings.tenantId && !settings.multiTenant ? { MicrosoftAppTenantId: settings.tenantId } : {}),
  });
  return new SkimaCloudAdapter(auth);
}
