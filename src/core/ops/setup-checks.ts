import { AshbyAuthError, AshbyError, AshbyPermissionError } from '../../ashby/index.ts';
import { checkDatabase } from '../../db/health.ts';
import { providerOf } from '../../db/paths.ts';
import type { AppContext } from '../context.ts';
import { audit } from './audit.ts';
import { checkFields, checkTag, type RecordSetupChange } from './setup/fields.ts';
import {
  NEEDED_PERMISSIONS,
  type NeededPermission,
  optionalPermissions,
  permissionOfScope,
  probeReadPermissions,
} from './setup/permissions.ts';
import type { SetupCheck } from './setup/types.ts';
import { checkWebhooks, checkWebhookSecret } from './setup/webhooks.ts';

export type { SetupCheck } from './setup/types.ts';
export { NEEDED_PERMISSIONS } from './setup/permissions.ts';
export { SKIMA_WEBHOOK_TYPES } from '../../ashby/index.ts';

const KEY_FIX = 'Create an API key in Ashby (Admin → API Keys → New), set ASHBY_API_KEY, and run skima setup again.';

/**
 * What `/skima setup` and `skima setup` report: the API key and its permissions, the SKIMA custom
 * fields and tag, the webhooks and their secret, the database. With `fix`, creates what is missing
 * and the key may create (fields, tag, webhooks); it never changes or deletes anything that exists.
 */
export async function runSetupChecks(
  ctx: AppContext,
  opts: { fix: boolean; webhookUrl?: string },
): Promise<SetupCheck[]> {
  const checks: SetupCheck[] = [];
  const key = await checkKey(ctx);
  checks.push(...key.checks);
  if (key.works) {
    // Fields and tags --fix creates are setup changes: the audit-log export lists them with the webhooks.
    const record: RecordSetupChange = (change) => audit(ctx.db, { actor: 'setup', ...change });
    checks.push(...(await guarded('ashby.fields', 'SKIMA custom fields', () => checkFields(ctx.ashby.client, opts.fix, record))));
    checks.push(...(await guarded('ashby.tag', 'Tag', async () => [await checkTag(ctx.ashby.client, opts.fix, record)])));
    checks.push(...(await guarded('ashby.webhooks', 'Ashby webhooks', async () => [await checkWebhooks(ctx, opts)])));
  }
  checks.push(checkWebhookSecret(ctx));
  checks.push(await checkMigrations(ctx));
  // The chat front doors check themselves (credentials, permissions); a check that cannot run is a
  // failure with its fix, never a crash of the whole report.
  for (const door of ctx.chat) {
    checks.push(...(await door.checkSetup().catch((err: unknown) => [{
      id: `${door.channel}.setup`,
      title: `${door.channel} front door`,
      status: 'fail' as const,
      detail: `Could not be checked: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
      fix: `See docs/${door.channel}.md.`,
    }])));
  }
  return checks;
}

/** An Ashby outage or a surprise turns into a failed line, not a crashed command. */
async function guarded(id: string, title: string, run: () => Promise<SetupCheck[]>): Promise<SetupCheck[]> {
  try {
    return await run();
  } catch (err) {
    const message = err instanceof AshbyError ? err.message : String(err);
    return [
      {
        id,
        title,
        status: 'fail',
        detail: `Could not be checked: ${message.split('\n')[0]}`,
        fix: 'Check that Ashby is reachable (ASHBY_BASE_URL) and run skima setup again.',
      },
    ];
  }
}

async function checkKey(ctx: AppContext): Promise<{ works: boolean; checks: SetupCheck[] }> {
  const client = ctx.ashby.client;
  const where = ctx.ashby.sandbox ? ' (the local Ashby sandbox: no ASHBY_API_KEY is set)' : '';
  let scopes: Set<string> | undefined;
  let keyTitle: string | undefined;
  try {
    const info = await client.apiKey.info();
    keyTitle = info.title;
    scopes = new Set((info.scopes ?? []).map(permissionOfScope));
  } catch (err) {
    if (err instanceof AshbyAuthError) {
      return {
        works: false,
        checks: [{ id: 'ashby.key', title: 'Ashby API key', status: 'fail', detail: `Ashby refused the key${where}.`, fix: KEY_FIX }],
      };
    }
    if (!(err instanceof AshbyPermissionError)) {
      const message = err instanceof AshbyError ? err.message : String(err);
      return {
        works: false,
        checks: [
          {
            id: 'ashby.key',
            title: 'Ashby API key',
            status: 'fail',
            detail: `Ashby could not be reached${where}: ${message.split('\n')[0]}`,
            fix: 'Check ASHBY_BASE_URL and the network to api.ashbyhq.com, then run skima setup again.',
          },
        ],
      };
    }
  }
  const keyCheck: SetupCheck = {
    id: 'ashby.key',
    title: 'Ashby API key',
    status: 'ok',
    detail: keyTitle ? `Ashby accepts the key "${keyTitle}"${where}.` : `Ashby accepts the key${where}.`,
  };
  let granted = scopes;
  let unknown = new Set<string>();
  const needed = [...NEEDED_PERMISSIONS, ...optionalPermissions(ctx.config.handoff)];
  if (!granted) {
    ({ granted, unknown } = await probeReadPermissions(client, needed));
  }
  return { works: true, checks: [keyCheck, permissionsCheck(needed, granted, unknown)] };
}

function permissionsCheck(needed: NeededPermission[], granted: Set<string>, unknown: Set<string>): SetupCheck {
  const missing = needed.filter((p) => !granted.has(p.permission) && !unknown.has(p.permission));
  const lines = missing.map((p) => `${p.permission} (${p.label}) is missing: it is needed for ${p.breaks}`);
  if (unknown.size) lines.push(`not checked, as the key may not read its own permissions: ${[...unknown].join(', ')}`);
  const id = 'ashby.permissions';
  const title = 'API key permissions';
  if (!missing.length && !unknown.size) {
    return { id, title, status: 'ok', detail: 'The key has every permission Skima uses.' };
  }
  const toTurnOn = missing.map((p) => `"${p.label}"`).join(', ');
  return {
    id,
    title,
    status: missing.some((p) => p.essential) ? 'fail' : 'warn',
    detail: `${lines.join('; ')}.`,
    fix: `In Ashby (Admin → API Keys → this key) turn on ${toTurnOn}, then run skima setup again.`,
  };
}

async function checkMigrations(ctx: AppContext): Promise<SetupCheck> {
  const id = 'database';
  const title = 'Database';
  const provider = providerOf(ctx.config.databaseUrl);
  const health = await checkDatabase(ctx.db, provider);
  if (!health.reachable) {
    return {
      id,
      title,
      status: 'fail',
      detail: `The ${provider} database is not reachable: ${health.error ?? 'unknown error'}`,
      fix: 'Check DATABASE_URL and that the database server is running.',
    };
  }
  if (health.pendingMigrations.length) {
    return {
      id,
      title,
      status: 'fail',
      detail: `${health.pendingMigrations.length} migration(s) not applied (${health.pendingMigrations.join(', ')}).`,
      fix: 'Run skima migrate (skima start also migrates on start).',
    };
  }
  return { id, title, status: 'ok', detail: `The ${provider} database is migrated.` };
}
