import type { z } from 'zod';
import { type BackoffOptions, backoffDelayMs, DEFAULT_BACKOFF, parseRetryAfterMs } from './backoff.ts';
import { describeZodError, errorCodeOf, errorEnvelopeSchema, successEnvelopeSchema } from './envelope.ts';
import {
  AshbyApiError,
  AshbyAuthError,
  AshbyPermissionError,
  AshbyResponseShapeError,
  AshbySyncResetError,
  AshbyUnavailableError,
  SYNC_RESET_CODES,
} from './errors.ts';
import { createHttpPost, type HttpPost, type PostResponse } from './node-http.ts';
import { type AshbyLogger, silentLogger } from './logger.ts';
import { RequestGate } from './request-gate.ts';

export interface TransportOptions {
  apiKey: string;
  /** Defaults to https://api.ashbyhq.com; the sandbox's URL in tests and the demo. */
  baseUrl?: string;
  logger?: AshbyLogger;
  /** Shared with other clients using the same key; a private gate is made when omitted. */
  gate?: RequestGate;
  timeoutMs?: number;
  /** Retries after the first attempt for transient failures. */
  maxRetries?: number;
  backoff?: BackoffOptions;
  /** Injectable for tests; by default calls go over node:http(s) with keep-alive (`node-http.ts`). */
  fetch?: typeof fetch;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** What a successful call hands back: the parsed results plus the pagination fields. */
export interface CallResult<T> {
  results: T;
  moreDataAvailable: boolean | undefined;
  nextCursor: string | undefined;
  syncToken: string | undefined;
  requestId: string | undefined;
  warnings: unknown[] | undefined;
}

export interface CallOptions<T> {
  /**
   * Reads are idempotent and retried freely. Writes that are not (notes, uploads, application
   * creation) pass `idempotent: false` and a `recover` probe: after an ambiguous failure (5xx,
   * timeout, dropped connection) the probe looks for the effect of the first attempt and, if found,
   * returns it instead of writing twice. Without a probe such writes are never retried blindly.
   */
  idempotent?: boolean;
  recover?: () => Promise<T | undefined>;
}

type AttemptOutcome<T> =
  | { kind: 'ok'; value: CallResult<T> }
  | {
    kind: 'retry';
    reason: string;
    httpStatus?: number;
    requestId?: string;
    retryAfterMs?: number;
    /** The request reached Ashby (or may have). */
    sent: boolean;
    /** Ashby said it did not process the request (rate limited). */
    refused?: boolean;
    cause?: unknown;
  };

/** One failed attempt that the transport retries (or gives up on): for status pages, not for flow. */
export interface TransientFailure {
  endpoint: string;
  /** `HTTP 503`, `rate_limit_exceeded`, `timed out after 30000 ms`, `connection failed: ...` */
  reason: string;
  httpStatus?: number;
  attempt: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const RATE_LIMIT_CODES: ReadonlySet<string> = new Set(['rate_limit_exceeded', 'concurrent_limit_exceeded']);
const DEFAULT_MAX_RETRIES = 5;

export class AshbyTransport {
  private readonly authHeader: string;
  private readonly baseUrl: string;
  private readonly logger: AshbyLogger;
  readonly gate: RequestGate;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly backoff: BackoffOptions;
  private readonly post: HttpPost;
  private readonly random: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly failureListeners = new Set<(failure: TransientFailure) => void>();

