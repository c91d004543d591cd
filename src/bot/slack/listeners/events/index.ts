import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps.ts';
import { appUninstalled, tokensRevoked } from './access-revoked.ts';
import { appHomeOpened } from './app-home-opened.ts';
import { resumeDropped } from './resume-dropped.ts';

export function register(app: App, deps: ListenerDeps): void {
  app.event('app_home_opened', ({ event }) => appHomeOpened({ event }, deps));
  app.event('app_uninstalled', () => appUninstalled(deps));
  app.event('tokens_revoked', ({ event }) => tokensRevoked({ event }, deps));
  // Files dropped into Skima's DM (message.im; files:read and im:history): resumes to add.
  app.message(({ event }) => resumeDropped({ event }, deps));
}
