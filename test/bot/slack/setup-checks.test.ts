// `skima setup` and `/skima setup` check Slack too: auth.test, the granted scopes against the manifest,
// and what verifies Slack's requests. Slack's Web API is intercepted with nock.
import { WebClient } from '@slack/web-api';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { manifestBotScopes, slackSetupChecks } from '../../../src/bot/slack/setup-checks.ts';
import { webClientOptions } from '../../../src/bot/slack/slack-api.ts';
import { fakeSlackApi } from '../../helpers/slack.ts';

const client = () => new WebClient('xoxb-test', webClientOptions({ token: 'xoxb-test', apiUrl: 'https://slack.com/api/', retries: 0 }));
const byId = (checks: { id: string }[]) => Object.fromEntries(checks.map((c) => [c.id, c]));

describe('Slack setup checks', () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());

  it('passes with a working token holding every manifest scope and a signing secret', async () => {
    const scopes = manifestBotScopes().join(',');
    const { calls } = fakeSlackApi(() => [200, { ok: true, team: 'Northwind', team_id: 'T1' }, { 'x-oauth-scopes': scopes }]);
    const checks = byId(await slackSetupChecks(client(), { signingSecret: 's3cret' }));
    expect(calls.map((c) => c.method)).toEqual(['auth.test']);
    expect(checks['slack.token']).toMatchObject({ status: 'ok' });
    expect(checks['slack.scopes']).toMatchObject({ status: 'ok' });
    expect(checks['slack.signing']).toMatchObject({ status: 'ok' });
  });

  it('names the scopes the token lacks, with the fix', async () => {
    fakeSlackApi(() => [200, { ok: true, team: 'Northwind' }, { 'x-oauth-scopes': 'chat:write,commands' }]);
    const checks = byId(await slackSetupChecks(client(), { signingSecret: 's3cret' }));
    expect(checks['slack.scopes']).toMatchObject({ status: 'fail', detail: 'The token lacks files:read, im:history, users:read, users:read.email.' });
    expect(checks['slack.scopes']!).toHaveProperty('fix', expect.stringContaining('skima manifest slack'));
  });

  it('reports a refused token and an empty signing secret, each with its fix, without throwing', async () => {
    fakeSlackApi(() => [200, { ok: false, error: 'invalid_auth' }]);
    const checks = byId(await slackSetupChecks(client(), { signingSecret: '' }));
    expect(checks['slack.token']).toMatchObject({ status: 'fail', detail: 'auth.test failed: invalid_auth.' });
    expect(checks['slack.token']!).toHaveProperty('fix', expect.stringContaining('SLACK_BOT_TOKEN'));
    expect(checks['slack.scopes']).toBeUndefined();
    expect(checks['slack.signing']).toMatchObject({ status: 'fail', fix: expect.stringContaining('SLACK_SIGNING_SECRET') });
  });

  it('in Socket Mode needs no signing secret: the app-level token opens the connection', async () => {
    fakeSlackApi(() => [200, { ok: true, team: 'Northwind' }, { 'x-oauth-scopes': manifestBotScopes().join(',') }]);
    const checks = byId(await slackSetupChecks(client(), { appToken: 'xapp-1' }));
    expect(checks['slack.signing']).toMatchObject({ status: 'ok', title: 'Slack connection' });
  });
});
