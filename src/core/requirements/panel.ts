import type { Db } from '../../db/client.ts';
import { type JobRequirementView, jobRequirements } from '../job-requirements.ts';
import { applyRequirementEdits, bundledSkillDictionary, parseJobDescription } from '../../scoring/index.ts';
import { type RequirementEdit, storedEdits } from './edits.ts';
import { applicationsAwaitingRescore } from './rescore.ts';

/** A job's requirements as people see and edit them: the list, its version, who last changed it. */
export interface RequirementsPanel {
  requirements: JobRequirementView[];
  /** 0: the description as Skima read it, nobody has edited it. */
  version: number;
  edits: RequirementEdit[];
  lastEdit: { by: string; channel: string; at: Date } | null;
  /** Edits that name a requirement the description no longer has (it changed in Ashby since). */
  notApplying: string[];
  /** Scored applications not yet scored against these requirements. */
  rescoring: number;
}

/** The job's requirements with the newest version of its edits, for the page, the cards and the CLI. */
export async function requirementsPanel(db: Db, jobId: string): Promise<RequirementsPanel | null> {
  const job = await db.job.findUnique({
    where: { id: jobId },
    select: { descriptionText: true, requirementsVersion: true, requirementEdits: true },
  });
  if (!job) return null;
  const edits = storedEdits(job.requirementEdits);
  const version = job.requirementsVersion ?? 0;
  const last = version
    ? await db.jobRequirementsVersion.findUnique({
        where: { jobId_version: { jobId, version } },
        select: { actorName: true, channel: true, createdAt: true },
      })
    : null;
  return {
    requirements: jobRequirements(job.descriptionText, edits),
    version,
    edits,
    lastEdit: last ? { by: last.actorName, channel: last.channel, at: last.createdAt } : null,
    notApplying: notApplying(job.descriptionText, edits),
    rescoring: version ? await applicationsAwaitingRescore(db, jobId) : 0,
  };
}

/** Labels of edits the current description gives nothing to apply to. */
export function notApplying(descriptionText: string | null, edits: RequirementEdit[]): string[] {
  if (!descriptionText || edits.length === 0) return [];
  const dictionary = bundledSkillDictionary();
  const { unmatched } = applyRequirementEdits(parseJobDescription(descriptionText, dictionary), edits, dictionary);
  return [...new Set(unmatched.map((e) => e.label))];
}

/** Every stored version of the job's requirements, newest first (history, the CLI). */
export function requirementsHistory(db: Db, jobId: string) {
  return db.jobRequirementsVersion.findMany({ where: { jobId }, orderBy: { version: 'desc' } });
}
