import type { App } from '@slack/bolt';
import type { Ack, ListenerDeps, Respond } from '../deps.ts';
import { skimaCommand } from './skima.ts';

export function register(app: App, deps: ListenerDeps): void {
  app.command('/skima', ({ command, ack, respond }) =>
    skimaCommand({ command, ack: ack as Ack, respond: respond as unknown as Respond }, deps));
}
