import type { ChatChannel, ResumeDrop, ResumeDropOutcome, ResumeDropPreview, Reviewer } from '../../bot/ports.ts';
import type { AppContext } from '../context.ts';
import type { Actor } from '../disposition/roles.ts';
import { commitIntake, IntakeError, type IntakeInput, previewIntake } from './add-candidate.ts';

// A resume dropped into a chat DM, through the same intake as `skima add-candidate`: the front door
// downloads the file and asks; the core reads it, finds the person, and adds them once confirmed.

export const RECRUITERS_ONLY = 'Adding candidates from a resume is for recruiters and admins in Ashby. Nothing was created.';

/** The person as the intake knows them; null for someone who is not a recruiter or admin. */
export type ActorOf = (reviewer: Reviewer) => Promise<Actor | null>;

function intakeInput(actor: Actor, drop: ResumeDrop, channel: ChatChannel): IntakeInput {
  return { jobId: drop.jobId, filename: drop.filename, bytes: drop.bytes, actor, channel };
}

export async function previewResumeDrop(
  ctx: AppContext,
  actorOf: ActorOf,
  channel: ChatChannel,
  reviewer: Reviewer,
  drop: ResumeDrop,
): Promise<ResumeDropPreview | { refused: string }> {
  const actor = reviewer.recruiter ? await actorOf(reviewer) : null;
  if (!actor) return { refused: RECRUITERS_ONLY };
  try {
    const preview = await previewIntake(ctx, intakeInput(actor, drop, channel));
    return {
      jobId: drop.jobId,
      jobTitle: preview.jobTitle,
      found: preview.contact,
      ...(preview.existing ? { existing: { name: preview.existing.name, matchedBy: preview.existing.matchedBy } } : {}),
    };
  } catch (err) {
    if (err instanceof IntakeError) return { refused: err.message };
    throw err;
  }
}

/** Re-reads the file (what was previewed is not kept), then adds; a refusal creates nothing. */
export async function addResumeDrop(
  ctx: AppContext,
  actorOf: ActorOf,
  channel: ChatChannel,
  reviewer: Reviewer,
  drop: ResumeDrop,
  recipient: string,
): Promise<ResumeDropOutcome> {
  const actor = reviewer.recruiter ? await actorOf(reviewer) : null;
  if (!actor) return { status: 'refused', message: RECRUITERS_ONLY };
  const input = { ...intakeInput(actor, drop, channel), notify: { channel, recipient } };
  try {
    const preview = await previewIntake(ctx, input);
    const result = await commitIntake(ctx, input, preview);
    const name = preview.existing?.name ?? preview.contact.name ?? preview.contact.email ?? 'The candidate';
    return {
      status: 'added',
      jobTitle: preview.jobTitle,
      candidateName: ctx.config.redact ? 'The candidate' : name,
      candidateCreated: result.candidateCreated,
      applicationCreated: result.applicationCreated,
    };
  } catch (err) {
    if (err instanceof IntakeError) return { status: 'refused', message: err.message };
    throw err;
  }
}
