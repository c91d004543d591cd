import type { AppContext } from '../context.ts';

/** The reason Skima adds to Ashby's: the hiring manager read the requirements and the resume misses them. */
export const REQUIREMENTS_SKIP_REASON = { id: 'requirements', text: 'Not a fit for the requirements' } as const;

/** Ashby's list changes rarely; a page load or a modal should not cost an Ashby call each. */
const TTL_MS = 10 * 60_000;
const cache = new WeakMap<AppContext, { at: number; list: Promise<SkipReason[]> }>();

export interface SkipReason {
  /** An Ashby archive reason id, or "requirements". */
  id: string;
  text: string;
}

/**
 * The short list a Skip may give a reason from: Ashby's archive reasons that fit a manager's skip (the
 * organisation's own rejections, `RejectedByOrg`: not "withdrew" or "position filled"), then "Not a fit
 * for the requirements". When Ashby cannot be read, that one alone: a skip never waits on Ashby.
 */
export function skipReasons(ctx: AppContext): Promise<SkipReason[]> {
  const kept = cache.get(ctx);
  if (kept && Date.now() - kept.at < TTL_MS) return kept.list;
  const list = ctx.ashby.client.archiveReason
    .list()
    .then((reasons) => [
      ...reasons
        .filter((r) => !r.isArchived && r.reasonType === 'RejectedByOrg')
        .map((r) => ({ id: r.id, text: r.text })),
      { ...REQUIREMENTS_SKIP_REASON },
    ])
    .catch((err: unknown) => {
      ctx.log.warn({ err }, 'could not read Ashby\'s archive reasons for the skip reasons; offering Skima\'s own only');
      cache.delete(ctx);
      return [{ ...REQUIREMENTS_SKIP_REASON }];
    });
  cache.set(ctx, { at: Date.now(), list });
  return list;
}

/**
 * The list for a page or a modal that must not wait on Ashby (a slow Ashby is retried for many
 * seconds; Slack's trigger lasts three): Skima's own reason alone when Ashby's list takes longer than
 * `waitMs`. The read goes on and is remembered for the next time.
 */
export async function skipReasonsSoon(ctx: AppContext, waitMs = 1_500): Promise<SkipReason[]> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<SkipReason[]>((resolve) => {
    timer = setTimeout(() => resolve([{ ...REQUIREMENTS_SKIP_REASON }]), waitMs);
  });
  try {
    return await Promise.race([skipReasons(ctx), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** A skip reason by its id (as a form or modal sends it), in the list's words; undefined if not on the list. */
export async function skipReasonText(ctx: AppContext, id: string): Promise<string | undefined> {
  return (await skipReasons(ctx)).find((r) => r.id === id)?.text;
}
