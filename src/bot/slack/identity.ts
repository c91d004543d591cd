import type { Reviewer } from '../ports.ts';
import type { SlackServices } from './services.ts';
import type { SlackApi } from './slack-api.ts';

const TTL_MS = 5 * 60_000;

/**
 * Slack user → Ashby user, by the email Slack verified. Remembered for a few minutes per front door
 * (not per module), so a burst of clicks costs one users.info; a changed role or email applies soon.
 */
export class ReviewerDirectory {
  private readonly known = new Map<string, { reviewer: Reviewer | null; at: number }>();

  constructor(
    private readonly slack: SlackApi,
    private readonly services: SlackServices,
    private readonly now: () => number = Date.now,
  ) {}

  async reviewerOf(slackUserId: string): Promise<Reviewer | null> {
    const hit = this.known.get(slackUserId);
    if (hit && this.now() - hit.at < TTL_MS) return hit.reviewer;
    const email = await this.slack.emailOfUser(slackUserId);
    const reviewer = email ? await this.services.resolveReviewer(email) : null;
    this.known.set(slackUserId, { reviewer, at: this.now() });
    return reviewer;
  }
}
