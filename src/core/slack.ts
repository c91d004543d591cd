import { SlackFrontDoor } from '../bot/slack/front-door.ts';
import type { AppContext } from './context.ts';
import { CoreSlackServices } from './slack-services.ts';

/** Skima's Slack app over the core's services; loaded only when SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET are set. */
export function connectSlack(ctx: AppContext): SlackFrontDoor | undefined {
  const settings = ctx.config.slack;
  if (!settings) return undefined;
  return new SlackFrontDoor(settings, new CoreSlackServices(ctx), ctx.log.child({ component: 'slack' }));
}
