import type { AshbyCandidate } from '../../ashby/index.ts';
import type { AppContext } from '../context.ts';
import { normaliseProfileUrl, phoneDigits, type ResumeContact } from './contact.ts';

export type MatchedBy = 'email' | 'phone' | 'profile URL' | 'an earlier upload';

/** The Ashby candidate a resume belongs to, if Ashby has them: by email, then phone, then profile URL
 * (`candidate.search` takes an email or a name, so phone and URL are matched among those of the name),
 * or a candidate an earlier upload of the same file or person found or made. */
export async function findExistingCandidate(
  ctx: AppContext,
  contact: ResumeContact,
  keys: string[],
): Promise<{ candidate: AshbyCandidate; matchedBy: MatchedBy } | undefined> {
  const { client } = ctx.ashby;
  const named = { where: { key: { in: keys }, candidateId: { not: null } }, orderBy: { claimedAt: 'asc' as const } };
  // The person claim names the candidate as soon as they exist; the job's claim (all there was before
  // it) only once their application does.
  const earlier = (await ctx.db.candidateClaim.findFirst(named)) ?? (await ctx.db.candidateIntake.findFirst(named));
  if (earlier?.candidateId) {
    return { candidate: await client.candidate.info(earlier.candidateId), matchedBy: 'an earlier upload' };
  }
  if (contact.email) {
    const [byEmail] = await client.candidate.search({ email: contact.email });
    if (byEmail) return { candidate: byEmail, matchedBy: 'email' };
  }
  if (!contact.name || (!contact.phone && !contact.profileUrl)) return undefined;
  const namesakes = await client.candidate.search({ name: contact.name });
  if (contact.phone) {
    const digits = phoneDigits(contact.phone);
    const byPhone = namesakes.find((c) => c.phoneNumbers.some((p) => phoneDigits(p.value) === digits));
    if (byPhone) return { candidate: byPhone, matchedBy: 'phone' };
  }
  if (contact.profileUrl) {
    const byUrl = namesakes.find((c) => c.socialLinks.some((l) => normaliseProfileUrl(l.url) === contact.profileUrl));
    if (byUrl) return { candidate: byUrl, matchedBy: 'profile URL' };
  }
  return undefined;
}
