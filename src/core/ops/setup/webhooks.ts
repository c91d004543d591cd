// Ashby has no webhook.list: Skima remembers the webhooks `skima setup --fix` creates (as audit events,
// ids only) and asks webhook.info about those; webhook deliveries Skima received count as evidence too.
import { AshbyApiError, AshbyPermissionError, SKIMA_WEBHOOK_TYPES } from '../../../ashby/index.ts';
import { audit } from '../audit.ts';
import type { AppContext } from '../../context.ts';
import type { SetupCheck } from './types.ts';

export const WEBHOOK_CREATED_ACTION = 'setup.webhook_created';
export const WEBHOOK_PATH = '/webhooks/ashby';
const RECENT_DELIVERY_MS = 30 * 24 * 3600 * 1000;

/** A bare origin means Skima's intake on it. */
export function intakeUrl(webhookUrl: string): string {
  const url = new URL(webhookUrl);
  if (url.pathname === '/' || url.pathname === '') url.pathname = WEBHOOK_PATH;
  return url.href;
}

interface KnownWebhook {
  id: string;
  webhookType: string;
  requestUrl: string;
}

async function rememberedWebhooks(ctx: AppContext): Promise<KnownWebhook[]> {
  const rows = await ctx.db.auditEvent.findMany({
    where: { action: WEBHOOK_CREATED_ACTION },
    orderBy: [{ at: 'desc' }, { id: 'asc' }],
    select: { subjectId: true, detail: true },
  });
  return rows.flatMap((r) => {
    const d = r.detail as { webhookType?: unknown; requestUrl?: unknown } | null;
    return r.subjectId && typeof d?.webhookType === 'string' && typeof d.requestUrl === 'string'
      ? [{ id: r.subjectId, webhookType: d.webhookType, requestUrl: d.requestUrl }]
      : [];
  });
}

/** Which handled types have a live webhook at the URL (or, with no URL given, anywhere Skima created one). */
async function coveredTypes(
  ctx: AppContext,
  url: string | undefined,
): Promise<{ covered: Set<string>; unverifiable: boolean }> {
  const covered = new Set<string>();
  let unverifiable = false;
  for (const hook of await rememberedWebhooks(ctx)) {
    if (covered.has(hook.webhookType)) continue;
    try {
      const live = await ctx.ashby.client.webhook.info(hook.id);
      if (live.enabled && (!url || live.requestUrl === url)) covered.add(live.webhookType);
    } catch (err) {
      if (err instanceof AshbyPermissionError) {
        // Cannot confirm, so trust what Skima created rather than create it again on every --fix.
        unverifiable = true;
        if (!url || hook.requestUrl === url) covered.add(hook.webhookType);
      } else if (!(err instanceof AshbyApiError)) {
        throw err;
      } // else not found: deleted in Ashby since
    }
  }
  return { covered, unverifiable };
}

async function recentlyDelivered(ctx: AppContext, now: Date): Promise<Set<string>> {
  const rows = await ctx.db.webhookEvent.findMany({
    where: {
      action: { in: [...SKIMA_WEBHOOK_TYPES] },
      receivedAt: { gte: new Date(now.getTime() - RECENT_DELIVERY_MS) },
    },
    distinct: ['action'],
    select: { action: true },
  });
  return new Set(rows.map((r) => r.action));
}

export async function checkWebhooks(
  ctx: AppContext,
  opts: { fix: boolean; webhookUrl?: string; now?: Date },
): Promise<SetupCheck> {
  const id = 'ashby.webhooks';
  const title = 'Ashby webhooks';
  const url = opts.webhookUrl ? intakeUrl(opts.webhookUrl) : undefined;
  if (ctx.ashby.sandbox && !url) {
    return { id, title, status: 'ok', detail: 'The local Ashby sandbox: `skima start` subscribes its webhooks itself.' };
  }
  const { covered, unverifiable } = await coveredTypes(ctx, url);
  const delivered = url ? new Set<string>() : await recentlyDelivered(ctx, opts.now ?? new Date());
  const missing = SKIMA_WEBHOOK_TYPES.filter((t) => !covered.has(t) && !delivered.has(t));
  if (!missing.length) {
    const how = covered.size < SKIMA_WEBHOOK_TYPES.length
      ? 'seen delivering in the last 30 days'
      : unverifiable
        ? 'created by skima setup (the API key may not read webhooks, so not confirmed)'
        : 'confirmed in Ashby';
    return { id, title, status: 'ok', detail: `All ${SKIMA_WEBHOOK_TYPES.length} webhook types Skima handles are ${how}.` };
  }
  const secret = ctx.ashby.webhookSecret;
  if (opts.fix && url && secret) {
    const created: string[] = [];
    try {
      for (const webhookType of missing) {
        const hook = await ctx.ashby.client.webhook.create({ webhookType, requestUrl: url, secretToken: secret });
        await audit(ctx.db, {
          actor: 'setup',
          action: WEBHOOK_CREATED_ACTION,
          subjectType: 'webhook',
          subjectId: hook.id,
          detail: { webhookType, requestUrl: url },
        });
        created.push(webhookType);
      }
      return { id, title, status: 'fixed', detail: `Created webhooks for ${created.join(', ')} pointing at ${url}.` };
    } catch (err) {
      if (!(err instanceof AshbyPermissionError)) throw err;
      return {
        id,
        title,
        status: 'warn',
        detail: `Missing for ${missing.join(', ')}, and the API key may not create webhooks (created: ${created.join(', ') || 'none'}).`,
        fix: `Turn on "API Keys: write" for the API key and run skima setup --fix --webhook-url ${url}, or add them in Ashby.`,
      };
    }
  }
  const where = url ? ` pointing at ${url}` : '';
  const detail =
    `No webhook${where} is known for ${missing.join(', ')}`
    + (unverifiable ? ' (the API key may not read webhooks, so they could not be confirmed)' : '')
    + '. Skima still catches up by polling, only later.';
  const fix = !secret
    ? 'Set ASHBY_WEBHOOK_SECRET first (see the webhook secret check), then run skima setup --fix --webhook-url '
    + `${url ?? 'https://<your Skima host>/webhooks/ashby'}.`
    : url
      ? `Run skima setup --fix --webhook-url ${url}, or add them in Ashby (Admin → Webhooks) with the same secret.`
      : 'Run skima setup --fix --webhook-url https://<your Skima host>/webhooks/ashby.';
  return { id, title, status: 'warn', detail, fix };
}

export function checkWebhookSecret(ctx: AppContext): SetupCheck {
  const id = 'webhook.secret';
  const title = 'Webhook secret';
  const secret = ctx.ashby.webhookSecret;
  if (secret && secret.length >= 16) return { id, title, status: 'ok', detail: 'Configured; deliveries are verified.' };
  if (!secret && ctx.ashby.sandbox) {
    return { id, title, status: 'ok', detail: 'The local Ashby sandbox: `skima start` generates one.' };
  }
  return {
    id,
    title,
    status: 'fail',
    detail: secret
      ? 'Configured, but shorter than 16 characters: too easy to guess.'
      : 'Not configured: every webhook from Ashby is refused, and Skima relies on polling alone.',
    fix: 'Generate one (openssl rand -hex 32), set ASHBY_WEBHOOK_SECRET, and give Ashby\'s webhooks the same secret.',
  };
}
