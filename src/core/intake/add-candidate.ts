import { createHash } from 'node:crypto';
import type { DecisionChannel } from '../../bot/card-model.ts';
import type { ChatChannel } from '../../bot/ports.ts';
import { followUpWhenScreened } from './follow-up.ts';
import { audit } from '../ops/audit.ts';
import type { AppContext } from '../context.ts';
import { type Actor, dispositionRefusal } from '../disposition/roles.ts';
import { enqueueApplication } from '../pipeline/process-application.ts';
import { hiringTeamOf } from '../people/hiring-team.ts';
import { phoneDigits, type ResumeContact, resumeContact } from './contact.ts';
import { CLAIM_POLL_MS, CLAIM_WAIT_MS, STALE_CLAIM_MS } from './claim-timing.ts';
import { findExistingCandidate, type MatchedBy } from './find-existing.ts';
import { IntakeError } from './intake-error.ts';
import { type PersonCandidate, personCandidate } from './person-claim.ts';

export { IntakeError };

export interface IntakeInput {
  jobId: string;
  filename: string;
  bytes: Uint8Array;
  actor: Actor;
  channel: DecisionChannel;
  /** Added through chat: who is told the score once the application is screened (the front door's user id). */
  notify?: { channel: ChatChannel; recipient: string };
}

/** What Skima found in the file and in Ashby, shown to the person before anything is created. */
export interface IntakePreview {
  jobTitle: string;
  format: 'pdf' | 'docx';
  contact: ResumeContact;
  existing?: { candidateId: string; name: string; matchedBy: MatchedBy };
  /** The identifying keys the upload is claimed under (never shown: they hold contact details). */
  keys: string[];
}

export interface IntakeResult {
  candidateId: string;
  applicationId: string;
  candidateCreated: boolean;
  applicationCreated: boolean;
}

const CONTENT_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

function keysOf(bytes: Uint8Array, contact: ResumeContact): string[] {
  const keys = [`file:${createHash('sha256').update(bytes).digest('hex')}`];
  if (contact.email) keys.push(`email:${contact.email}`);
  if (contact.phone) keys.push(`phone:${phoneDigits(contact.phone)}`);
  if (contact.profileUrl) keys.push(`url:${contact.profileUrl}`);
  return keys;
}

/** Reads the file, checks the person may add candidates to the job, and looks for them in Ashby. */
export async function previewIntake(ctx: AppContext, input: IntakeInput): Promise<IntakePreview> {
  const job = await ctx.db.job.findUnique({ where: { id: input.jobId }, select: { title: true, hiringTeam: true } });
  if (!job) throw new IntakeError(`Skima does not know the job ${input.jobId}. Nothing was created.`);
  if (dispositionRefusal(input.actor, hiringTeamOf(job), 'archive', false)) {
    throw new IntakeError('Adding candidates needs a recruiting role in Ashby on this job. Nothing was created.');
  }
  const extracted = await ctx.extractText(input.bytes);
  if (!extracted.ok) {
    const why = `${extracted.reason.replace('_', ' ')}): ${extracted.message.replace(/\.$/, '')}`;
    throw new IntakeError(`Skima could not read ${input.filename} (${why}. Nothing was created.`);
  }
  const { format } = extracted;
  if (format !== 'pdf' && format !== 'docx') {
    throw new IntakeError(`${input.filename} is not a PDF or DOCX resume. Nothing was created.`);
  }
  const contact = resumeContact(extracted.text);
  if (!contact.name && !contact.email) {
    throw new IntakeError(
      `Skima found no name or email in ${input.filename}, so it cannot tell who this is. Nothing was created.`,
    );
  }
  const keys = keysOf(input.bytes, contact);
  const found = await findExistingCandidate(ctx, contact, keys);
  return {
    jobTitle: job.title,
    format,
    contact,
    keys,
    ...(found
      ? { existing: { candidateId: found.candidate.id, name: found.candidate.name, matchedBy: found.matchedBy } }
      : {}),
  };
}

/** Claims every key of the upload for the job in one transaction; false when another upload holds one. */
async function claim(ctx: AppContext, jobId: string, keys: string[]): Promise<boolean> {
  try {
    await ctx.db.$transaction(async (tx) => {
      for (const key of keys) await tx.candidateIntake.create({ data: { jobId, key } });
    });
    return true;
  } catch {
    return false;
  }
}

