// manifest/slack.json against Slack's official manifest schema (draft-07), and `skima manifest slack`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it, vi } from 'vitest';
import {
  MANIFEST_PLACEHOLDER_BASE_URL,
  readSlackManifest,
  slackManifest,
  slackSocketModeManifest,
} from '../../../src/bot/slack/manifest.ts';
import { SLACK_EVENTS_PATH } from '../../../src/bot/slack/receiver.ts';
import { run } from '../../../src/cli/manifest.ts';

const SCHEMA = path.resolve('..', 'shared', 'schemas', 'slack-app-manifest.schema.json');
interface Manifest {
  display_information: { name: string };
  features: {
    slash_commands: { command: string }[];
    app_home: { home_tab_enabled: boolean };
    bot_user: { display_name: string };
  };
  oauth_config: { scopes: { bot: string[]; user?: string[] } };
  settings: { interactivity: unknown; event_subscriptions: unknown };
}
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function validator() {
  const schema = JSON.parse(readFileSync(SCHEMA, 'utf-8')) as Record<string, unknown>;
  expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe('the Slack app manifest', () => {
  it('passes the official schema as shipped and with a real base URL', () => {
    const validate = validator();
    expect(validate(readSlackManifest()), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(slackManifest('https://skima.acme.test')), JSON.stringify(validate.errors)).toBe(true);
  });

  it('is a check that can fail: a 40-character name and a command without a slash are refused', () => {
    const validate = validator();
    const bad = structuredClone(readSlackManifest()) as unknown as Manifest;
    bad.display_information.name = 'x'.repeat(40);
    bad.features.slash_commands[0]!.command = 'skima';
    expect(validate(bad)).toBe(false);
  });

  it('asks for the minimal scopes and points every URL at the one Slack endpoint', () => {
    const m = slackManifest('https://skima.acme.test/') as unknown as Manifest;
    expect(m.oauth_config.scopes.bot).toEqual(['chat:write', 'commands', 'files:read', 'im:history', 'users:read', 'users:read.email']);
    expect(m.oauth_config.scopes.user).toBeUndefined();
    const url = `https://skima.acme.test${SLACK_EVENTS_PATH}`;
    expect(m.features.slash_commands).toEqual([expect.objectContaining({ command: '/skima', url })]);
    expect(m.settings.interactivity).toEqual({ is_enabled: true, request_url: url });
    expect(m.settings.event_subscriptions).toEqual({
      request_url: url,
      bot_events: ['app_home_opened', 'app_uninstalled', 'message.im', 'tokens_revoked'],
    });
    expect(m.features.app_home.home_tab_enabled).toBe(true);
    expect(m.features.bot_user.display_name).toBe('Skima');
    expect(JSON.stringify(m)).not.toContain(MANIFEST_PLACEHOLDER_BASE_URL);
  });

  it('has a Socket Mode variant that passes the schema, with no URL anywhere and the same commands and events', async () => {
    const validate = validator();
    const socket = slackSocketModeManifest() as unknown as Manifest & { settings: { socket_mode_enabled: boolean } };
    expect(validate(socket), JSON.stringify(validate.errors)).toBe(true);
    expect(socket.settings.socket_mode_enabled).toBe(true);
    expect(JSON.stringify(socket)).not.toMatch(/https?:/);
    expect(socket.features.slash_commands).toEqual([expect.objectContaining({ command: '/skima' })]);
    expect(socket.settings.event_subscriptions).toEqual({ bot_events: ['app_home_opened', 'app_uninstalled', 'message.im', 'tokens_revoked'] });
    expect(socket.settings.interactivity).toEqual({ is_enabled: true });
    expect(socket.oauth_config.scopes.bot).toEqual(['chat:write', 'commands', 'files:read', 'im:history', 'users:read', 'users:read.email']);

    const out = vi.spyOn(console, 'log').mockImplementation(() => {});
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(await run(['slack', '--socket-mode'])).toBe(0);
      expect(JSON.parse(String(out.mock.calls[0]![0]))).toEqual(socket);
      expect(await run(['slack', '--socket-mode', '--base-url', 'https://hr.acme.test'])).toBe(2);
      expect(String(err.mock.calls[0]![0])).toContain('--socket-mode needs no --base-url');
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  });

  it('refuses a base URL that is not an http(s) address', () => {
    expect(() => slackManifest('skima.acme.test')).toThrow(/not a URL/);
    expect(() => slackManifest('ftp://skima.acme.test')).toThrow(/http/);
  });

  it('`skima manifest slack --base-url` prints it; without --base-url it prints usage and exits 2', async () => {
    const out = vi.spyOn(console, 'log').mockImplementation(() => {});
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(await run(['slack', '--base-url', 'https://hr.acme.test'])).toBe(0);
      expect(JSON.parse(String(out.mock.calls[0]![0])).settings.interactivity.request_url).toBe('https://hr.acme.test/slack/events');
      expect(await run(['slack'])).toBe(2);
      expect(String(err.mock.calls[0]![0])).toContain('--base-url (or --socket-mode) is required');
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  });
});
