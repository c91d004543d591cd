import { slackManifest } from '../bot/slack/manifest.ts';
import { runCommand } from './args.ts';

const usage = `Usage: skima manifest slack --base-url https://skima.example.com

Prints manifest/slack.json with the slash command, interactivity and event URLs pointing at
<base-url>/slack/events. Paste it into https://api.slack.com/apps → Create New App → From a manifest,
then set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET and restart Skima. See docs/slack.md.`;

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
  return runCommand(rest, usage, { 'base-url': { type: 'string' } }, async (values) => {
    const baseUrl = values['base-url'];
    if (!baseUrl) {
      console.error(`--base-url is required\n\n${usage}`);
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