  constructor(options: TransportOptions) {
    if (!options.apiKey) throw new TypeError('AshbyTransport needs an apiKey');
    this.authHeader = `Basic ${Buffer.from(`${options.apiKey}:`).toString('base64')}`;
    this.baseUrl = (options.baseUrl ?? 'https://api.ashbyhq.com').replace(/\/$/, '');
    this.logger = options.logger ?? silentLogger;
    this.gate = options.gate ?? new RequestGate();
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.post = options.fetch ?? createHttpPost();
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  /** Tells `listener` of every transient failure; returns the unsubscribe. */
  onTransientFailure(listener: (failure: TransientFailure) => void): () => void {
    this.failureListeners.add(listener);
    return () => this.failureListeners.delete(listener);
  }

  private reportFailure(failure: TransientFailure): void {
    for (const listener of this.failureListeners) {
      try {
        listener(failure);
      } catch (err) {
        this.logger.warn({ err, endpoint: failure.endpoint }, 'a transient-failure listener threw');
      }
    }
  }

  /** POSTs `body` to `/<endpoint>` and validates `results` with `schema`. */
  async call<S extends z.ZodType>(
    endpoint: string,
    body: object,
    schema: S,
    options: CallOptions<CallResult<z.output<S>>> = {},
  ): Promise<CallResult<z.output<S>>> {
    const idempotent = options.idempotent ?? true;
    let attempt = 0;
    for (;;) {
      attempt++;
      const outcome = await this.gate.run(() => this.attempt(endpoint, body, schema, attempt));
      if (outcome.kind === 'ok') return outcome.value;
      this.reportFailure({
        endpoint,
        reason: outcome.reason,
        attempt,
        ...(outcome.httpStatus ? { httpStatus: outcome.httpStatus } : {}),
      });

      const exhausted = attempt > this.maxRetries;
      // A refusal (429, rate-limit codes) and an unsent request did nothing: both are safe to repeat.
      // Anything else may have taken effect, so a non-idempotent write needs its probe, which also
      // runs after the last attempt: a write that landed is a success even when the answer was lost.
      const mayHaveTakenEffect = outcome.sent && !outcome.refused;
      if (mayHaveTakenEffect && !idempotent) {
        if (!options.recover) {
          throw this.unavailable(endpoint, outcome, attempt);
        }
        const found = await options.recover();
        if (found) {
          this.logger.info({ endpoint, attempt }, 'ashby write had already taken effect; not repeating it');
          return found;
        }
      }
      if (exhausted) throw this.unavailable(endpoint, outcome, attempt);

      const delay = outcome.retryAfterMs ?? backoffDelayMs(attempt, this.backoff, this.random);
      this.logger.warn(
        {
          endpoint,
          attempt,
          delayMs: delay,
          reason: outcome.reason,
          httpStatus: outcome.httpStatus,
          requestId: outcome.requestId,
        },
        'ashby call failed transiently; retrying',
      );
      await this.sleep(delay);
    }
  }

  private unavailable(
    endpoint: string,
    outcome: Extract<AttemptOutcome<unknown>, { kind: 'retry' }>,
    attempts: number,
  ) {
    return new AshbyUnavailableError({
      endpoint,
      reason: outcome.reason,
      httpStatus: outcome.httpStatus,
      requestId: outcome.requestId,
      attempts,
      cause: outcome.cause,
    });
  }

  private async attempt<S extends z.ZodType>(
    endpoint: string,
    body: object,
    schema: S,
    attempt: number,
  ): Promise<AttemptOutcome<z.output<S>>> {
    const started = performance.now();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    let response: PostResponse;
    let text: string;
    try {
      response = await this.post(`${this.baseUrl}/${endpoint}`, {
        method: 'POST',
        headers: {
          'authorization': this.authHeader,
          'content-type': 'application/json',
          'accept': 'application/json; version=1',
        },
        body: JSON.stringify(body),
        signal: controller.signal,
      });
      text = await response.text();
    } catch (cause) {
      const timedOut = controller.signal.aborted;
      return {
        kind: 'retry',
        reason: timedOut ? `timed out after ${this.timeoutMs} ms` : `connection failed: ${(cause as Error).message}`,
        // A connection refused never reached Ashby; a timeout or reset may have.
        sent: timedOut || !isConnectRefused(cause),
        cause,
      };
    } finally {
      clearTimeout(timer);
    }

    const requestId = response.headers.get('x-ashby-request-id') ?? undefined;
    const log = {
      endpoint,
      requestId,
      httpStatus: response.status,
      attempt,
      ms: Math.round(performance.now() - started),
    };
    this.logger.debug(log, 'ashby call');

    if (response.status === 429 || response.status >= 500) {
      return {
        kind: 'retry',
        reason: `HTTP ${response.status}`,
        httpStatus: response.status,
        requestId,
        retryAfterMs: parseRetryAfterMs(response.headers.get('retry-after')),
        sent: true,
        refused: response.status === 429,
      };
    }

    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      if (response.status === 401 || response.status === 403) {
        throw new AshbyAuthError({
          endpoint,
          code: `http_${response.status}`,
          message: 'API key rejected',
          requestId,
          httpStatus: response.status,
        });
      }
      throw new AshbyResponseShapeError({
        endpoint,
        field: 'body',
        problem: `not JSON (HTTP ${response.status})`,
        requestId,
      });
    }

    const failure = errorEnvelopeSchema.safeParse(json);
    if (failure.success || response.status >= 400) {
      const info = failure.success ? failure.data : undefined;
      const code = info ? errorCodeOf(info) : `http_${response.status}`;
      const args = {
        endpoint,
        code,
        message: info?.errorInfo?.message ?? code,
        requestId: info?.errorInfo?.requestId ?? requestId,
        httpStatus: response.status,
        meta: info?.errorInfo?.meta,
      };
      if (RATE_LIMIT_CODES.has(code)) {
        // Documented for reports with HTTP 429; treated the same whatever the status.
        return {
          kind: 'retry',
          reason: code,
          httpStatus: response.status,
          requestId: args.requestId,
          retryAfterMs: parseRetryAfterMs(response.headers.get('retry-after')),
          sent: true,
          refused: true,
        };
      }
      this.logger.info({ ...log, code }, 'ashby call returned an error');
      if (code === 'missing_endpoint_permission') throw new AshbyPermissionError(args);
      if (response.status === 401 || response.status === 403) throw new AshbyAuthError(args);
      if (SYNC_RESET_CODES.has(code)) throw new AshbySyncResetError(args);
      throw new AshbyApiError(args);
    }

    const envelope = successEnvelopeSchema.safeParse(json);
    if (!envelope.success) {
      const { field, problem } = describeZodError(envelope.error, 'body');
      throw new AshbyResponseShapeError({ endpoint, field, problem, requestId });
    }
    const results = schema.safeParse(envelope.data.results);
    if (!results.success) {
      const { field, problem } = describeZodError(results.error, 'results');
      throw new AshbyResponseShapeError({ endpoint, field, problem, requestId });
    }
    return {
      kind: 'ok',
      value: {
        results: results.data,
        moreDataAvailable: envelope.data.moreDataAvailable,
        nextCursor: envelope.data.nextCursor ?? undefined,
        syncToken: envelope.data.syncToken ?? undefined,
        requestId,
        warnings: envelope.data.warnings,
      },
    };
  }
}

/** node:http reports the refusal itself; fetch wraps it in a TypeError's `cause`. */
function isConnectRefused(cause: unknown): boolean {
  const err = cause as { code?: string; cause?: { code?: string } } | undefined;
  return err?.code === 'ECONNREFUSED' || err?.cause?.code === 'ECONNREFUSED';
}
