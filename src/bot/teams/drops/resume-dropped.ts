import type { TurnContext } from 'botbuilder';
import type { Reviewer } from '../../ports.ts';
import { jobNamed, namedJob } from '../../resume-drop.ts';
import { runSlow } from '../commands/run-slow.ts';
import { scopeOf } from '../conversations.ts';
import type { TeamsDeps } from '../deps.ts';
import { cardMessage, NOT_MATCHED, textMessage } from '../messages.ts';
import { resumeJobMenuCard } from '../render/resume-drop.ts';
import { attachmentsOf, isResumeType } from './attachments.ts';
import { resumePreviewFor } from './preview.ts';

/** Said to anyone but a recruiter or admin: nothing about the file, the jobs or the person. */
export const RESUME_RECRUITERS_ONLY = 'Adding candidates from a resume is for recruiters and admins in Ashby. Nothing was read or created.';
export const OTHERS_IGNORED = 'I read only PDF or DOCX resumes sent as files; pasted images and other attachments are ignored.';

/**
 * A message to Skima that carries attachments. A PDF or DOCX sent in the 1:1 chat by a recruiter or
 * admin: when the message names one open job ("for Store Manager") Skima reads the file and shows what
 * it found with Add and Cancel; otherwise it offers the open jobs first. Nothing is created before Add.
 * Returns 'done' when the message was answered here, 'command' when its text is still to be read as a
 * command (text that came with a pasted image), and 'none' when it carried nothing of this kind.
 */
export async function resumeDropped(
  context: TurnContext,
  deps: TeamsDeps,
  reviewer: Reviewer | null,
  text: string,
): Promise<'done' | 'command' | 'none'> {
  const { files, others } = attachmentsOf(context.activity);
  if (!files.length && !others) return 'none';
  const say = async (words: string) => void (await context.sendActivity(textMessage(words)));
  /** Answers with one line, and that is the end of the message. */
  const end = async (words: string) => {
    await say(words);
    return 'done' as const;
  };
  if (!files.length) {
    await say(OTHERS_IGNORED);
    return text ? 'command' : 'done';
  }
  // Teams hands bots files in 1:1 chats only; should one come from elsewhere, nothing of it is read there.
  if (scopeOf(context.activity) !== 'personal') return end('Send resumes to me in our 1:1 chat.');
  if (!reviewer) return end(NOT_MATCHED);
  if (!reviewer.recruiter) return end(RESUME_RECRUITERS_ONLY);
  const file = files[0]!;
  if (files.length > 1) await say('One resume at a time: Skima reads the first file of this message.');
  if (others) await say(OTHERS_IGNORED);
  if (!isResumeType(file)) return end(`${file.name} is not a PDF or DOCX resume. Nothing was created.`);
  const asked = jobNamed(text);
  const named = asked ? await namedJob(deps.services, reviewer, asked) : undefined;
  if (named?.job) {
    const jobId = named.job.id;
    await runSlow(context, deps, 'resume', `Reading ${file.name} for ${named.job.title}…`, async () =>
      cardMessage(await resumePreviewFor(deps, reviewer, jobId, file)));
    return 'done';
  }
  const jobs = named?.matches.length ? named.matches : await deps.services.openJobs(reviewer);
  await context.sendActivity(cardMessage(resumeJobMenuCard(file, jobs, asked)));
  return 'done';
}
