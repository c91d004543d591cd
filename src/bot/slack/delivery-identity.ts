import { z } from 'zod';

const identified = z.looseObject({
  type: z.string().optional(),
  trigger_id: z.string().min(1).max(200).optional(),
  event_id: z.string().min(1).max(200).optional(),
});

/**
 * The identity Slack gives one request: an interaction's or slash command's trigger_id (new for every
 * click, submission and command), an event's event_id (kept on Slack's own retries). A signed request
 * sent again within the signature window carries the same identity, so it is recognised as a replay.
 * Null for a request that has none (nothing to deduplicate it by).
 */
export function deliveryIdentity(body: unknown): string | null {
  const parsed = identified.safeParse(body);
  if (!parsed.success) return null;
  const { type, trigger_id: trigger, event_id: event } = parsed.data;
  if (event) return `event:${event}`;
  if (trigger) return `${type ?? 'command'}:${trigger}`;
  return null;
}
