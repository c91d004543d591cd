import { ErrorCode } from '@slack/web-api';
import { DeliveryError, type DeliveryFailure } from '../ports.ts';

/** What to do about a failed Slack call: the port's classification, shared with every front door. */
export type SlackFailure = DeliveryFailure;

const RECIPIENT = new Set([
  'user_not_found', 'users_not_found', 'channel_not_found', 'not_in_channel', 'is_archived', 'cannot_dm_bot',
  'user_disabled', 'user_is_bot', 'messages_tab_disabled', 'restricted_action',
]);
const MESSAGE_GONE = new Set(['message_not_found', 'cant_update_message', 'edit_window_closed']);
const AUTH = new Set([
  'invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'account_inactive', 'no_permission', 'team_access_not_granted',
  'org_login_required', 'ekm_access_denied',
]);
/** When Slack says `ratelimited` in a 200 body it sends no Retry-After: wait this long. */
const DEFAULT_RETRY_AFTER_MS = 30_000;

export function classifySlackError(err: unknown): SlackFailure {
  const e = err as { code?: string; retryAfter?: number; data?: { error?: string }; statusCode?: number };
  if (e?.code === ErrorCode.RateLimitedError) {
    return { kind: 'rate_limited', code: 'ratelimited', retryAfterMs: Math.max(1, e.retryAfter ?? 30) * 1000 };
  }
  if (e?.code === ErrorCode.PlatformError) {
    const code = e.data?.error ?? 'unknown_error';
    if (code === 'ratelimited' || code === 'rate_limited') {
      return { kind: 'rate_limited', code, retryAfterMs: DEFAULT_RETRY_AFTER_MS };
    }
    if (RECIPIENT.has(code)) return { kind: 'recipient', code };
    if (MESSAGE_GONE.has(code)) return { kind: 'message_gone', code };
    if (AUTH.has(code)) return { kind: 'auth', code };
    if (code === 'internal_error' || code === 'fatal_error' || code === 'service_unavailable') return { kind: 'transient', code };
    return { kind: 'other', code };
  }
  if (e?.code === ErrorCode.HTTPError) return { kind: 'transient', code: `http_${e.statusCode ?? 'error'}` };
  if (e?.code === ErrorCode.RequestError) return { kind: 'transient', code: 'request_error' };
  return { kind: 'other', code: err instanceof Error ? err.name : 'unknown_error' };
}

/** Thrown by the front door with the classification attached, for the queue worker to act on. */
export class SlackDeliveryError extends DeliveryError {
  constructor(failure: SlackFailure, method: string) {
    super(failure, method, 'slack');
    this.name = 'SlackDeliveryError';
  }
}
