import type { z } from 'zod';
import { AshbySyncResetError } from './errors.ts';
import { type AshbyLogger, silentLogger } from './logger.ts';
import { paginate } from './pagination.ts';
import { interviewPlanSchema, tagSchema, userSchema } from './schemas/common.ts';
import { applicationSchema, candidateSchema, customFieldDefinitionSchema, jobSchema } from './schemas/objects.ts';
import type { AshbyTransport } from './transport.ts';

/** List endpoints that accept a `syncToken`, with the schema of their items. */
export const SYNC_RESOURCES = {
  application: { endpoint: 'application.list', schema: applicationSchema },
  candidate: { endpoint: 'candidate.list', schema: candidateSchema },
  job: { endpoint: 'job.list', schema: jobSchema },
  candidateTag: { endpoint: 'candidateTag.list', schema: tagSchema },
  customField: { endpoint: 'customField.list', schema: customFieldDefinitionSchema },
  user: { endpoint: 'user.list', schema: userSchema },
  interviewPlan: { endpoint: 'interviewPlan.list', schema: interviewPlanSchema },
} as const;

export type SyncResource = keyof typeof SYNC_RESOURCES;
export type SyncItem<R extends SyncResource> = z.output<(typeof SYNC_RESOURCES)[R]['schema']>;

/** Where sync tokens live between runs. The core implements it on the database. */
export interface SyncStateStore {
  get(resource: SyncResource): Promise<string | undefined>;
  /** Keeps the token a pass ended with; `mode` says whether that pass read everything. */
  save(resource: SyncResource, token: string, mode: 'full' | 'incremental'): Promise<void>;
  clear(resource: SyncResource): Promise<void>;
}

/** For tests and the sandbox demo: tokens kept in a Map. */
export class InMemorySyncStateStore implements SyncStateStore {
  private readonly tokens = new Map<SyncResource, string>();
  async get(resource: SyncResource) {
    return this.tokens.get(resource);
  }

  async save(resource: SyncResource, token: string) {
    this.tokens.set(resource, token);
  }

  async clear(resource: SyncResource) {
    this.tokens.delete(resource);
  }
}

export interface DeltaSyncOptions<R extends SyncResource> {
  transport: AshbyTransport;
  resource: R;
  store: SyncStateStore;
  /** Called once per page; a throw aborts the pass and leaves the stored token untouched. */
  onPage: (items: SyncItem<R>[], mode: 'full' | 'incremental') => Promise<void>;
  /** Extra filters; keep them identical between runs so tokens stay meaningful. */
  filters?: Record<string, unknown>;
  logger?: AshbyLogger;
  /** Full restarts allowed after reset codes before giving up (guards against a loop). */
  maxRestarts?: number;
}

export interface DeltaSyncResult {
  mode: 'full' | 'incremental';
  pages: number;
  items: number;
  /** How many times the pass was restarted from scratch after a token or cursor error. */
  restarts: number;
}

/**
 * One delta-sync pass: incremental from the stored token when there is one, else full. On a token or
 * cursor error the stored token is dropped and a full sync runs. The new token is saved only after
 * every page was handled, so a crash mid-pass repeats work rather than losing it.
 */
export async function deltaSync<R extends SyncResource>(options: DeltaSyncOptions<R>): Promise<DeltaSyncResult> {
  const { transport, resource, store, onPage } = options;
  const logger = options.logger ?? silentLogger;
  const maxRestarts = options.maxRestarts ?? 3;
  const { endpoint, schema } = SYNC_RESOURCES[resource];
  let restarts = 0;

  for (;;) {
    const token = await store.get(resource);
    const mode = token ? 'incremental' : 'full';
    let pages = 0;
    let items = 0;
    let finalToken: string | undefined;
    try {
      const body = { ...options.filters, ...(token ? { syncToken: token } : {}) };
      for await (const page of paginate(transport, endpoint, body, schema as unknown as z.ZodType<SyncItem<R>>)) {
        await onPage(page.items, mode);
        pages++;
        items += page.items.length;
        finalToken = page.syncToken ?? finalToken;
      }
    } catch (error) {
      if (error instanceof AshbySyncResetError && restarts < maxRestarts) {
        restarts++;
        logger.warn(
          { resource, code: error.code, requestId: error.requestId, restarts },
          'ashby sync state unusable; running a full sync',
        );
        await store.clear(resource);
        continue;
      }
      throw error;
    }
    if (finalToken) await store.save(resource, finalToken, mode);
    logger.info({ resource, mode, pages, items, restarts }, 'ashby delta sync pass complete');
    return { mode, pages, items, restarts };
  }
}
