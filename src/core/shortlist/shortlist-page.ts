import { type JobRequirementView, jobRequirements } from '../job-requirements.ts';
import { createHmac } from 'node:crypto';
import type { CandidateCard, CardDecision, DecisionChannel, ShortlistCard, Verdict } from '../../bot/card-model.ts';
import type { AppContext } from '../context.ts';
import { recordDecision } from '../decisions/decisions.ts';
import { evidenceFilename, renderEvidencePdf } from '../pipeline/evidence-pdf.ts';
import {
  identifierPatterns,
  personalDataMask,
  type QuoteContext,
  quoteInContext,
  scoredTexts,
  scrubIdentifiers,
} from './quote-context.ts';
import { type LinkReviewer, reviewerOfLink } from '../links/link-reviewer.ts';
import { buildShortlistCard } from './shortlist-card.ts';
import { type PageRequirements, pageRequirements } from './requirements-on-page.ts';
import { storedEdits } from '../requirements/edits.ts';

/** What a valid share link grants: one job, seen by one reviewer. */
export interface LinkScope {
  linkId: string;
  jobId: string;
  reviewerId: string;
  expiresAt: Date;
}

export interface PageCandidate extends CandidateCard {
  /** Opaque, per link: names a candidate in form fields and URLs instead of its application id. */
  ref: string;
  /** One per reason, in the same order. */
  contexts: QuoteContext[];
}

export interface PastDecision {
  /** The candidate's name, or in redaction mode where they ranked. */
  label: string;
  verdict: Verdict;
  note: string | null;
  channel: DecisionChannel;
  at: Date;
}

export interface ShortlistPage {
  card: ShortlistCard;
  candidates: PageCandidate[];
  reviewer: LinkReviewer;
  /** The reviewer's decisions on this job, newest first. */
  pastDecisions: PastDecision[];
  /** The job's requirements as Skima reads them from its description, with people's edits applied. */
  requirements: JobRequirementView[];
  /** Their version, who last changed them, the re-score's progress, and the edit form's rows. */
  requirementsEdit: PageRequirements;
  expiresAt: Date;
}

/** A candidate's reference on one link's page: an HMAC, so it reveals nothing and cannot be guessed. */
export function pageRef(secret: string, linkId: string, applicationId: string): string {
  return createHmac('sha256', secret).update(`page-ref:${linkId}:${applicationId}`).digest('base64url').slice(0, 22);
}

/** The applications a link may act on: the shortlist, and those its reviewer decided on before. */
export async function reachableApplications(ctx: AppContext, scope: LinkScope): Promise<string[]> {
  const [entries, decided] = await Promise.all([
    ctx.db.shortlistEntry.findMany({ where: { jobId: scope.jobId }, select: { applicationId: true } }),
    ctx.db.decision.findMany({
      where: { jobId: scope.jobId, reviewerId: scope.reviewerId },
      select: { applicationId: true },
      distinct: ['applicationId'],
    }),
  ]);
  return [...new Set([...entries, ...decided].map((e) => e.applicationId))];
}

async function resolveRef(ctx: AppContext, scope: LinkScope, ref: string): Promise<string | undefined> {
  const ids = await reachableApplications(ctx, scope);
  return ids.find((id) => pageRef(ctx.secret, scope.linkId, id) === ref);
}

/**
 * Everything the shortlist page shows for a link: the live card, each quote in the context it was
 * scored in, and the reviewer's own past decisions. In redaction mode no name, email or phone number
 * of a candidate is left in any of it. Reads only.
 */
