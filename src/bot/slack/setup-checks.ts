import type { WebClient } from '@slack/web-api';
import type { SetupReport } from '../ports.ts';
import { readSlackManifest } from './manifest.ts';

/** The bot scopes the shipped manifest asks for. */
export function manifestBotScopes(): string[] {
  const manifest = readSlackManifest() as { oauth_config?: { scopes?: { bot?: string[] } } };
  return manifest.oauth_config?.scopes?.bot ?? [];
}

/**
 * Slack's part of `setup`: the token works (auth.test), it has the manifest's scopes, and what verifies
 * Slack's requests is set (the signing secret over HTTP; the app-level token in Socket Mode).
 */
export async function slackSetupChecks(
  client: WebClient,
  secrets: { signingSecret?: string | undefined; appToken?: string | undefined },
): Promise<SetupReport[]> {
  const checks: SetupReport[] = [];
  let granted: string[] | undefined;
  try {
    const auth = await client.auth.test();
    granted = auth.response_metadata?.scopes;
    checks.push({ id: 'slack.token', title: 'Slack token', status: 'ok', detail: `auth.test passed for workspace ${auth.team ?? auth.team_id ?? '?'}.` });
  } catch (err) {
    const code = (err as { data?: { error?: string } }).data?.error ?? (err instanceof Error ? err.message.slice(0, 120) : 'unknown error');
    checks.push({
      id: 'slack.token',
      title: 'Slack token',
      status: 'fail',
      detail: `auth.test failed: ${code}.`,
      fix: 'Reinstall the Slack app (OAuth & Permissions → Reinstall to Workspace) and set its Bot User OAuth Token as SLACK_BOT_TOKEN.',
    });
  }
  if (granted) {
    const missing = manifestBotScopes().filter((s) => !granted.includes(s));
    checks.push(missing.length
      ? {
          id: 'slack.scopes',
          title: 'Slack scopes',
          status: 'fail',
          detail: `The token lacks ${missing.join(', ')}.`,
          fix: 'Update the app from `skima manifest slack --base-url <your URL>` (App Manifest), then reinstall it to the workspace.',
        }
      : { id: 'slack.scopes', title: 'Slack scopes', status: 'ok', detail: 'The token has every scope of the manifest.' });
  }
  if (secrets.appToken) {
    checks.push({ id: 'slack.signing', title: 'Slack connection', status: 'ok', detail: 'Socket Mode: Skima opens the connection with the app-level token.' });
    return checks;
  }
  checks.push(secrets.signingSecret
    ? { id: 'slack.signing', title: 'Slack signing secret', status: 'ok', detail: 'Set: every request from Slack is verified.' }
    : {
        id: 'slack.signing',
        title: 'Slack signing secret',
        status: 'fail',
        detail: 'SLACK_SIGNING_SECRET is empty.',
        fix: 'Copy the Signing Secret from the Slack app\'s Basic Information page into SLACK_SIGNING_SECRET.',
      });
  return checks;
}
