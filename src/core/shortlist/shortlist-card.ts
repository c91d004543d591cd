import { jobRequirements } from '../job-requirements.ts';
import { storedEdits } from '../requirements/edits.ts';
import type { CandidateCard, CardDecision, CardReason, DecisionChannel, ShortlistCard, Verdict } from '../../bot/card-model.ts';
import type { Db } from '../../db/client.ts';
import { scoreBand } from '../../scoring/index.ts';
import { currentShortlist } from './shortlist.ts';

export class UnknownJobError extends Error {}

export interface ShortlistCardOptions {
  /** The Ashby user the card is drawn for: fills each candidate's `reviewerDecision`. */
  reviewerId?: string;
  /** Hide candidate names (the config's redaction mode, or a per-link choice). */
  redact: boolean;
  now?: Date;
}

/**
 * Builds a job's shortlist card from what is persisted: the stored top-N, each entry's latest score
 * with its reasons and missing must-haves, and the decisions taken on it. A fixed number of queries whatever N is.
 */
export async function buildShortlistCard(db: Db, jobId: string, options: ShortlistCardOptions): Promise<ShortlistCard> {
  const job = await db.job.findUnique({ where: { id: jobId } });
  if (!job) throw new UnknownJobError(`no job ${jobId} is known to Skima`);
  const entries = await currentShortlist(db, jobId);
  const ids = entries.map((e) => e.applicationId);
  const [apps, screened, unscorable, skippedActive] = await Promise.all([
    db.application.findMany({
      where: { id: { in: ids } },
      include: {
        candidate: { select: { name: true } },
        scores: { orderBy: { createdAt: 'desc' }, take: 1 },
        decisions: { orderBy: { createdAt: 'desc' } },
      },
    }),
    db.application.count({ where: { jobId, currentScore: { not: null } } }),
    db.application.count({ where: { jobId, screeningState: { in: ['unreadable', 'no_resume'] } } }),
    // As core/disposition's skippedApplicationIds counts them: what "Archive skipped…" would act on.
    db.application.count({ where: { jobId, latestVerdict: 'skip', status: { in: ['Active', 'Lead'] } } }),
  ]);
  const byId = new Map(apps.map((a) => [a.id, a]));
  const candidates: CandidateCard[] = [];
  for (const entry of entries) {
    const app = byId.get(entry.applicationId);
    const score = app?.scores[0];
    if (!app || !score) continue; // deleted or rescored between the two reads: the next refresh settles it
    const decisions = app.decisions.map(toCardDecision);
    candidates.push({
      applicationId: app.id,
      rank: entry.rank,
      score: entry.score,
      band: scoreBand(entry.score),
      ...(options.redact || !app.candidate.name ? {} : { candidateName: app.candidate.name }),
      reasons: score.reasons as unknown as CardReason[],
      missing: score.missing as unknown as string[],
      scoredAt: score.createdAt,
      scorerVersion: score.scorerVersion,
      latestDecision: decisions[0] ?? null,
      reviewerDecision: options.reviewerId ? decisions.find((d) => d.reviewerId === options.reviewerId) ?? null : null,
    });
  }
  return {
    jobId: job.id,
    jobTitle: job.title,
    department: job.departmentName,
    location: job.locationName,
    redacted: options.redact,
    counts: { screened, unscorable, awaitingDecision: candidates.filter((c) => !c.latestDecision).length },
    candidates,
    skippedActive,
    requirements: jobRequirements(job.descriptionText, storedEdits(job.requirementEdits))
      .filter((r) => !r.condition)
      .map(({ label, mustHave, essential, rule, edited, quality }) => ({
        label,
        mustHave,
        essential,
        rule,
        edited,
        ...(quality ? { quality } : {}),
      })),
    generatedAt: options.now ?? new Date(),
  };
}

function toCardDecision(d: {
  verdict: string;
  note: string | null;
  reviewerId: string;
  reviewerName: string;
  channel: string;
  createdAt: Date;
}): CardDecision {
  return {
    verdict: d.verdict as Verdict,
    note: d.note,
    reviewerId: d.reviewerId,
    reviewerName: d.reviewerName,
    channel: d.channel as DecisionChannel,
    at: d.createdAt,
  };
}
