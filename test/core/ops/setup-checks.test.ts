// `/skima setup` against the in-process Ashby sandbox: a full key, limited keys, a refused key, and --fix.
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Permission, RunningSandbox } from '../../../src/ashby-sandbox/index.ts';
import { PERMISSIONS, startSandbox } from '../../../src/ashby-sandbox/index.ts';
import type { AshbyConnection } from '../../../src/core/ashby-link/ashby-connection.ts';
import nock from 'nock';
import { createAppContext } from '../../../src/app.ts';
import { closeContext, createContext } from '../../../src/core/context.ts';
import { runSetupChecks, type SetupCheck, SKIMA_WEBHOOK_TYPES } from '../../../src/core/ops/setup-checks.ts';
import { type CoreEnv, coreContext } from '../../helpers/core-context.ts';
import { createTestDatabase, DB_KINDS } from '../../helpers/databases.ts';
import { testLogger } from '../../helpers/logger.ts';
import { sandboxConnection, testConfig } from '../../helpers/skima.ts';
import { fakeSlackApi, SLACK_ENV } from '../../helpers/slack.ts';

const SECRET = 'whsec_0123456789abcdef0123456789abcdef';
// Loopback only: Ashby (the sandbox) pings a new webhook at once.
const HOOK_URL = 'http://127.0.0.1:9/webhooks/ashby';

/** Skima's view of a real Ashby: the sandbox over HTTP, not treated as the embedded default. */
interface KeyOptions {
  permissions?: Permission[];
  secret?: string;
  key?: string;
}

function asRealAshby(sandbox: RunningSandbox, opts: KeyOptions = {}) {
  const key = opts.key ?? (opts.permissions ? sandbox.createKey(opts.permissions, 'Skima limited') : sandbox.apiKey);
  const { sandbox: _embedded, ...connection } = sandboxConnection(sandbox, key);
  return { ...connection, webhookSecret: opts.secret } satisfies AshbyConnection;
}

const byId = (checks: SetupCheck[]) => Object.fromEntries(checks.map((c) => [c.id, c]));

function expectActionable(checks: SetupCheck[]) {
  for (const c of checks) {
    if (c.status === 'ok' || c.status === 'fixed') expect(c.fix, c.id).toBeUndefined();
    else expect(c.fix, c.id).toMatch(/\w{3,}.*\./);
  }
}

describe.each(DB_KINDS)('setup checks with a full key on %s', (kind) => {
  let sandbox: RunningSandbox;
  let env: CoreEnv;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seed: 'small', timeScale: 0.001 });
    env = await coreContext(kind, { ashby: asRealAshby(sandbox, { secret: SECRET }) });
  });
  afterAll(async () => {
    await env.close();
    await sandbox.close();
  });

  it('reports what is missing without changing anything, then --fix creates it, then all is ok', async () => {
    const before = byId(await runSetupChecks(env.ctx, { fix: false, webhookUrl: HOOK_URL }));
    expect(before['ashby.key']).toMatchObject({ status: 'ok' });
    expect(before['ashby.permissions']).toMatchObject({ status: 'ok' });
    expect(before['ashby.field.score']).toMatchObject({ status: 'fail', fix: expect.stringContaining('skima setup --fix') });
    expect(before['ashby.field.comment']).toMatchObject({ status: 'warn' });
    expect(before['ashby.tag']).toMatchObject({ status: 'warn' });
    expect(before['ashby.webhooks']).toMatchObject({ status: 'warn', fix: expect.stringContaining(HOOK_URL) });
    expect(before['webhook.secret']).toMatchObject({ status: 'ok' });
    expect(before['database']).toMatchObject({ status: 'ok' });
    expectActionable(Object.values(before));
    expect(sandbox.control.writes).toEqual([]);

    const fixed = byId(await runSetupChecks(env.ctx, { fix: true, webhookUrl: 'http://127.0.0.1:9' }));
    for (const id of ['ashby.field.score', 'ashby.field.reasons', 'ashby.field.link', 'ashby.field.feedback',
      'ashby.field.comment', 'ashby.tag', 'ashby.webhooks']) {
      expect(fixed[id]?.status, id).toBe('fixed');
    }
    const hooks = [...sandbox.control.webhooks.subscriptions.values()];
    expect(hooks.map((h) => h.webhookType).sort()).toEqual([...SKIMA_WEBHOOK_TYPES].sort());
    expect(new Set(hooks.map((h) => h.requestUrl))).toEqual(new Set([HOOK_URL]));
    expect(new Set(hooks.map((h) => h.secretToken))).toEqual(new Set([SECRET]));
    // Every change --fix made is a setup change in the audit log: the five fields, the tag, the webhooks.
    const changes = await env.ctx.db.auditEvent.findMany({ where: { action: { startsWith: 'setup.' } } });
    const created = (action: string) => changes.filter((e) => e.action === action).length;
    expect(created('setup.field_created')).toBe(5);
    expect(created('setup.tag_created')).toBe(1);
    expect(created('setup.webhook_created')).toBe(SKIMA_WEBHOOK_TYPES.length);

    const after = await runSetupChecks(env.ctx, { fix: true, webhookUrl: HOOK_URL });
    expect(after.filter((c) => c.status !== 'ok')).toEqual([]);
    // Nothing is created twice.
    expect(sandbox.control.webhooks.subscriptions.size).toBe(SKIMA_WEBHOOK_TYPES.length);
    expect(sandbox.control.writes.filter((w) => w.endpoint === 'customField.create')).toHaveLength(5);
  });

  it('notices a webhook deleted in Ashby since', async () => {
    const [first] = sandbox.control.webhooks.subscriptions.values();
    sandbox.control.webhooks.unsubscribe(first!.id);
    const checks = byId(await runSetupChecks(env.ctx, { fix: false, webhookUrl: HOOK_URL }));
    expect(checks['ashby.webhooks']).toMatchObject({ status: 'warn', detail: expect.stringContaining(first!.webhookType) });
  });
});

