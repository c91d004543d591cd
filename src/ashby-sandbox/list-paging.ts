import { createHmac, timingSafeEqual } from 'node:crypto';
import { SandboxApiError } from './sandbox-error.ts';

/** One listable resource: items addressed by a stable, append-only index. */
export interface ListSource {
  resource: string;
  count(): number;
  /** The item's JSON, or undefined when it is filtered out or deleted. */
  item(index: number): object | undefined;
  /** Indices changed in (after, upto], oldest change first; at most `max` of them. */
  changed(after: number, upto: number, max?: number): number[];
  seqOf(index: number): number;
}

export interface PagingSettings {
  secret: string;
  now: number;
  currentSeq: number;
  /** Bumped by the control API to expire every token and cursor at once. */
  epoch: number;
  syncTokenTtlMs: number;
  cursorTtlMs: number;
  /** Incremental passes changing more than this many records get incremental_sync_too_large. */
  maxIncrementalRecords: number;
}

interface CursorPayload {
  r: string;
  m: 'full' | 'inc';
  /** full: next index to scan; inc: last change sequence returned. */
  p: number;
  /** Upper bound of the pass (change sequence when it began). */
  u: number;
  t: number;
  e: number;
}
interface TokenPayload {
  r: string;
  s: number;
  t: number;
  e: number;
}

function seal(payload: object, secret: string): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  const mac = createHmac('sha256', secret).update(body).digest('base64url').slice(0, 16);
  return `${body}.${mac}`;
}

function unseal<T>(value: unknown, secret: string): T | undefined {
  if (typeof value !== 'string') return undefined;
  const [body, mac] = value.split('.');
  if (!body || !mac) return undefined;
  const expected = createHmac('sha256', secret).update(body).digest('base64url').slice(0, 16);
  if (expected.length !== mac.length || !timingSafeEqual(Buffer.from(expected), Buffer.from(mac))) return undefined;
  try {
    return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as T;
  } catch {
    return undefined;
  }
}

export interface ListPage {
  results: object[];
  moreDataAvailable: boolean;
  nextCursor?: string;
  syncToken?: string;
}

/**
 * Ashby's pagination and incremental sync over a ListSource. Full passes walk indices; incremental
 * passes walk change sequence numbers. The last page carries a sync token for the pass's start.
 */
export function listPage(
  source: ListSource,
  body: { cursor?: unknown; syncToken?: unknown; limit?: unknown },
  s: PagingSettings,
): ListPage {
  const limit = typeof body.limit === 'number' ? Math.max(1, Math.min(100, Math.floor(body.limit))) : 100;
  let state: CursorPayload;

  if (body.cursor !== undefined) {
    const c = unseal<CursorPayload>(body.cursor, s.secret);
    if (!c || c.r !== source.resource)
      throw new SandboxApiError('invalid_next_cursor', 'The cursor is not valid for this endpoint');
    if (c.e !== s.epoch || s.now - c.t > s.cursorTtlMs)
      throw new SandboxApiError('next_cursor_expired', 'The cursor has expired; start the pagination again');
    state = c;
  } else if (body.syncToken !== undefined) {
    const t = unseal<TokenPayload>(body.syncToken, s.secret);
    if (!t || t.r !== source.resource)
      throw new SandboxApiError('sync_token_invalid', 'The sync token is not valid for this endpoint');
    if (t.e !== s.epoch || s.now - t.t > s.syncTokenTtlMs)
      throw new SandboxApiError('sync_token_expired', 'The sync token has expired; run a full sync');
    const pending = source.changed(t.s, s.currentSeq, s.maxIncrementalRecords + 1).length;
    if (pending > s.maxIncrementalRecords) {
      throw new SandboxApiError(
        'incremental_sync_too_large',
        `More than ${s.maxIncrementalRecords} records changed since this token; discard it and run a full sync`,
      );
    }
    state = { r: source.resource, m: 'inc', p: t.s, u: s.currentSeq, t: s.now, e: s.epoch };
  } else {
    state = { r: source.resource, m: 'full', p: 0, u: s.currentSeq, t: s.now, e: s.epoch };
  }

  const results: object[] = [];
  let more: boolean;
  if (state.m === 'full') {
    const count = source.count();
    let i = state.p;
    for (; i < count && results.length < limit; i++) {
      const item = source.item(i);
      if (item) results.push(item);
    }
    more = i < count;
    state = { ...state, p: i, t: s.now };
  } else {
    const changed = source.changed(state.p, state.u, limit + 1);
    const slice = changed.slice(0, limit);
    for (const i of slice) {
      const item = source.item(i);
      if (item) results.push(item);
    }
    more = changed.length > slice.length;
    const last = slice[slice.length - 1];
    state = { ...state, p: last === undefined ? state.p : source.seqOf(last), t: s.now };
  }

  if (more) return { results, moreDataAvailable: true, nextCursor: seal(state, s.secret) };
  return {
    results,
    moreDataAvailable: false,
    syncToken: seal({ r: source.resource, s: state.u, t: s.now, e: s.epoch } satisfies TokenPayload, s.secret),
  };
}

/** A ListSource over a small in-memory array whose records carry their own `seq`. */
export function arraySource<T extends { seq: number }>(
  resource: string,
  items: readonly T[],
  toJson: (item: T) => object | undefined,
): ListSource {
  return {
    resource,
    count: () => items.length,
    item: (i) => {
      const it = items[i];
      return it ? toJson(it) : undefined;
    },
    changed: (after, upto, max = Infinity) =>
      items
        .map((it, i) => [it.seq, i] as const)
        .filter(([seq]) => seq > after && seq <= upto)
        .sort((a, b) => a[0] - b[0])
        .slice(0, max)
        .map(([, i]) => i),
    seqOf: (i) => items[i]?.seq ?? 0,
  };
}
