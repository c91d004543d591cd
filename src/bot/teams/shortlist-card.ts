import type { Reviewer } from '../ports.ts';
import { type AdaptiveCardJson, shortlistAdaptiveCard } from './adaptive-card.ts';
import type { TeamsServices } from './services.ts';

/** A job's shortlist card for one reviewer as every Teams path draws it: with the skip reasons beside
 * each candidate (the core's short list) and, after a click, a line saying what it did. */
export async function drawShortlist(
  services: TeamsServices,
  jobId: string,
  reviewer: Reviewer,
  notice?: string,
): Promise<AdaptiveCardJson> {
  const [card, skipReasons] = await Promise.all([services.buildCard(jobId, reviewer), services.skipReasons()]);
  return shortlistAdaptiveCard(card, { skipReasons, ...(notice ? { notice } : {}) });
}
