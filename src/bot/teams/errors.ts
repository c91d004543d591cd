import { DeliveryError, type DeliveryFailure } from '../ports.ts';

/** What the failed call was: a 404 means "the conversation is gone" on a send, "the message is gone" on an update. */
export type TeamsOperation = 'send' | 'update' | 'member' | 'token';

/** When the Connector says 429 without Retry-After: wait this long. */
const DEFAULT_RETRY_AFTER_MS = 30_000;
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EAI_AGAIN', 'EPIPE', 'REQUEST_SEND_ERROR', 'UND_ERR_SOCKET']);

interface ErrorLike {
  name?: string;
  code?: string;
  statusCode?: number;
  errorCode?: string;
  response?: { headers?: { get?(name: string): string | undefined } | Record<string, string> };
}

function retryAfterMs(e: ErrorLike): number {
  const headers = e.response?.headers;
  const raw = typeof headers?.get === 'function' ? headers.get('retry-after') : (headers as Record<string, string> | undefined)?.['retry-after'];
  if (!raw) return DEFAULT_RETRY_AFTER_MS;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(1, seconds) * 1000;
  const at = Date.parse(raw);
  return Number.isFinite(at) ? Math.max(1000, at - Date.now()) : DEFAULT_RETRY_AFTER_MS;
}

/**
 * The port's classification of a failed Bot Framework call: Connector HTTP errors by status (and by
 * what was attempted), token failures (MSAL: a wrong app password, an unknown tenant) as auth, and
 * network trouble as transient. Codes are short and carry no personal data: they go to `status`.
 */
export function classifyTeamsError(err: unknown, op: TeamsOperation): DeliveryFailure {
  const e = (err ?? {}) as ErrorLike;
  // MSAL's errors carry an errorCode (invalid_client: a wrong secret; AADSTS90002: no such tenant).
  if (e.errorCode || /^(ServerError|ClientAuthError|ClientConfigurationError|AuthError)$/.test(e.name ?? '')) {
    return { kind: 'auth', code: `token_${e.errorCode || 'error'}` };
  }
  if (err instanceof Error && /^Authentication:/.test(err.message)) return { kind: 'auth', code: 'token_missing' };
  const status = e.statusCode;
  if (typeof status === 'number') {
    if (status === 429) return { kind: 'rate_limited', code: 'http_429', retryAfterMs: retryAfterMs(e) };
    if (status === 401) return { kind: 'auth', code: 'http_401' };
    if (status === 404 && op === 'update') return { kind: 'message_gone', code: 'http_404' };
    if ((status === 403 || status === 404) && (op === 'send' || op === 'member')) return { kind: 'recipient', code: `http_${status}` };
    if (status >= 500) return { kind: 'transient', code: `http_${status}` };
    return { kind: 'other', code: `http_${status}` };
  }
  if (e.code && NETWORK.has(e.code)) return { kind: 'transient', code: e.code.toLowerCase() };
  if (e.name === 'FetchError' || e.name === 'AbortError') return { kind: 'transient', code: 'network_error' };
  return { kind: 'other', code: err instanceof Error ? err.name || 'Error' : 'unknown_error' };
}

/** Thrown by the Teams front door with the classification attached, for the core's queue worker. */
export class TeamsDeliveryError extends DeliveryError {
  constructor(failure: DeliveryFailure, method: string) {
    super(failure, method, 'teams');
    this.name = 'TeamsDeliveryError';
  }
}

/** The same error, classified once (an error already classified deeper down keeps its classification). */
export function asTeamsDeliveryError(err: unknown, op: TeamsOperation, method: string): DeliveryError {
  return err instanceof DeliveryError ? err : new TeamsDeliveryError(classifyTeamsError(err, op), method);
}

/**
 * What may be logged of an error from botbuilder: its kind, codes and a short message. Never the error
 * itself: the Connector client's errors carry the request they failed on, with the bot's bearer token in
 * its headers and the card (candidate names, resume quotes) in its body.
 */
export function loggableError(err: unknown): { type: string; code?: string; statusCode?: number; message: string } {
  const e = (err ?? {}) as ErrorLike & { message?: unknown };
  return {
    type: err instanceof Error ? err.name || 'Error' : typeof err,
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    ...(typeof e.statusCode === 'number' ? { statusCode: e.statusCode } : {}),
    message: typeof e.message === 'string' ? e.message.split('\n')[0]!.slice(0, 200) : '',
  };
}
