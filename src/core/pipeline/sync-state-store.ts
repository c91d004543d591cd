import type { SyncResource, SyncStateStore } from '../../ashby/index.ts';
import type { Db } from '../../db/client.ts';

/** Delta-sync tokens kept in the database, one per Ashby resource. */
export class DbSyncStateStore implements SyncStateStore {
  constructor(private readonly db: Db) {}

  async get(resource: SyncResource): Promise<string | undefined> {
    const row = await this.db.syncState.findUnique({ where: { resource } });
    return row?.syncToken ?? undefined;
  }

  async save(resource: SyncResource, token: string, mode: 'full' | 'incremental'): Promise<void> {
    const now = new Date();
    const data = { syncToken: token, lastSyncAt: now, ...(mode === 'full' ? { lastFullSyncAt: now } : {}) };
    await this.db.syncState.upsert({ where: { resource }, create: { resource, ...data }, update: data });
  }

  async clear(resource: SyncResource): Promise<void> {
    await this.db.syncState.updateMany({ where: { resource }, data: { syncToken: null } });
  }
}
