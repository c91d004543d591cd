import { type FileShare, fileShareSchema } from '../../payloads.ts';
import { NOT_MATCHED, RECRUITERS_ONLY, textMessage } from '../../render/help.ts';
import { jobMenuMessage } from '../../render/resume-drop.ts';
import { jobNamed, namedJob } from '../../../resume-drop.ts';
import type { ListenerDeps } from '../deps.ts';
import { tell } from '../refresh-card.ts';
import { showResumePreview } from '../resume-file.ts';

export { jobNamed } from '../../../resume-drop.ts';

/**
 * A file dropped into Skima's DM (message.im, subtype file_share): recruiters and admins only. When the
 * message names one job, Skima reads the file and shows what it found; otherwise it offers the open jobs
 * in a menu first. Nothing is created before the recruiter confirms.
 */
export async function resumeDropped({ event }: { event: unknown }, deps: ListenerDeps) {
  const parsed = fileShareSchema.safeParse(event);
  if (!parsed.success) return;
  const drop: FileShare = parsed.data;
  const slackUserId = drop.user;
  const reviewer = await deps.reviewers.reviewerOf(slackUserId);
  if (!reviewer) return void (await tell(deps, slackUserId, textMessage(NOT_MATCHED)));
  if (!reviewer.recruiter) return void (await tell(deps, slackUserId, textMessage(RECRUITERS_ONLY)));
  const file = drop.files[0]!;
  if (drop.files.length > 1) {
    await tell(deps, slackUserId, textMessage('One resume at a time: Skima reads the first file of this message.'));
  }
  const asked = jobNamed(drop.text);
  const named = asked ? await namedJob(deps.services, reviewer, asked) : undefined;
  if (named?.job) return showResumePreview(deps, { slackUserId, reviewer, jobId: named.job.id, fileId: file.id });
  const jobs = named?.matches.length ? named.matches : await deps.services.openJobs(reviewer);
  await tell(deps, slackUserId, jobMenuMessage(file.name ?? 'your file', jobs, file.id, asked));
}
