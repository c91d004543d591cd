import { CHANNEL_NAMES, type ChatFrontDoor } from './bot/ports.ts';
import type { AppContext } from './core/context.ts';
import { CoreChatConversations } from './core/chat/chat-conversations.ts';
import { CoreChatServices } from './core/chat/chat-services.ts';

/**
 * The chat front doors that are configured, each over the core's one implementation of the port.
 * Each is loaded only when configured, so Bolt (or botbuilder) stays out of processes without it;
 * a front door that is off says once, at start-up, how to turn it on.
 */
export async function connectFrontDoors(ctx: AppContext): Promise<ChatFrontDoor[]> {
  const doors: ChatFrontDoor[] = [];
  const slack = ctx.config.slack;
  if (slack) {
    const { SlackFrontDoor } = await import('./bot/slack/front-door.ts');
    const { parseSlackMessageRef } = await import('./bot/slack/services.ts');
    const services = new CoreChatServices(ctx, 'slack', parseSlackMessageRef);
    doors.push(new SlackFrontDoor(slack, services, ctx.log.child({ component: 'slack' })));
  } else {
    ctx.log.info(
      'Slack is off. To turn it on: skima manifest slack --base-url <your public URL> prints the app manifest; '
      + 'create the app from it at https://api.slack.com/apps, install it, then set SLACK_BOT_TOKEN (Bot User OAuth Token) '
      + 'and SLACK_SIGNING_SECRET (Basic Information) and restart. See docs/slack.md.',
    );
  }
  const teams = ctx.config.teams;
  if (teams) {
    const { TeamsFrontDoor } = await import('./bot/teams/front-door.ts');
    const { parseTeamsCardRef } = await import('./bot/teams/services.ts');
    const services = new CoreChatServices(ctx, 'teams', parseTeamsCardRef);
    const door = new TeamsFrontDoor(
      { ...teams, baseUrl: ctx.config.publicBaseUrl },
      services,
      new CoreChatConversations(ctx, 'teams'),
      ctx.log.child({ component: 'teams' }),
    );
    // Before the schedule is set: a channel that said "digest here" gets the weekly digest.
    await door.loadDigestTarget();
    doors.push(door);
  } else {
    ctx.log.info(
      'Teams is off. To turn it on: register an Azure Bot (Microsoft App ID and a client secret) with the messaging '
      + 'endpoint <your public URL>/api/messages, then set TEAMS_APP_ID, TEAMS_APP_PASSWORD and TEAMS_TENANT_ID '
      + '(or TEAMS_MULTI_TENANT=true) and restart; skima manifest teams --app-id <id> --base-url <your public URL> '
      + '--out skima-teams.zip writes the app package to upload to Teams. Until then /api/messages is not served '
      + '(without an app id the Bot Framework would not check who is calling). See docs/teams.md.',
    );
  }
  for (const door of doors) ctx.log.info(`${CHANNEL_NAMES[door.channel]} is on, ${door.reachedBy}`);
  return doors;
}

/** Opens what the front doors hold open (Slack's Socket Mode), in the processes that serve them. */
export async function startFrontDoors(ctx: AppContext): Promise<void> {
  for (const door of ctx.chat) await door.start?.();
}

export async function stopFrontDoors(ctx: AppContext): Promise<void> {
  for (const door of ctx.chat) await door.stop?.();
}
