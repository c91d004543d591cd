import { type LogLevel, SocketModeReceiver } from '@slack/bolt';
import type { FastifyPluginAsync } from 'fastify';

/**
 * Slack over Socket Mode: Skima opens a WebSocket to Slack (its URL from `apps.connections.open`, with
 * the app-level token) and Slack sends commands, interactivity and events over it, so Skima needs no
 * public URL. Bolt's SocketModeReceiver does the protocol (hello, envelopes, acks, reconnects); the
 * listeners are the same as over HTTP. `apiUrl` is Slack's Web API root (a proxy, or a test's stand-in).
 */
export function socketModeReceiver(
  appToken: string,
  apiUrl: string,
  logger: ConstructorParameters<typeof SocketModeReceiver>[0]['logger'],
  logLevel: LogLevel,
): SocketModeReceiver {
  return new SocketModeReceiver({
    appToken,
    logger,
    logLevel,
    // No OAuth installer (a single-workspace install): clientOptions only point the connection call at apiUrl.
    installerOptions: { clientOptions: { slackApiUrl: apiUrl } },
  });
}

/** Over Socket Mode nothing reaches Skima's HTTP server from Slack: no route to register. */
export const NO_SLACK_ROUTES: FastifyPluginAsync = async () => {};
