import { readFileSync } from 'node:fs';

/** The base URL written in manifest/slack.json; `skima manifest slack --base-url` replaces it. */
export const MANIFEST_PLACEHOLDER_BASE_URL = 'https://skima.example.com';
const MANIFEST_FILE = new URL('../../../manifest/slack.json', import.meta.url);

/** The Slack app manifest as shipped, with the placeholder base URL. */
export function readSlackManifest(): Record<string, unknown> {
  return JSON.parse(readFileSync(MANIFEST_FILE, 'utf-8')) as Record<string, unknown>;
}

/**
 * The manifest with Skima's public address in the slash command, interactivity and event URLs.
 * Throws on anything but an absolute http(s) URL without query or fragment.
 */
export function slackManifest(baseUrl: string): Record<string, unknown> {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`not a URL: "${baseUrl}"`);
  }
  if (!/^https?:$/.test(url.protocol) || url.search || url.hash) {
    throw new Error(`the base URL must be http(s) with no query or fragment: "${baseUrl}"`);
  }
  const base = url.href.replace(/\/+$/, '');
  const text = readFileSync(MANIFEST_FILE, 'utf-8').replaceAll(MANIFEST_PLACEHOLDER_BASE_URL, base);
  return JSON.parse(text) as Record<string, unknown>;
}

/**
 * The manifest for Socket Mode: the same app, commands, scopes and events, with no URL anywhere (Slack
 * sends everything over the WebSocket Skima opens with SLACK_APP_TOKEN). For installs behind a firewall.
 */
export function slackSocketModeManifest(): Record<string, unknown> {
  const manifest = readSlackManifest() as {
    features: { slash_commands: { url?: string }[] };
    settings: {
      event_subscriptions: { request_url?: string };
      interactivity: { request_url?: string };
      socket_mode_enabled: boolean;
    };
  };
  for (const command of manifest.features.slash_commands) delete command.url;
  delete manifest.settings.event_subscriptions.request_url;
  delete manifest.settings.interactivity.request_url;
  manifest.settings.socket_mode_enabled = true;
  return manifest as unknown as Record<string, unknown>;
}
