// Slack over Socket Mode, against a stand-in on loopback (Slack itself is never reached): Skima asks
// apps.connections.open for the socket's URL with its app-level token, connects, and answers commands
// and events that arrive over the socket with the same listeners as over HTTP.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type WebSocket, WebSocketServer } from 'ws';
import { SlackFrontDoor } from '../../../src/bot/slack/front-door.ts';
import { testLogger } from '../../helpers/logger.ts';
import { waitFor } from '../../helpers/wait.ts';
import { FakeServices } from './fakes.ts';

const APP_TOKEN = 'xapp-1-A0TEST-0000-standin';

interface Envelope {
  envelope_id: string;
  type: string;
  payload: object;
  accepts_response_payload?: boolean;
}

/** Slack's Web API (apps.connections.open and the calls the listeners make) and its socket. */
async function slackStandIn() {
  const apiCalls: { method: string; authorization?: string }[] = [];
  const received: Record<string, unknown>[] = [];
  const sockets: WebSocket[] = [];
  let url = '';
  const http: Server = createServer((req, res) => {
    const method = req.url!.replace(/^\/api\//, '').split('?')[0]!;
    apiCalls.push({ method, authorization: req.headers.authorization });
    req.resume();
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(method === 'apps.connections.open' ? { ok: true, url: `${url}/link` } : { ok: true }));
    });
  });
  const wss = new WebSocketServer({ server: http });
  wss.on('connection', (socket) => {
    sockets.push(socket);
    socket.on('message', (data) => received.push(JSON.parse(String(data)) as Record<string, unknown>));
    socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0TEST' } }));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const port = (http.address() as AddressInfo).port;
  url = `ws://127.0.0.1:${port}`;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    apiCalls,
    received,
    sockets,
    /** Sends one envelope, as Slack does, and waits for the client's acknowledgement of it. */
    async deliver(envelope: Envelope) {
      sockets.at(-1)!.send(JSON.stringify({ retry_attempt: 0, retry_reason: '', ...envelope }));
      return waitFor(`the ack of ${envelope.envelope_id}`, () => received.find((m) => m.envelope_id === envelope.envelope_id));
    },
    close: async () => {
      for (const s of sockets) s.terminate();
      wss.close();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('Slack over Socket Mode', () => {
  it('connects with the app token, answers a slash command over the socket, and stops sending when uninstalled', async () => {
    const slack = await slackStandIn();
    cleanups.push(slack.close);
    const services = new FakeServices();
    const door = new SlackFrontDoor(
      { botToken: 'xoxb-test-0000-token', appToken: APP_TOKEN, apiUrl: slack.apiUrl, retries: 0 },
      services,
      testLogger(),
    );
    expect(door.mode).toBe('socket');
    await door.start();
    cleanups.push(() => door.stop());

    // The socket's URL came from apps.connections.open, asked with the app-level token, not the bot token.
    expect(slack.apiCalls[0]).toEqual({ method: 'apps.connections.open', authorization: `Bearer ${APP_TOKEN}` });
    await waitFor('the connection', () => slack.sockets.length === 1 || undefined);

    const ack = await slack.deliver({
      envelope_id: 'env-command',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: {
        command: '/skima', text: 'help', user_id: 'U_DANA', team_id: 'T1', channel_id: 'D1',
        response_url: 'https://hooks.slack.test/commands/1', trigger_id: 't1',
      },
    });
    // The same listener as over HTTP: its help message goes back as the acknowledgement's payload.
    expect(JSON.stringify(ack.payload)).toContain('/skima shortlist');

    // Slack sends the envelope again (its ack came late): acknowledged, but no listener runs twice.
    const again = await slack.deliver({
      envelope_id: 'env-command-retry',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: {
        command: '/skima', text: 'help', user_id: 'U_DANA', team_id: 'T1', channel_id: 'D1',
        response_url: 'https://hooks.slack.test/commands/1', trigger_id: 't1',
      },
    });
    expect(again.payload ?? {}).toEqual({});
    expect([...services.deliveries]).toEqual(['command:t1']);

    await slack.deliver({
      envelope_id: 'env-uninstalled',
      type: 'events_api',
      payload: { type: 'event_callback', team_id: 'T1', event: { type: 'app_uninstalled', event_ts: '1' } },
    });
    await waitFor('the problem to be reported', () => services.errors.find((e) => e.source === 'slack:auth'));
    expect(services.errors.find((e) => e.source === 'slack:auth')!.message).toMatch(/^app_uninstalled: sending stopped/);
    expect(door.slack.suspendedBy).toBe('app_uninstalled');
    // Nothing more goes to Slack: a message fails at once, without a call.
    const calls = slack.apiCalls.length;
    await expect(door.slack.postMessage('C1', { text: 'hello', blocks: [] })).rejects.toThrow(/app_uninstalled/);
    expect(slack.apiCalls.length).toBe(calls);
  }, 30_000);
});
