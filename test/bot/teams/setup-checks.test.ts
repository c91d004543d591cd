// `skima setup` and the `setup` command check Teams too: credentials set, a Bot Framework token from
// Azure by client credentials (intercepted with nock), an HTTPS messaging endpoint. Never the password.
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SetupReport } from '../../../src/bot/ports.ts';
import { checkTeamsSetup, type TeamsSetupSettings } from '../../../src/bot/teams/setup-checks.ts';

const APP_ID = '1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d';
const TENANT = '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';
const PASSWORD = 'Zq8~s3cr3t-v4lue_do-not-log';
const good: TeamsSetupSettings = { appId: APP_ID, appPassword: PASSWORD, tenantId: TENANT, multiTenant: false, baseUrl: 'https://skima.acme.test' };
const byId = (checks: SetupReport[]) => Object.fromEntries(checks.map((c) => [c.id, c]));

/** Azure's token endpoint for a tenant; records the form it was sent. */
function azure(tenant: string, reply: [number, object]) {
  const forms: URLSearchParams[] = [];
  const scope = nock('https://login.microsoftonline.com')
    .post(`/${tenant}/oauth2/v2.0/token`, (body: string | Record<string, string>) => {
      forms.push(new URLSearchParams(body));
      return true;
    })
    .reply(...reply);
  return { scope, forms };
}

describe('Teams setup checks', () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => {
    nock.cleanAll();
    vi.restoreAllMocks();
  });

  it('passes when Azure issues a token by client credentials for the bot scope, and the endpoint is HTTPS', async () => {
    const { scope, forms } = azure(TENANT, [200, { token_type: 'Bearer', expires_in: 3599, access_token: 'eyJ0.x.y' }]);
    const checks = await checkTeamsSetup(good);
    expect(checks.map((c) => [c.id, c.status])).toEqual([
      ['teams.app_id', 'ok'], ['teams.password', 'ok'], ['teams.tenant', 'ok'], ['teams.token', 'ok'], ['teams.endpoint', 'ok'],
    ]);
    scope.done();
    expect(Object.fromEntries(forms[0]!)).toEqual({
      grant_type: 'client_credentials',
      client_id: APP_ID,
      client_secret: PASSWORD,
      scope: 'https://api.botframework.com/.default',
    });
    expect(byId(checks)['teams.endpoint']!.detail).toContain('https://skima.acme.test/api/messages');
    expect(JSON.stringify(checks)).not.toContain(PASSWORD);
  });

  it('a multi-tenant bot gets its token from botframework.com and needs no tenant', async () => {
    const { scope } = azure('botframework.com', [200, { access_token: 'eyJ0.x.y' }]);
    const checks = byId(await checkTeamsSetup({ ...good, tenantId: undefined, multiTenant: true }));
    scope.done();
    expect(checks['teams.tenant']).toMatchObject({ status: 'ok', detail: expect.stringContaining('Multi-tenant') });
    expect(checks['teams.token']).toMatchObject({ status: 'ok', detail: expect.stringContaining('multi-tenant') });
  });

  it('a wrong password (401 invalid_client) fails with the exact fix, and the password is in no report or log', async () => {
    const logged: string[] = [];
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
    }
    azure(TENANT, [401, {
      error: 'invalid_client',
      error_description: 'AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID. Trace ID: 1 Correlation ID: 2',
      error_codes: [7000215],
    }]);
    const checks = await checkTeamsSetup(good);
    expect(byId(checks)['teams.token']).toEqual({
      id: 'teams.token',
      title: 'Teams sign-in (Bot Framework token)',
      status: 'fail',
      detail: 'Azure refused the app password (invalid_client, AADSTS7000215).',
      fix: expect.stringMatching(/^Create a new client secret in Azure .* and set TEAMS_APP_PASSWORD to its Value/),
    });
    expect(JSON.stringify(checks)).not.toContain(PASSWORD);
    expect(logged.join('\n')).not.toContain(PASSWORD);
  });

  it('says so when the secret has expired, and when the app is not in the tenant', async () => {
    azure(TENANT, [401, { error: 'invalid_client', error_description: 'AADSTS7000222: The provided client secret keys are expired.' }]);
    expect(byId(await checkTeamsSetup(good))['teams.token']!.detail).toContain('the client secret has expired');
    azure(TENANT, [400, { error: 'unauthorized_client', error_description: 'AADSTS700016: Application with identifier was not found in the directory.' }]);
    expect(byId(await checkTeamsSetup(good))['teams.token']).toMatchObject({
      status: 'fail',
      detail: 'Azure does not know this app id in that tenant (unauthorized_client, AADSTS700016).',
      fix: expect.stringContaining('TEAMS_MULTI_TENANT=true'),
    });
  });

  it('a network failure is a failed check with its fix, not a crash', async () => {
    nock('https://login.microsoftonline.com').post(`/${TENANT}/oauth2/v2.0/token`).replyWithError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' });
    const checks = byId(await checkTeamsSetup(good));
    expect(checks['teams.token']).toMatchObject({
      status: 'fail',
      detail: 'Could not reach login.microsoftonline.com: ECONNREFUSED.',
      fix: expect.stringContaining('login.microsoftonline.com'),
    });
    expect(checks['teams.endpoint']).toMatchObject({ status: 'ok' });
  });

  it('an http base URL fails: Teams only calls HTTPS endpoints', async () => {
    azure(TENANT, [200, { access_token: 'eyJ0.x.y' }]);
    const checks = byId(await checkTeamsSetup({ ...good, baseUrl: 'http://skima.acme.test' }));
    expect(checks['teams.endpoint']).toMatchObject({
      status: 'fail',
      detail: 'PUBLIC_BASE_URL must be HTTPS (Teams only calls bots over HTTPS): "http://skima.acme.test".',
      fix: expect.stringContaining('/api/messages'),
    });
    const unset = byId(await checkTeamsSetup({ ...good, appId: undefined, baseUrl: undefined }));
    expect(unset['teams.endpoint']).toMatchObject({ status: 'fail', fix: expect.stringContaining('PUBLIC_BASE_URL') });
  });

  it('missing or malformed settings fail with their fixes, and no token is asked for', async () => {
    const fetchImpl = vi.fn<typeof fetch>();
    const checks = byId(await checkTeamsSetup({ appId: 'my-bot', multiTenant: false, baseUrl: 'https://skima.acme.test' }, fetchImpl));
    expect(fetchImpl).not.toHaveBeenCalled();
    expect(checks['teams.app_id']).toMatchObject({ status: 'fail', detail: 'TEAMS_APP_ID is not a GUID, so it is not a Microsoft App ID.', fix: expect.stringContaining('TEAMS_APP_ID') });
    expect(checks['teams.password']).toMatchObject({ status: 'fail', detail: 'TEAMS_APP_PASSWORD is empty.', fix: expect.stringContaining('set TEAMS_APP_PASSWORD') });
    expect(checks['teams.tenant']).toMatchObject({ status: 'fail', fix: expect.stringContaining('TEAMS_TENANT_ID') });
    expect(checks['teams.token']).toBeUndefined();
    const badTenant = byId(await checkTeamsSetup({ ...good, tenantId: 'not a tenant' }, fetchImpl));
    expect(badTenant['teams.tenant']).toMatchObject({ status: 'fail' });
    expect(fetchImpl).not.toHaveBeenCalled();
  });
});
