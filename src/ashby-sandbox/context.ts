import type { ZodType } from 'zod';
import type { Permission, SandboxApiKey } from './api-keys.ts';
import type { PagingSettings } from './list-paging.ts';
import type { OrgState } from './org-state.ts';
import type { FileCache } from './resume-files.ts';
import { SandboxApiError } from './sandbox-error.ts';
import type { WebhookDispatcher } from './webhook-dispatcher.ts';

export interface PendingUpload {
  id: string;
  fileId: string;
  filename: string;
  contentType: string;
  contentLength: number;
  expiresAt: number;
  uploaded: boolean;
}

export interface WriteRecord {
  at: string;
  endpoint: string;
  apiKeyTitle: string;
  body: unknown;
}

/** Everything an endpoint handler may touch. One per running sandbox; nothing is module-global. */
export interface SandboxContext {
  org: OrgState;
  now(): number;
  secret: string;
  baseUrl(): string;
  paging(): PagingSettings;
  webhooks: WebhookDispatcher;
  uploads: Map<string, PendingUpload>;
  writes: WriteRecord[];
  resumeCache: FileCache;
}

export interface HandlerResult {
  results: unknown;
  moreDataAvailable?: boolean;
  nextCursor?: string;
  syncToken?: string;
}

/** An endpoint declares its input schema rather than building one per request: zod compiles a schema
 * when it is made, which was a tenth of the sandbox's CPU under a backfill. */
export interface EndpointDef<I = unknown> {
  permission: Permission;
  write: boolean;
  /** Checked after auth, permission and fault injection, before `handle`. */
  input: ZodType<I>;
  handle(ctx: SandboxContext, input: I, key: SandboxApiKey): HandlerResult | Promise<HandlerResult>;
}

/** Types `handle`'s input from the endpoint's schema; the route only passes it parsed input. */
export function endpoint<I>(def: EndpointDef<I>): EndpointDef {
  return def;
}

/** Parses a request body like Ashby validates input: a failure is invalid_input naming the field. */
export function parseInput<T>(schema: ZodType<T>, body: unknown): T {
  const r = schema.safeParse(body ?? {});
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = issue?.path.join('.') || 'body';
  throw new SandboxApiError('invalid_input', `Invalid input: ${field}: ${issue?.message ?? 'invalid'}`);
}
