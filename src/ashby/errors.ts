/**
 * Typed errors of the Ashby boundary. Callers branch on the class (and `code` for API errors) rather
 * than on message text.
 */

/** Base class so callers can catch everything the Ashby boundary throws in one clause. */
export class AshbyError extends Error {
  readonly endpoint: string;
  constructor(endpoint: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'AshbyError';
    this.endpoint = endpoint;
  }
}

/** Ashby answered `success: false` (its way of saying 4xx), or a real 401/403/429 with an error body. */
export class AshbyApiError extends AshbyError {
  readonly code: string;
  readonly requestId: string | undefined;
  readonly httpStatus: number;
  readonly meta: unknown;
  constructor(args: {
    endpoint: string;
    code: string;
    message: string;
    requestId: string | undefined;
    httpStatus: number;
    meta?: unknown;
  }) {
    super(args.endpoint, `${args.endpoint}: ${args.code}: ${args.message}`);
    this.name = 'AshbyApiError';
    this.code = args.code;
    this.requestId = args.requestId;
    this.httpStatus = args.httpStatus;
    this.meta = args.meta;
  }
}

/** The key lacks the module permission the endpoint needs. */
export class AshbyPermissionError extends AshbyApiError {
  constructor(args: ConstructorParameters<typeof AshbyApiError>[0]) {
    super(args);
    this.name = 'AshbyPermissionError';
  }
}

/** The key is missing, wrong or deactivated (HTTP 401/403 without a permission code). */
export class AshbyAuthError extends AshbyApiError {
  constructor(args: ConstructorParameters<typeof AshbyApiError>[0]) {
    super(args);
    this.name = 'AshbyAuthError';
  }
}

/** A stored sync token or a cursor is no longer usable; the caller must drop its state and start over. */
export class AshbySyncResetError extends AshbyApiError {
  constructor(args: ConstructorParameters<typeof AshbyApiError>[0]) {
    super(args);
    this.name = 'AshbySyncResetError';
  }
}

/** A transient failure (429, 5xx, timeout, connection) that survived every retry. */
export class AshbyUnavailableError extends AshbyError {
  readonly httpStatus: number | undefined;
  readonly requestId: string | undefined;
  readonly attempts: number;
  constructor(args: {
    endpoint: string;
    reason: string;
    httpStatus?: number;
    requestId?: string;
    attempts: number;
    cause?: unknown;
  }) {
    super(args.endpoint, `${args.endpoint}: ${args.reason} after ${args.attempts} attempt(s)`, { cause: args.cause });
    this.name = 'AshbyUnavailableError';
    this.httpStatus = args.httpStatus;
    this.requestId = args.requestId;
    this.attempts = args.attempts;
  }
}

/** Ashby's answer did not have the shape we rely on; names the endpoint and the offending field. */
export class AshbyResponseShapeError extends AshbyError {
  readonly field: string;
  readonly requestId: string | undefined;
  constructor(args: { endpoint: string; field: string; problem: string; requestId: string | undefined }) {
    super(args.endpoint, `${args.endpoint}: unexpected response: ${args.field}: ${args.problem}`);
    this.name = 'AshbyResponseShapeError';
    this.field = args.field;
    this.requestId = args.requestId;
  }
}

/** Error codes after which a delta sync must drop its token (or cursor) and run a full sync. */
export const SYNC_RESET_CODES: ReadonlySet<string> = new Set([
  'sync_token_expired',
  'sync_token_invalid',
  'incremental_sync_too_large',
  'next_cursor_expired',
  'invalid_next_cursor',
]);
