import { TEAMS_COMMANDS } from './command-list.ts';
import { ACCENT } from './icons.ts';

// The Teams app manifest (schema v1.30) for `skima manifest teams`: one bot, in personal chats, teams
// and group chats, with its commands; uploaded in a zip with the two icons (app-package.ts).

export const TEAMS_MANIFEST_SCHEMA = 'https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json';
export const TEAMS_MESSAGES_PATH = '/api/messages';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isGuid = (s: string) => GUID.test(s);

export interface TeamsManifestOptions {
  /** The Microsoft App ID of the Azure Bot (a GUID): the bot's id and the app's. */
  appId: string;
  /** Skima's public HTTPS address; Teams reaches the bot at `<baseUrl>/api/messages`. */
  baseUrl: string;
  /** Skima's version (semver): Teams wants a new version for each changed package. */
  version: string;
  /** The organisation's privacy notice and terms of use; Skima's home page when not given. */
  privacyUrl?: string;
  termsOfUseUrl?: string;
}

/** The base URL checked and normalised (no trailing slash); throws with what is wrong. */
export function httpsBaseUrl(baseUrl: string, what = 'the base URL'): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`${what} is not a URL: "${baseUrl}"`);
  }
  if (url.protocol !== 'https:') {
    throw new Error(`${what} must be HTTPS (Teams only calls bots over HTTPS): "${baseUrl}"`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`${what} must have no query, fragment or credentials: "${baseUrl}"`);
  }
  return url;
}

export function teamsManifest(o: TeamsManifestOptions): Record<string, unknown> {
  if (!isGuid(o.appId)) {
    throw new Error(`the app id must be the Azure Bot's Microsoft App ID, a GUID like 1b2c3d4e-0000-4000-8000-123456789abc: "${o.appId}"`);
  }
  const url = httpsBaseUrl(o.baseUrl);
  const home = url.href.replace(/\/+$/, '');
  const appId = o.appId.toLowerCase();
  const commands = TEAMS_COMMANDS.map((c) => ({ title: c.title, description: c.description }));
  return {
    $schema: TEAMS_MANIFEST_SCHEMA,
    manifestVersion: '1.30',
    version: o.version,
    id: appId,
    developer: {
      name: 'Skima',
      websiteUrl: home,
      privacyUrl: o.privacyUrl ? httpsBaseUrl(o.privacyUrl, '--privacy-url').href : home,
      termsOfUseUrl: o.termsOfUseUrl ? httpsBaseUrl(o.termsOfUseUrl, '--terms-url').href : home,
    },
    name: { short: 'Skima', full: 'Skima: AI screening for Ashby' },
    description: {
      short: 'Explainable AI shortlists from Ashby: review the top-10, decide, done.',
      full:
        'Skima screens every application in your Ashby ATS and keeps a live top-10 for each open job. Each candidate has '
        + 'a score from 0 to 100 and three to five reasons, each backed by a quote from the resume. Hiring managers get '
        + 'the shortlist as a card in a chat with Skima, click Approve, Skip or Maybe, and add a note; every decision is '
        + 'written back to Ashby. Skima never rejects or archives anyone: people decide. Self-hosted and open source.',
    },
    icons: { color: 'color.png', outline: 'outline.png' },
    accentColor: ACCENT,
    bots: [{
      botId: appId,
      scopes: ['personal', 'team', 'groupChat'],
      isNotificationOnly: false,
      // A recruiter sends a resume to Skima as a file in the 1:1 chat (drops/): without this, Teams
      // offers no attach button to the bot and delivers no file.
      supportsFiles: true,
      commandLists: [{ scopes: ['personal', 'team', 'groupChat'], commands }],
    }],
    validDomains: [url.host],
    webApplicationInfo: { id: appId, resource: `api://${url.host}/${appId}` },
  };
}
