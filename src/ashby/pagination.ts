import { z } from 'zod';
import type { AshbyTransport } from './transport.ts';

/** Ashby's maximum (and default) page size. */
export const MAX_PAGE_SIZE = 100;

export interface Page<T> {
  items: T[];
  /** Present on the last page of an endpoint that supports incremental sync. */
  syncToken: string | undefined;
  requestId: string | undefined;
}

/**
 * Walks a cursor-paginated list endpoint page by page. `syncToken` (when given) is sent with every
 * page, as in the spec's own example; Ashby answers only what changed since that token.
 */
export async function* paginate<T>(
  transport: AshbyTransport,
  endpoint: string,
  body: Record<string, unknown>,
  itemSchema: z.ZodType<T>,
): AsyncGenerator<Page<T>> {
  const listSchema = z.array(itemSchema);
  let cursor: string | undefined;
  for (;;) {
    const request = {
      ...body,
      limit: Math.min(Number(body.limit ?? MAX_PAGE_SIZE), MAX_PAGE_SIZE),
      ...(cursor ? { cursor } : {}),
    };
    const page = await transport.call(endpoint, request, listSchema);
    const more = page.moreDataAvailable === true && Boolean(page.nextCursor);
    yield { items: page.results, syncToken: more ? undefined : page.syncToken, requestId: page.requestId };
    if (!more) return;
    cursor = page.nextCursor;
  }
}

/** Flattens `paginate` into the items themselves. */
export async function* paginateItems<T>(
  transport: AshbyTransport,
  endpoint: string,
  body: Record<string, unknown>,
  itemSchema: z.ZodType<T>,
): AsyncGenerator<T> {
  for await (const page of paginate(transport, endpoint, body, itemSchema)) yield* page.items;
}
