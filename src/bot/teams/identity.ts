import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Reviewer } from '../ports.ts';
import { asTeamsDeliveryError } from './errors.ts';
import type { TeamsServices } from './services.ts';

/** A Teams user as the roster knows them: their Entra object id and their email (or UPN). */
export interface TeamsPerson {
  teamsId: string;
  aadObjectId?: string;
  email?: string;
}

/** Who a Teams user is: TeamsInfo.getMember (the conversation's or team's roster) in production. */
export interface Roster {
  member(context: TurnContext, teamsUserId: string): Promise<TeamsPerson | null>;
}

export const teamsRoster: Roster = {
  async member(context, teamsUserId) {
    try {
      const m = await TeamsInfo.getMember(context, teamsUserId);
      const email = m.email || m.userPrincipalName || undefined;
      return { teamsId: m.id, ...(m.aadObjectId ? { aadObjectId: m.aadObjectId } : {}), ...(email ? { email } : {}) };
    } catch (err) {
      const failure = asTeamsDeliveryError(err, 'member', 'getMember').failure;
      if (failure.kind === 'recipient') return null; // not in this roster (left the team)
      throw asTeamsDeliveryError(err, 'member', 'getMember');
    }
  },
};

const TTL_MS = 10 * 60_000;

/**
 * Teams users matched to Ashby users by the email the roster gives (Teams has verified it; a display
 * name or a typed address would not do). Remembered for a few minutes per user, so a click does not
 * cost a roster call and an Ashby lookup each.
 */
export class TeamsReviewers {
  private readonly cache = new Map<string, { at: number; person: TeamsPerson | null; reviewer: Reviewer | null }>();

  constructor(
    private readonly roster: Roster,
    private readonly services: Pick<TeamsServices, 'resolveReviewer'>,
  ) {}

  /** The sender of the turn's activity: their roster entry and their Ashby reviewer (null: no match). */
  async of(context: TurnContext): Promise<{ person: TeamsPerson | null; reviewer: Reviewer | null }> {
    const from = context.activity.from;
    if (!from?.id) return { person: null, reviewer: null };
    const hit = this.cache.get(from.id);
    if (hit && Date.now() - hit.at < TTL_MS) return hit;
    const person = await this.roster.member(context, from.id);
    const reviewer = person?.email ? await this.services.resolveReviewer(person.email) : null;
    const entry = { at: Date.now(), person, reviewer };
    this.cache.set(from.id, entry);
    if (this.cache.size > 5000) this.cache.delete(this.cache.keys().next().value!);
    return entry;
  }
}

/** How to find a person's 1:1 chat with Skima: by their Entra id, else by their email. */
export const personalOf = (person: TeamsPerson) => ({
  userId: recipientOf(person),
  ...(person.email ? { email: person.email } : {}),
});

/** The key a person's cards are stored under (PostedCard.recipient): their Entra object id, else their Teams id. */
export const recipientOf = (person: TeamsPerson) => person.aadObjectId ?? person.teamsId;
