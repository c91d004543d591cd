// Delivery problems of the front doors (Slack, Teams), kept as audit events so `/skima status` can show
// them: no table of their own, and they age out with the audit retention.
import type { Db } from '../db/client.ts';
import { audit } from './audit.ts';
import type { AppContext } from './context.ts';

export const FRONT_DOOR_ERROR_ACTION = 'frontdoor.error';
const MAX_MESSAGE = 200;
// A flood of one error is one line in the status; reading more rows than this would not change that.
const MAX_ROWS = 5000;

/**
 * An error text fit for a channel: first line only, anything resembling an email address, URL token or
 * phone number masked, and short. Callers should pass error codes (`ratelimited`, `channel_not_found`)
 * rather than messages anyway; this is the safety net.
 */
export function safeMessage(message: string): string {
  const line = (message.split('\n')[0] ?? '').trim();
  const masked = line
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '<email>')
    .replace(/\b(xox[a-z]-|Bearer\s+)[\w-]+/gi, '<token>')
    .replace(/\+?\d[\d ()-]{7,}\d/g, '<number>');
  return masked.length > MAX_MESSAGE ? `${masked.slice(0, MAX_MESSAGE - 1)}…` : masked || 'unknown error';
}

/**
 * Front doors report delivery problems here so /skima status shows them instead of dropping them.
 * `source` names the front door and operation (e.g. `slack:chat.update`); `message` should be an error
 * code such as `ratelimited` or `channel_not_found`, never a text that could hold personal data.
 */
export async function recordFrontDoorError(ctx: AppContext, e: { source: string; message: string }): Promise<void> {
  const source = safeMessage(e.source).slice(0, 80);
  const message = safeMessage(e.message);
  ctx.log.warn({ source, error: message }, 'front-door delivery problem');
  await audit(ctx.db, {
    actor: 'system',
    action: FRONT_DOOR_ERROR_ACTION,
    subjectType: 'frontdoor',
    subjectId: source,
    detail: { message },
  });
}

/** Front-door errors since a time, one entry per source and message with its count and newest time. */
export function recentFrontDoorErrors(db: Db, since: Date) {
  return recentProblems(db, FRONT_DOOR_ERROR_ACTION, since);
}

/**
 * Problems kept as audit events of one action (the subject names the source, the detail the message
 * and, for rows that stand for several, their count) since a time: one entry per source and message.
 */
export async function recentProblems(
  db: Db,
  action: string,
  since: Date,
): Promise<{ source: string; message: string; at: Date; count: number }[]> {
  const rows = await db.auditEvent.findMany({
    where: { action, at: { gte: since } },
    orderBy: [{ at: 'desc' }, { id: 'asc' }],
    take: MAX_ROWS,
    select: { at: true, subjectId: true, detail: true },
  });
  const grouped = new Map<string, { source: string; message: string; at: Date; count: number }>();
  for (const row of rows) {
    const source = row.subjectId ?? 'frontdoor';
    const detail = row.detail as { message?: unknown; count?: unknown } | null;
    const message = typeof detail?.message === 'string' ? detail.message : 'unknown error';
    const count = typeof detail?.count === 'number' && detail.count > 0 ? detail.count : 1;
    const key = `${source}\u0000${message}`;
    const seen = grouped.get(key);
    if (seen) seen.count += count;
    else grouped.set(key, { source, message, at: row.at, count });
  }
  return [...grouped.values()];
}