export async function loadShortlistPage(ctx: AppContext, scope: LinkScope, now = new Date()): Promise<ShortlistPage> {
  const redact = ctx.config.redact;
  const [card, reviewer, job] = await Promise.all([
    buildShortlistCard(ctx.db, scope.jobId, { reviewerId: scope.reviewerId, redact, now }),
    reviewerOfLink(ctx.db, scope.jobId, scope.reviewerId),
    ctx.db.job.findUnique({ where: { id: scope.jobId }, select: { descriptionText: true, requirementEdits: true } }),
  ]);
  const ids = card.candidates.map((c) => c.applicationId);
  const [apps, decisions] = await Promise.all([
    ctx.db.application.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        candidateId: true,
        candidate: { select: { name: true, primaryEmail: true } },
        scores: { orderBy: { createdAt: 'desc' }, take: 1, select: { resumeHash: true } },
      },
    }),
    ctx.db.decision.findMany({
      where: { jobId: scope.jobId, reviewerId: scope.reviewerId },
      orderBy: { createdAt: 'desc' },
      take: 50,
      include: { application: { select: { candidate: { select: { name: true, primaryEmail: true } } } } },
    }),
  ]);
  const byId = new Map(apps.map((a) => [a.id, a]));
  const texts = await scoredTexts(
    ctx.db,
    apps.flatMap((a) => {
      const resumeHash = a.scores[0]?.resumeHash;
      return resumeHash ? [{ applicationId: a.id, candidateId: a.candidateId, resumeHash }] : [];
    }),
  );
  const candidates = card.candidates.map((c): PageCandidate => {
    const app = byId.get(c.applicationId);
    const patterns = redact && app ? identifierPatterns(app.candidate) : null;
    const scrub = (s: string) => (patterns ? scrubIdentifiers(s, patterns) : s);
    const reasons = c.reasons.map((r) => ({ ...r, text: scrub(r.text), quote: scrub(r.quote) }));
    const text = texts.get(c.applicationId);
    // In redaction mode a context is only drawn when this candidate's identifiers are known to mask.
    const mask = text && patterns ? personalDataMask(text, patterns) : null;
    const contexts = c.reasons.map((r, i) =>
      text && (!redact || mask) ? quoteInContext(text, r, mask) : { before: '', quote: reasons[i]!.quote, after: '' },
    );
    // Reviewers' notes may name the candidate too.
    const noteOf = (d: CardDecision | null) => (d?.note ? { ...d, note: scrub(d.note) } : d);
    return {
      ...c,
      reasons,
      contexts,
      latestDecision: noteOf(c.latestDecision),
      reviewerDecision: noteOf(c.reviewerDecision),
      ref: pageRef(ctx.secret, scope.linkId, c.applicationId),
    };
  });
  const pastDecisions = decisions.map((d): PastDecision => ({
    label: (!redact && d.application.candidate.name)
      || (d.rankAtDecision ? `Candidate ranked #${d.rankAtDecision} when you decided` : 'A candidate not on the shortlist'),
    verdict: d.verdict as Verdict,
    note: d.note && redact ? scrubIdentifiers(d.note, identifierPatterns(d.application.candidate)) : d.note,
    channel: d.channel as DecisionChannel,
    at: d.createdAt,
  }));
  const requirements = jobRequirements(job?.descriptionText ?? null, storedEdits(job?.requirementEdits));
  const requirementsEdit = await pageRequirements(ctx, scope, reviewer);
  const expiresAt = scope.expiresAt;
  const shown = { card: { ...card, candidates }, candidates, reviewer, pastDecisions };
  return { ...shown, requirements, requirementsEdit, expiresAt };
}

export type PageDecisionOutcome = 'recorded' | 'view_only' | 'unknown_candidate';

/** A decision taken on the page, through the one decision entry point. */
export async function decideOnPage(
  ctx: AppContext,
  scope: LinkScope,
  input: { ref: string; verdict: Verdict; note?: string; skip_reason?: string | undefined },
): Promise<PageDecisionOutcome> {
  const reviewer = await reviewerOfLink(ctx.db, scope.jobId, scope.reviewerId);
  if (!reviewer.canDecide) return 'view_only';
  const applicationId = await resolveRef(ctx, scope, input.ref);
  if (!applicationId) return 'unknown_candidate';
  await recordDecision(ctx, {
    jobId: scope.jobId,
    applicationId,
    reviewer: { id: reviewer.id, name: reviewer.name },
    channel: 'web',
    verdict: input.verdict,
    ...(input.note ? { note: input.note } : {}),
    ...(input.skip_reason ? { skipReasonId: input.skip_reason } : {}),
  });
  return 'recorded';
}

/** The evidence PDF of a candidate the link may see (the document the write-back uploads, with the
 * latest decision), and its filename; or null. */
export async function evidenceOnPage(
  ctx: AppContext,
  scope: LinkScope,
  ref: string,
): Promise<{ pdf: Buffer; filename: string } | null> {
  const applicationId = await resolveRef(ctx, scope, ref);
  if (!applicationId) return null;
  const app = await ctx.db.application.findUnique({
    where: { id: applicationId },
    include: {
      job: { select: { title: true } },
      candidate: { select: { name: true, primaryEmail: true } },
      scores: { orderBy: { createdAt: 'desc' }, take: 1 },
      decisions: { orderBy: { createdAt: 'desc' }, take: 1 },
      shortlistEntries: { select: { rank: true } },
    },
  });
  const score = app?.scores[0];
  if (!app || !score || app.jobId !== scope.jobId) return null;
  const patterns = ctx.config.redact ? identifierPatterns(app.candidate) : null;
  const scrub = (s: string) => (patterns ? scrubIdentifiers(s, patterns) : s);
  // In redaction mode the page names a candidate by rank; so does the document.
  const rank = app.shortlistEntries[0]?.rank ?? app.decisions[0]?.rankAtDecision;
  const candidate = ctx.config.redact || !app.candidate.name ? `Candidate ${rank ?? ''}`.trim() : app.candidate.name;
  const latest = app.decisions[0];
  const decision = latest && { verdict: latest.verdict, reviewerName: latest.reviewerName, at: latest.createdAt };
  const input = {
    candidate,
    jobTitle: app.job.title,
    ...(decision ? { decision } : {}),
    score: score.score,
    reasons: (score.reasons as { text: string; quote: string }[]).map((r) => ({
      text: scrub(r.text),
      quote: scrub(r.quote),
    })),
    missing: score.missing as string[],
    scorerVersion: score.scorerVersion,
    scoredAt: score.createdAt,
  };
  return { pdf: await renderEvidencePdf(input), filename: evidenceFilename(input) };
}
