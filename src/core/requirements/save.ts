import type { AppContext } from '../context.ts';
import { type JobRequirementView, jobRequirements } from '../job-requirements.ts';
import { audit } from '../ops/audit.ts';
import { mayEditRequirements, RequirementsAccessError, type RequirementsEditor } from './access.ts';
import { type EditChannel, normaliseEdits, RequirementEditError, type RequirementEdit, storedEdits } from './edits.ts';
import { enqueueRequirementsRescore } from './rescore.ts';
import { announceShortlistChange } from '../shortlist/shortlist.ts';

export interface SaveRequirementsInput {
  jobId: string;
  editor: RequirementsEditor;
  channel: EditChannel;
  /** The whole list of edits on top of the description as read (it replaces the previous version's). */
  edits: unknown;
  /** The version the person was shown: saving over a newer one they never saw is refused. */
  baseVersion?: number | null;
}

/** How one requirement reads: a must-have, essential, nice-to-have, or not there. */
export type RequirementStatus = 'essential' | 'must' | 'nice' | 'absent';

export interface RequirementChange {
  label: string;
  before: RequirementStatus;
  after: RequirementStatus;
}

export interface SaveRequirementsResult {
  version: number;
  /** False when the edits were already the newest version (a double save): nothing stored or re-scored. */
  created: boolean;
  changes: RequirementChange[];
}

export const AUDIT_ACTION = 'job.requirements_edited';

/** Someone saved a newer version since the person opened the requirements. */
export class RequirementsConflictError extends RequirementEditError {}

function statusOf(r: JobRequirementView | undefined): RequirementStatus {
  if (!r) return 'absent';
  return r.essential ? 'essential' : r.mustHave ? 'must' : 'nice';
}

/** Per requirement label, what it was and what it is now (only those that changed). */
export function requirementChanges(before: JobRequirementView[], after: JobRequirementView[]): RequirementChange[] {
  const key = (l: string) => l.trim().toLowerCase();
  const was = new Map(before.map((r) => [key(r.label), r]));
  const now = new Map(after.map((r) => [key(r.label), r]));
  const labels = [...new Map([...before, ...after].map((r) => [key(r.label), r.label])).entries()];
  return labels
    .map(([k, label]) => ({ label, before: statusOf(was.get(k)), after: statusOf(now.get(k)) }))
    .filter((c) => c.before !== c.after);
}

const beforeAfter = (c: RequirementChange) => ({ before: c.before, after: c.after });
const same = (a: RequirementEdit[], b: RequirementEdit[]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The one entry point for a person's correction of a job's requirements, from the web page, Slack,
 * Teams or the CLI: checks who may, stores a new version (the newest wins), records who changed what
 * in the audit log (before and after, per requirement), and queues the re-score of the job's
 * applications. Saving the edits the newest version already has stores and re-scores nothing.
 */
export async function saveJobRequirements(
  ctx: AppContext,
  input: SaveRequirementsInput,
): Promise<SaveRequirementsResult> {
  if (!(await mayEditRequirements(ctx.db, input.jobId, input.editor))) throw new RequirementsAccessError();
  const edits = normaliseEdits(input.edits);
  const job = await ctx.db.job.findUniqueOrThrow({
    where: { id: input.jobId },
    select: { descriptionText: true, descriptionHash: true, requirementsVersion: true, requirementEdits: true },
  });
  const current = job.requirementsVersion ?? 0;
  const previous = storedEdits(job.requirementEdits);
  if (same(previous, edits)) return { version: current, created: false, changes: [] };
  if (input.baseVersion != null && input.baseVersion !== current) {
    throw new RequirementsConflictError(
      `The requirements changed since you opened them (now version ${current}). Reload them and make your change again.`,
    );
  }
  if (!job.descriptionText) throw new RequirementEditError('This job has no description for Skima to read requirements from yet.');
  const changes = requirementChanges(
    jobRequirements(job.descriptionText, previous),
    jobRequirements(job.descriptionText, edits),
  );
  const version = current + 1;
  const editsText = JSON.stringify(edits);
  try {
    await ctx.db.$transaction([
      ctx.db.jobRequirementsVersion.create({
        data: {
          jobId: input.jobId,
          version,
          edits,
          descriptionHash: job.descriptionHash,
          actorId: input.editor.id,
          actorName: input.editor.name,
          channel: input.channel,
        },
      }),
      // Only over the version this save read: two saves at once make one version, and the other is told.
      ctx.db.job.updateMany({
        where: { id: input.jobId, requirementsVersion: job.requirementsVersion },
        data: { requirementsVersion: version, requirementEdits: editsText },
      }),
    ]);
  } catch {
    throw new RequirementsConflictError('Someone else saved the requirements at the same moment. Reload them and try again.');
  }
  for (const change of changes) {
    await audit(ctx.db, {
      actor: input.editor.id,
      action: AUDIT_ACTION,
      subjectType: 'job',
      subjectId: input.jobId,
      detail: { version, channel: input.channel, requirement: change.label, ...beforeAfter(change) },
    });
  }
  if (changes.length === 0) {
    // Edits that change nothing the scorer counts (a label the description lacks): still who and when.
    await audit(ctx.db, {
      actor: input.editor.id,
      action: AUDIT_ACTION,
      subjectType: 'job',
      subjectId: input.jobId,
      detail: { version, channel: input.channel, requirement: null, before: null, after: null },
    });
  }
  await enqueueRequirementsRescore(ctx.queue, input.jobId, version);
  // The posted cards show the requirements: redrawn now, and again as re-scores move the shortlist.
  await announceShortlistChange(ctx.queue, input.jobId);
  return { version, created: true, changes };
}