/** The result of the upload holding the claim, once it has one. */
async function awaitOther(ctx: AppContext, jobId: string, keys: string[]): Promise<IntakeResult> {
  const deadline = Date.now() + CLAIM_WAIT_MS;
  for (;;) {
    const rows = await ctx.db.candidateIntake.findMany({ where: { jobId, key: { in: keys } } });
    const done = rows.find((r) => r.candidateId && r.applicationId);
    if (done) {
      const { candidateId, applicationId } = done as { candidateId: string; applicationId: string };
      return { candidateId, applicationId, candidateCreated: false, applicationCreated: false };
    }
    if (rows.length === 0) throw new IntakeError('The other upload of this person failed; try again.');
    if (rows.every((r) => Date.now() - r.claimedAt.getTime() > STALE_CLAIM_MS)) {
      const stale = rows.map((r) => r.key);
      await ctx.db.candidateIntake.deleteMany({ where: { jobId, key: { in: stale }, candidateId: null } });
      throw new IntakeError('An earlier upload of this person stopped half way; try again.');
    }
    if (Date.now() > deadline) {
      throw new IntakeError('This person is being added by another upload right now; try again shortly.');
    }
    await new Promise((r) => setTimeout(r, CLAIM_POLL_MS));
  }
}

/** The person Ashby has, looked up again (between the preview and the confirmation someone may have
 * added them), or a new candidate with the file as their resume. */
async function findOrCreate(
  ctx: AppContext,
  input: IntakeInput,
  preview: IntakePreview,
  sourceId?: string,
): Promise<PersonCandidate> {
  const found = await findExistingCandidate(ctx, preview.contact, preview.keys);
  if (found) return { candidate: found.candidate, created: false, matchedBy: found.matchedBy };
  const { client } = ctx.ashby;
  const { contact } = preview;
  const url = contact.profileUrl;
  const candidate = await client.candidate.create({
    name: contact.name ?? contact.email!,
    ...(contact.email ? { email: contact.email } : {}),
    ...(contact.phone ? { phoneNumber: contact.phone } : {}),
    ...(url?.includes('linkedin.com') ? { linkedInUrl: url } : {}),
    ...(url?.includes('github.com') ? { githubUrl: url } : {}),
    ...(sourceId ? { sourceId } : {}),
  });
  await client.candidate.uploadResume({
    candidateId: candidate.id,
    filename: input.filename,
    contentType: CONTENT_TYPES[preview.format]!,
    bytes: input.bytes,
  });
  return { candidate, created: true, matchedBy: null };
}

/**
 * Adds the confirmed upload: the existing candidate, or a new one with the resume; then their
 * application for the job (source "Skima" where Ashby has one). Two uploads of the same file or person
 * for a job, even at once, give one candidate and one application: the first claims the upload's keys
 * for the job, the others wait for its result. Uploads of the same person for different jobs, even at
 * once, give one candidate: finding or creating them is done under a claim of the keys for all jobs
 * (`personCandidate`), and each adds its application to the candidate that claim names.
 */
export async function commitIntake(ctx: AppContext, input: IntakeInput, preview: IntakePreview): Promise<IntakeResult> {
  if (!(await claim(ctx, input.jobId, preview.keys))) {
    const other = await awaitOther(ctx, input.jobId, preview.keys);
    if (input.notify) await followUpWhenScreened(ctx, other.applicationId, input.notify);
    return other;
  }
  try {
    const { client } = ctx.ashby;
    const source = (await client.source.list()).find((s) => s.title.toLowerCase() === 'skima');
    const { candidate, created: candidateCreated, matchedBy } = await personCandidate(ctx, preview.keys, () =>
      findOrCreate(ctx, input, preview, source?.id),
    );
    let applicationId: string | undefined;
    for (const id of candidate.applicationIds) {
      if ((await client.application.info(id)).job.id === input.jobId) applicationId = id;
    }
    const applicationCreated = !applicationId;
    if (!applicationId) {
      const created = await client.application.create({
        candidateId: candidate.id,
        jobId: input.jobId,
        ...(source ? { sourceId: source.id } : {}),
      });
      applicationId = created.id;
    }
    await ctx.db.candidateIntake.updateMany({
      where: { jobId: input.jobId, key: { in: preview.keys } },
      data: { candidateId: candidate.id, applicationId },
    });
    await audit(ctx.db, {
      actor: input.actor.id,
      action: 'candidate.added',
      subjectType: 'application',
      subjectId: applicationId,
      detail: {
        candidateId: candidate.id,
        jobId: input.jobId,
        channel: input.channel,
        candidateCreated,
        applicationCreated,
        matchedBy,
      },
    });
    // Before the screening is queued, so its end finds who waits for it.
    if (input.notify) await followUpWhenScreened(ctx, applicationId, input.notify);
    await enqueueApplication(ctx.queue, applicationId, 'live');
    return { candidateId: candidate.id, applicationId, candidateCreated, applicationCreated };
  } catch (err) {
    // Let the next try claim the keys again (what it created in Ashby, it will find).
    const mine = { jobId: input.jobId, key: { in: preview.keys }, candidateId: null };
    await ctx.db.candidateIntake.deleteMany({ where: mine });
    throw err;
  }
}
