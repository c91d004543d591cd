import { randomUUID } from 'node:crypto';
import type { AshbyCandidate } from '../../ashby/index.ts';
import type { AppContext } from '../context.ts';
import { CLAIM_POLL_MS, CLAIM_WAIT_MS, STALE_CLAIM_MS } from './claim-timing.ts';
import type { MatchedBy } from './find-existing.ts';
import { IntakeError } from './intake-error.ts';

// The per-job claim (CandidateIntake) keeps two drops for one job to one application, but two drops of
// the same person for two jobs would each find nobody in Ashby and each create them. Finding or
// creating the candidate is therefore done under a claim of the person's keys for all jobs.

export interface PersonCandidate {
  candidate: AshbyCandidate;
  created: boolean;
  matchedBy: MatchedBy | null;
}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'P2002';
}

/** Claims every key for this holder in one transaction; false when another upload holds one. */
async function claim(ctx: AppContext, keys: string[], holder: string): Promise<boolean> {
  try {
    await ctx.db.$transaction(async (tx) => {
      for (const key of keys) await tx.candidateClaim.create({ data: { key, holder } });
    });
    return true;
  } catch (err) {
    if (isUniqueViolation(err)) return false;
    throw err;
  }
}

/** Finds or creates the candidate while holding the claim; a failure lets go of it, so the next upload can. */
async function hold(
  ctx: AppContext,
  keys: string[],
  holder: string,
  resolve: () => Promise<PersonCandidate>,
): Promise<PersonCandidate> {
  try {
    const found = await resolve();
    await ctx.db.candidateClaim.updateMany({
      where: { key: { in: keys }, holder },
      data: { candidateId: found.candidate.id },
    });
    return found;
  } catch (err) {
    await ctx.db.candidateClaim.deleteMany({ where: { key: { in: keys }, holder, candidateId: null } });
    throw err;
  }
}

/**
 * The person's Ashby candidate, found or created once whatever the job: the upload that claims the
 * person's keys runs `resolve` and records the candidate on the claim; another upload sharing a key, for
 * any job, waits for that and takes the same candidate, read again from Ashby so that its applications
 * are current. If the holder fails, a waiter claims in its place; a claim still without a candidate
 * after five minutes (its upload died) is taken over.
 */
export async function personCandidate(
  ctx: AppContext,
  keys: string[],
  resolve: () => Promise<PersonCandidate>,
): Promise<PersonCandidate> {
  const deadline = Date.now() + CLAIM_WAIT_MS;
  for (;;) {
    const holder = randomUUID();
    if (await claim(ctx, keys, holder)) return hold(ctx, keys, holder, resolve);
    const rows = await ctx.db.candidateClaim.findMany({ where: { key: { in: keys } }, orderBy: { claimedAt: 'asc' } });
    const done = rows.find((r) => r.candidateId);
    if (done?.candidateId) {
      const candidate = await ctx.ashby.client.candidate.info(done.candidateId);
      return { candidate, created: false, matchedBy: 'an earlier upload' };
    }
    const staleBefore = new Date(Date.now() - STALE_CLAIM_MS);
    if (rows.length > 0 && rows.every((r) => r.claimedAt < staleBefore)) {
      // Its upload died: let go of it for it, and claim on the next turn.
      const stale = { key: { in: rows.map((r) => r.key) }, candidateId: null, claimedAt: { lt: staleBefore } };
      await ctx.db.candidateClaim.deleteMany({ where: stale });
    } else if (rows.length > 0) {
      if (Date.now() > deadline) {
        throw new IntakeError('This person is being added by another upload right now; try again shortly.');
      }
      await new Promise((r) => setTimeout(r, CLAIM_POLL_MS));
    }
    // No rows: the holder failed and let go since our claim; claim again at once.
  }
}
