import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps.ts';
import { appHomeOpened } from './app-home-opened.ts';

export function register(app: App, deps: ListenerDeps): void {
  app.event('app_home_opened', ({ event }) => appHomeOpened({ event }, deps));
}
