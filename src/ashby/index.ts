/** Public surface of the Ashby boundary, for core/ to compose. */
export { backoffDelayMs, DEFAULT_BACKOFF, parseRetryAfterMs } from './backoff.ts';
export { AshbyClient, type AshbyClientOptions, type FileUploadInput, type NoteInput } from './client.ts';
export * from './errors.ts';
export { AshbyFileTransferError } from './file-transfer.ts';
export type { AshbyLogger } from './logger.ts';
export { MAX_PAGE_SIZE, type Page, paginate, paginateItems } from './pagination.ts';
export { DEFAULT_GATE_OPTIONS, type RateBudget, RequestGate, type RequestGateOptions } from './request-gate.ts';
export * from './schemas/common.ts';
export * from './schemas/objects.ts';
export * from './schemas/webhooks.ts';
export {
  type DeltaSyncOptions,
  type DeltaSyncResult,
  deltaSync,
  InMemorySyncStateStore,
  SYNC_RESOURCES,
  type SyncResource,
  type SyncStateStore,
} from './sync.ts';
export { AshbyTransport, type CallResult, type TransientFailure, type TransportOptions } from './transport.ts';
export {
  signAshbyBody,
  verifyAshbyWebhook,
  type WebhookInput,
  type WebhookVerification,
} from './webhook-verification.ts';
