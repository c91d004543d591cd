import { slackManifest, slackSocketModeManifest } from '../bot/slack/manifest.ts';
import { runCommand } from './args.ts';

const usage = `Usage: skima manifest slack --base-url https://skima.example.com
       skima manifest slack --socket-mode

Prints manifest/slack.json with the slash command, interactivity and event URLs pointing at
<base-url>/slack/events. Paste it into https://api.slack.com/apps → Create New App → From a manifest,
then set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET and restart Skima. Behind a firewall, --socket-mode
prints it without URLs, for Socket Mode: then create an app-level token with connections:write (Basic
Information → App-Level Tokens) and set SLACK_BOT_TOKEN and SLACK_APP_TOKEN instead. See docs/slack.md.`;

export async function run(argv: string[]): Promise<number> {
  const [platform, ...rest] = argv;
  if (platform === '--help' || platform === '-h') {
    console.log(usage);
    return 0;
  }
  if (platform !== 'slack') {
    console.error(`${platform ? `unknown platform "${platform}"` : 'say which manifest'}\n\n${usage}`);
    return 2;
  }
  const flags = { 'base-url': { type: 'string' }, 'socket-mode': { type: 'boolean' } } as const;
  return runCommand(rest, usage, flags, async (values) => {
    const baseUrl = values['base-url'];
    if (values['socket-mode'] && baseUrl) {
      console.error(`--socket-mode needs no --base-url: Slack reaches Skima over the connection it opens\n\n${usage}`);
      return 2;
    }
    if (values['socket-mode']) {
      console.log(JSON.stringify(slackSocketModeManifest(), null, 2));
      return 0;
    }
    if (!baseUrl) {
      console.error(`--base-url (or --socket-mode) is required\n\n${usage}`);
      return 2;
    }
    try {
      console.log(JSON.stringify(slackManifest(baseUrl), null, 2));
      return 0;
    } catch (err) {
      console.error(`${(err as Error).message}\n\n${usage}`);
      return 2;
    }
  });
}
