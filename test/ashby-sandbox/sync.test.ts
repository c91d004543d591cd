import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AshbySyncResetError } from '../../src/ashby/errors.ts';
import { type RunningSandbox, startSandbox } from '../../src/ashby-sandbox/server.ts';
import { deltaSync, InMemorySyncStateStore } from '../../src/ashby/sync.ts';
import { collect, sandboxClient, take } from './helpers.ts';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'demo' });
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(() => {
  sandbox.control.reset();
  sandbox.control.updateSettings({ maxIncrementalRecords: 5_000, syncTokenTtlMs: 14 * 86_400_000 });
});

async function syncApplications(store: InMemorySyncStateStore, onFirstPage?: () => void) {
  const client = sandboxClient(sandbox);
  const ids: string[] = [];
  let pages = 0;
  const result = await deltaSync({
    transport: client.transport,
    resource: 'application',
    store,
    onPage: async (items) => {
      if (pages++ === 0) onFirstPage?.();
      ids.push(...items.map((a) => a.id));
    },
  });
  return { result, ids };
}

describe('pagination and delta sync against the sandbox', () => {
  it('pages through every application with cursors of at most 100', async () => {
    const client = sandboxClient(sandbox);
    const pages = await collect(client.application.pages({}));
    expect(pages.map((p) => p.items.length)).toEqual([100, 100, 100]);
    expect(pages[2]?.syncToken).toBeTruthy();
    expect(pages[0]?.syncToken).toBeUndefined();
    expect(new Set(pages.flatMap((p) => p.items.map((a) => a.id))).size).toBe(300);
  });

  it('caps limit at 100 even when asked for more', async () => {
    const client = sandboxClient(sandbox);
    const r = await client.transport.call('application.list', { limit: 1000 }, z.array(z.unknown()));
    expect(r.results).toHaveLength(100);
    expect(r.moreDataAvailable).toBe(true);
  });

  it('returns only what changed since the token', async () => {
    const store = new InMemorySyncStateStore();
    const full = await syncApplications(store);
    expect(full.result.mode).toBe('full');
    expect(full.ids).toHaveLength(300);

    const client = sandboxClient(sandbox);
    const [first] = await take(client.application.list({ limit: 1 }), 1);
    const seniority = (await collect(client.customField.list())).find((f) => f.title === 'Seniority')!;
    await client.customField.setValue({
      objectType: 'Application',
      objectId: first!.id,
      fieldId: seniority.id,
      fieldValue: 'senior',
    });

    const delta = await syncApplications(store);
    expect(delta.result.mode).toBe('incremental');
    expect(delta.ids).toEqual([first!.id]);

    const quiet = await syncApplications(store);
    expect(quiet.ids).toEqual([]);
  });

  it('starts over with a full sync when tokens expire (sync_token_expired)', async () => {
    const store = new InMemorySyncStateStore();
    await syncApplications(store);
    sandbox.control.expireSyncTokens();
    const again = await syncApplications(store);
    expect(again.result).toMatchObject({ mode: 'full', restarts: 1 });
    expect(again.ids).toHaveLength(300);
  });

  it('expires tokens by age too', async () => {
    const store = new InMemorySyncStateStore();
    await syncApplications(store);
    sandbox.control.advanceClock(15 * 86_400_000);
    const again = await syncApplications(store);
    expect(again.result.restarts).toBe(1);
    sandbox.control.advanceClock(-15 * 86_400_000);
  });

  it('recovers from a forged token (sync_token_invalid)', async () => {
    const store = new InMemorySyncStateStore();
    await store.save('application', 'not-a-real-token');
    const r = await syncApplications(store);
    expect(r.result).toMatchObject({ mode: 'full', restarts: 1 });
  });

  it('falls back to a full sync when too much changed (incremental_sync_too_large)', async () => {
    const store = new InMemorySyncStateStore();
    await syncApplications(store);
    sandbox.control.updateSettings({ maxIncrementalRecords: 1 });
    const client = sandboxClient(sandbox);
    const apps = await take(client.application.list({ limit: 3 }), 3);
    const plan = await client.interviewStage.list(apps[0]!.currentInterviewStage!.interviewPlanId);
    const active = plan.filter((s) => s.type === 'Active');
    for (const a of apps.slice(0, 2)) {
      const target = active.find((s) => s.id !== a.currentInterviewStage?.id)!;
      await client.application.changeStage({ applicationId: a.id, interviewStageId: target.id });
    }
    const r = await syncApplications(store);
    expect(r.result).toMatchObject({ mode: 'full', restarts: 1 });
    expect(r.ids).toHaveLength(300);
  });

  it('restarts when the cursor expires mid-pass (next_cursor_expired)', async () => {
    const store = new InMemorySyncStateStore();
    const r = await syncApplications(store, () => sandbox.control.expireSyncTokens());
    expect(r.result.restarts).toBe(1);
    expect(await store.get('application')).toBeTruthy();
  });

  it('rejects a forged cursor with invalid_next_cursor', async () => {
    const client = sandboxClient(sandbox);
    const error = await client.transport.call('application.list', { cursor: 'bogus' }, z.unknown()).catch((e) => e);
    expect(error).toBeInstanceOf(AshbySyncResetError);
    expect(error.code).toBe('invalid_next_cursor');
  });

  it('syncs candidates, jobs, users, tags, fields and plans', async () => {
    const client = sandboxClient(sandbox);
    const store = new InMemorySyncStateStore();
    for (const resource of ['candidate', 'job', 'user', 'candidateTag', 'customField', 'interviewPlan'] as const) {
      const r = await deltaSync({ transport: client.transport, resource, store, onPage: async () => {} });
      expect(r.items, resource).toBeGreaterThan(0);
      expect(await store.get(resource), resource).toBeTruthy();
    }
    await client.candidateTag.create('New Tag');
    const tags: string[] = [];
    await deltaSync({
      transport: client.transport,
      resource: 'candidateTag',
      store,
      onPage: async (items) => {
        tags.push(...items.map((t) => t.title));
      },
    });
    expect(tags).toEqual(['New Tag']);
  });
});
