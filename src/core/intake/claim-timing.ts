/** How long an upload waits for another that holds the same keys before asking to try again. */
export const CLAIM_WAIT_MS = 60_000;
/** A claim this old with no result belongs to an upload that died: the next one takes it over. */
export const STALE_CLAIM_MS = 5 * 60_000;
export const CLAIM_POLL_MS = 200;
