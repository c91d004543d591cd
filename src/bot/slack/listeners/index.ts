import type { App } from '@slack/bolt';
import { register as actions } from './actions/index.ts';
import { register as commands } from './commands/index.ts';
import type { ListenerDeps } from './deps.ts';
import { register as events } from './events/index.ts';
import { register as views } from './views/index.ts';

/** Every listener of the Slack app, one folder per kind, as in Slack's bolt-ts-starter-template. */
export function registerListeners(app: App, deps: ListenerDeps): void {
  commands(app, deps);
  actions(app, deps);
  views(app, deps);
  events(app, deps);
}