describe('setup checks against limited and refused keys', () => {
  let sandbox: RunningSandbox;
  const envs: CoreEnv[] = [];
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seed: 'small', timeScale: 0.001 });
  });
  afterEach(async () => {
    for (const env of envs.splice(0)) await env.close();
  });
  afterAll(async () => {
    await sandbox.close();
  });
  const contextWith = async (ashby: AshbyConnection) => {
    const env = await coreContext('sqlite', { ashby });
    envs.push(env);
    return env.ctx;
  };

  it('names each missing permission with what it breaks', async () => {
    const ctx = await contextWith(asRealAshby(sandbox, { permissions: ['candidatesRead', 'jobsRead', 'apiKeysRead'] }));
    const checks = byId(await runSetupChecks(ctx, { fix: true, webhookUrl: HOOK_URL }));
    const permissions = checks['ashby.permissions']!;
    expect(permissions.status).toBe('fail');
    expect(permissions.detail).toContain('candidatesWrite (Candidates: write) is missing: it is needed for writing scores');
    expect(permissions.detail).toContain('organizationRead (Organization: read)');
    expect(permissions.detail).toContain('apiKeysWrite (API Keys: write)');
    expect(permissions.detail).not.toContain('jobsRead');
    expect(permissions.fix).toContain('"Candidates: write"');
    // It may not list custom fields or tags, nor create webhooks: nothing is fixed, everything says why.
    expect(checks['ashby.fields']).toMatchObject({ status: 'warn', fix: expect.stringContaining('Hiring Process Metadata: read') });
    expect(checks['ashby.tag']).toMatchObject({ status: 'warn' });
    expect(checks['ashby.webhooks']).toMatchObject({ status: 'warn' });
    expect(checks['webhook.secret']).toMatchObject({ status: 'fail', fix: expect.stringContaining('ASHBY_WEBHOOK_SECRET') });
    expectActionable(Object.values(checks));
    expect(sandbox.control.writes).toEqual([]);
  });

  it('asks for offersRead only when HANDOFF_CONFIG sends an offer\'s files or start date', async () => {
    const allButOffers = PERMISSIONS.filter((p) => p !== 'offersRead');
    const ctx = await contextWith(asRealAshby(sandbox, { permissions: allButOffers, secret: SECRET }));
    expect(byId(await runSetupChecks(ctx, { fix: false, webhookUrl: HOOK_URL }))['ashby.permissions']).toMatchObject({ status: 'ok' });
    ctx.config.handoff = {
      endpoints: [{ name: 'hris', url: 'http://127.0.0.1:9/hr', secret: 's'.repeat(20), fields: { start: 'offer.startDate' }, attach: ['resume'], timeoutMs: 1000 }],
      retry: { attempts: 1, firstDelayMs: 1, maxDelayMs: 1 },
    };
    const permissions = byId(await runSetupChecks(ctx, { fix: false, webhookUrl: HOOK_URL }))['ashby.permissions']!;
    expect(permissions).toMatchObject({ status: 'warn', fix: expect.stringContaining('"Offers: read"') });
    expect(permissions.detail).toContain('offersRead (Offers: read) is missing: it is needed for the offer files and start date');
  });

  it('probes read permissions when the key may not read its own, and cannot fix what it may not create', async () => {
    const permissions: Permission[] = ['candidatesRead', 'jobsRead', 'candidatesWrite', 'organizationRead',
      'hiringProcessMetadataRead'];
    const ctx = await contextWith(asRealAshby(sandbox, { permissions, secret: SECRET }));
    const checks = byId(await runSetupChecks(ctx, { fix: true, webhookUrl: HOOK_URL }));
    expect(checks['ashby.key']).toMatchObject({ status: 'ok' });
    const perm = checks['ashby.permissions']!;
    expect(perm.status).toBe('warn');
    expect(perm.detail).toContain('interviewsRead');
    expect(perm.detail).toContain('apiKeysRead');
    expect(perm.detail).toMatch(/not checked.*candidatesWrite, hiringProcessMetadataWrite, apiKeysWrite/);
    expect(checks['ashby.field.score']).toMatchObject({
      status: 'fail',
      fix: expect.stringContaining('Hiring Process Metadata: write'),
    });
    expect(checks['ashby.tag']).toMatchObject({ status: 'warn' });
    expect(checks['ashby.webhooks']).toMatchObject({ status: 'warn', fix: expect.stringContaining('API Keys: write') });
    expectActionable(Object.values(checks));
  });

  it('creates webhooks once even when the key may create but not read them', async () => {
    const permissions: Permission[] = ['candidatesRead', 'jobsRead', 'candidatesWrite', 'organizationRead',
      'hiringProcessMetadataRead', 'hiringProcessMetadataWrite', 'apiKeysWrite'];
    const url = 'http://127.0.0.1:9/once/webhooks/ashby';
    // Its own Ashby: this test creates fields and webhooks the others must not see.
    const own = await startSandbox({ port: 0, seed: 'small', timeScale: 0.001 });
    onTestFinished(() => own.close());
    const ctx = await contextWith(asRealAshby(own, { permissions, secret: SECRET }));
    const hooksAt = () => [...own.control.webhooks.subscriptions.values()].filter((h) => h.requestUrl === url);
    const first = byId(await runSetupChecks(ctx, { fix: true, webhookUrl: url }));
    expect(first['ashby.webhooks']).toMatchObject({ status: 'fixed' });
    expect(hooksAt()).toHaveLength(SKIMA_WEBHOOK_TYPES.length);
    const second = byId(await runSetupChecks(ctx, { fix: true, webhookUrl: url }));
    expect(second['ashby.webhooks']).toMatchObject({ status: 'ok', detail: expect.stringContaining('not confirmed') });
    expect(hooksAt()).toHaveLength(SKIMA_WEBHOOK_TYPES.length);
  });

  it('flags a field of the wrong type instead of writing into it', async () => {
    const ctx = await contextWith(asRealAshby(sandbox));
    await ctx.ashby.client.customField.create({ objectType: 'Application', title: 'SKIMA Match Score', fieldType: 'String' });
    const checks = byId(await runSetupChecks(ctx, { fix: true }));
    expect(checks['ashby.field.score']).toMatchObject({ status: 'fail', fix: expect.stringContaining('archive') });
    expect(checks['ashby.field.score']!.detail).toContain('String');
  });

  it('stops at a refused key but still checks the secret and the database', async () => {
    const ctx = await contextWith(asRealAshby(sandbox, { key: 'not-a-key' }));
    const checks = await runSetupChecks(ctx, { fix: true });
    expect(checks.map((c) => [c.id, c.status])).toEqual([
      ['ashby.key', 'fail'],
      ['webhook.secret', 'fail'],
      ['database', 'ok'],
    ]);
    expect(checks[0]!.fix).toContain('ASHBY_API_KEY');
  });

  it('checks each configured chat front door too (Slack: auth.test, scopes, signing secret)', async () => {
    const database = await createTestDatabase('sqlite');
    const ctx = await createAppContext(await testConfig(database, SLACK_ENV), testLogger(), {
      ashby: asRealAshby(sandbox, { secret: SECRET }),
      dataDir: '/tmp/skima-test-secret',
    });
    try {
      fakeSlackApi(() => [200, { ok: false, error: 'token_revoked' }]);
      const checks = byId(await runSetupChecks(ctx, { fix: false }));
      expect(checks['slack.token']).toMatchObject({ status: 'fail', detail: 'auth.test failed: token_revoked.' });
      expect(checks['slack.signing']).toMatchObject({ status: 'ok' });
    } finally {
      nock.cleanAll();
      await closeContext(ctx);
      await database.drop();
    }
  });

  it('says so when the database is not migrated', async () => {
    const database = await createTestDatabase('sqlite');
    const ctx = await createContext(await testConfig(database), testLogger(), {
      ashby: asRealAshby(sandbox, { secret: SECRET }),
      dataDir: '/tmp/skima-test-secret',
    });
    try {
      const checks = byId(await runSetupChecks(ctx, { fix: false }));
      expect(checks['database']).toMatchObject({ status: 'fail', fix: expect.stringContaining('skima migrate') });
    } finally {
      await closeContext(ctx);
      await database.drop();
    }
  });
});
