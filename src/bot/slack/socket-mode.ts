import { type App, type LogLevel, type ReceiverEvent, SocketModeReceiver } from '@slack/bolt';
import type { FastifyPluginAsync } from 'fastify';
import { deliveryIdentity } from './delivery-identity.ts';

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
  isFirstDelivery: (identity: string) => Promise<boolean>,
): SocketModeReceiver {
  const receiver = new SocketModeReceiver({
    appToken,
    logger,
    logLevel,
    // No OAuth installer (a single-workspace install): clientOptions only point the connection call at apiUrl.
    installerOptions: { clientOptions: { slackApiUrl: apiUrl } },
  });
  // Slack sends an envelope again when its ack is late (and a reconnect can repeat one): the same
  // click must not record a decision twice. As over HTTP, the identity is the payload's own (trigger_id,
  // event_id), checked in the store every process shares; a repeat is acknowledged and goes no further.
  const init = receiver.init.bind(receiver);
  receiver.init = (app: App) => {
    const deduplicating = Object.create(app, {
      processEvent: {
        value: async (event: ReceiverEvent) => {
          const identity = deliveryIdentity(event.body);
          if (identity && !(await isFirstDelivery(identity))) {
            logger?.warn(`Slack envelope seen before (${identity.split(':')[0]}), acknowledged and ignored`);
            await event.ack();
            return;
          }
          await app.processEvent(event);
        },
      },
    }) as App;
    init(deduplicating);
  };
  return receiver;
}

/** Over Socket Mode nothing reaches Skima's HTTP server from Slack: no route to register. */
export const NO_SLACK_ROUTES: FastifyPluginAsync = async () => {};
