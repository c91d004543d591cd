import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AshbyApiError } from '../../src/ashby/errors.ts';
import { deltaSync, InMemorySyncStateStore } from '../../src/ashby/sync.ts';
import { application, BASE, nockClient } from './helpers.ts';

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
});

const page = (ids: string[], next?: { cursor?: string; syncToken?: string }) => ({
  success: true,
  results: ids.map((id) => application(id)),
  moreDataAvailable: Boolean(next?.cursor),
  ...(next?.cursor ? { nextCursor: next.cursor } : {}),
  ...(next?.syncToken ? { syncToken: next.syncToken } : {}),
});

const failure = (code: string) => ({ success: false, errors: [code], errorInfo: { code, message: code } });

describe('pagination', () => {
  it('follows nextCursor until moreDataAvailable is false, with limit <= 100', async () => {
    nock(BASE)
      .post('/application.list', { limit: 100 })
      .reply(200, page(['a1', 'a2'], { cursor: 'c2' }));
    nock(BASE)
      .post('/application.list', { limit: 100, cursor: 'c2' })
      .reply(200, page(['a3'], { syncToken: 't1' }));
    const { client } = nockClient();
    const ids: string[] = [];
    for await (const a of client.application.list({ limit: 500 })) ids.push(a.id);
    expect(ids).toEqual(['a1', 'a2', 'a3']);
  });
});

describe('deltaSync', () => {
  it('runs a full sync, saves the token, then syncs incrementally from it', async () => {
    const { client } = nockClient();
    const store = new InMemorySyncStateStore();
    nock(BASE)
      .post('/application.list', { limit: 100 })
      .reply(200, page(['a1'], { cursor: 'c2' }));
    nock(BASE)
      .post('/application.list', { limit: 100, cursor: 'c2' })
      .reply(200, page(['a2'], { syncToken: 't1' }));
    const seen: string[] = [];
    const first = await deltaSync({
      transport: client.transport,
      resource: 'application',
      store,
      onPage: async (items) => {
        seen.push(...items.map((i) => i.id));
      },
    });
    expect(first).toEqual({ mode: 'full', pages: 2, items: 2, restarts: 0 });
    expect(await store.get('application')).toBe('t1');

    nock(BASE)
      .post('/application.list', { limit: 100, syncToken: 't1' })
      .reply(200, page(['a2'], { syncToken: 't2' }));
    const second = await deltaSync({
      transport: client.transport,
      resource: 'application',
      store,
      onPage: async (items) => {
        seen.push(...items.map((i) => i.id));
      },
    });
    expect(second.mode).toBe('incremental');
    expect(seen).toEqual(['a1', 'a2', 'a2']);
    expect(await store.get('application')).toBe('t2');
  });

  for (const code of [
    'sync_token_expired',
    'sync_token_invalid',
    'incremental_sync_too_large',
    'next_cursor_expired',
    'invalid_next_cursor',
  ]) {
    it(`drops the state and runs a full sync on ${code}`, async () => {
      const { client } = nockClient();
      const store = new InMemorySyncStateStore();
      await store.save('candidate', 'old');
      const candidate = (id: string) => ({
        id,
        name: id,
        emailAddresses: [],
        phoneNumbers: [],
        socialLinks: [],
        tags: [],
        applicationIds: [],
        fileHandles: [],
        profileUrl: 'u',
      });
      nock(BASE)
        .post('/candidate.list', { limit: 100, syncToken: 'old' })
        .reply(200, { success: true, results: [candidate('c0')], moreDataAvailable: true, nextCursor: 'x' });
      nock(BASE).post('/candidate.list', { limit: 100, syncToken: 'old', cursor: 'x' }).reply(200, failure(code));
      nock(BASE)
        .post('/candidate.list', { limit: 100 })
        .reply(200, { success: true, results: [candidate('c1')], moreDataAvailable: false, syncToken: 'fresh' });
      const modes: string[] = [];
      const result = await deltaSync({
        transport: client.transport,
        resource: 'candidate',
        store,
        onPage: async (_items, mode) => {
          modes.push(mode);
        },
      });
      expect(result).toMatchObject({ mode: 'full', restarts: 1, items: 1 });
      expect(modes).toEqual(['incremental', 'full']);
      expect(await store.get('candidate')).toBe('fresh');
    });
  }

  it('keeps the old token when a pass fails part-way', async () => {
    const { client } = nockClient();
    const store = new InMemorySyncStateStore();
    await store.save('job', 'keep');
    nock(BASE).post('/job.list').reply(200, failure('invalid_input'));
    await expect(
      deltaSync({ transport: client.transport, resource: 'job', store, onPage: async () => {} }),
    ).rejects.toBeInstanceOf(AshbyApiError);
    expect(await store.get('job')).toBe('keep');
  });

  it('does not save a token when the page handler throws', async () => {
    const { client } = nockClient();
    const store = new InMemorySyncStateStore();
    nock(BASE)
      .post('/user.list')
      .reply(200, { success: true, results: [], moreDataAvailable: false, syncToken: 'never' });
    await expect(
      deltaSync({
        transport: client.transport,
        resource: 'user',
        store,
        onPage: async () => {
          throw new Error('db down');
        },
      }),
    ).rejects.toThrow('db down');
    expect(await store.get('user')).toBeUndefined();
  });
});
