import { writeFileSync } from 'node:fs';
import { slackManifest, slackSocketModeManifest } from '../bot/slack/manifest.ts';
import { teamsAppPackage } from '../bot/teams/app-package.ts';
import { VERSION } from '../version.ts';
import { runCommand } from './args.ts';

const usage = `Usage: skima manifest slack --base-url https://skima.example.com
       skima manifest slack --socket-mode
       skima manifest teams --app-id <Microsoft App ID> --base-url https://skima.example.com --out skima-teams.zip
                            [--privacy-url URL] [--terms-url URL]

Prints manifest/slack.json with the slash command, interactivity and event URLs pointing at
<base-url>/slack/events. Paste it into https://api.slack.com/apps → Create New App → From a manifest,
then set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET and restart Skima. Behind a firewall, --socket-mode
prints it without URLs, for Socket Mode: then create an app-level token with connections:write (Basic
Information → App-Level Tokens) and set SLACK_BOT_TOKEN and SLACK_APP_TOKEN instead. See docs/slack.md.

For Teams, writes the app package (manifest.json, color.png, outline.png in one zip) for the Azure Bot
whose Microsoft App ID you give; Teams reaches Skima at <base-url>/api/messages. Upload it in Teams admin
center (Teams apps → Manage apps → Upload new app) or with "Upload a custom app". --privacy-url and
--terms-url name your organisation's notices (default: Skima's home page). See docs/teams.md.`;

export async function run(argv: string[]): Promise<number> {
  const [platform, ...rest] = argv;
  if (platform === '--help' || platform === '-h') {
    console.log(usage);
    return 0;
  }
  if (platform === 'teams') return teams(rest);
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

async function teams(argv: string[]): Promise<number> {
  const flags = {
    'app-id': { type: 'string' },
    'base-url': { type: 'string' },
    'out': { type: 'string' },
    'privacy-url': { type: 'string' },
    'terms-url': { type: 'string' },
  } as const;
  return runCommand(argv, usage, flags, async (values) => {
    const missing = (['app-id', 'base-url', 'out'] as const).filter((f) => !values[f]);
    if (missing.length) {
      console.error(`${missing.map((f) => `--${f}`).join(', ')} ${missing.length > 1 ? 'are' : 'is'} required\n\n${usage}`);
      return 2;
    }
    let zip: Uint8Array;
    try {
      zip = teamsAppPackage({
        appId: values['app-id']!,
        baseUrl: values['base-url']!,
        version: VERSION,
        privacyUrl: values['privacy-url'],
        termsOfUseUrl: values['terms-url'],
      });
    } catch (err) {
      console.error(`${(err as Error).message}\n\n${usage}`);
      return 2;
    }
    const out = values.out!;
    try {
      writeFileSync(out, zip);
    } catch (err) {
      console.error(`could not write ${out}: ${(err as Error).message}`);
      return 1;
    }
    console.log(`Wrote ${out} (manifest.json, color.png, outline.png). Upload it in Teams admin center → Teams apps → `
      + 'Manage apps → Upload new app, or in Teams → Apps → Manage your apps → Upload an app. See docs/teams.md.');
    return 0;
  });
}
