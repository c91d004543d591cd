import type { ChatServices, JobSummary, Reviewer } from './ports.ts';

// What every chat front door does alike with a resume dropped into its 1:1 chat, before the core is
// asked anything: the size it refuses unread, and the job the message names ("… for Store Manager").

/** Larger files are refused before they are downloaded (a resume is a few hundred KB). */
export const MAX_RESUME_BYTES = 10 * 1024 * 1024;

/** The answer to a dropped file over MAX_RESUME_BYTES. */
export const tooLargeForResume = (name: string) =>
  `${name} is larger than ${MAX_RESUME_BYTES / 1024 / 1024} MB, too large for a resume. Nothing was created.`;

/** "… for Senior Backend Engineer": the words after the last "for" (markup such as Slack's <…> or
 * Teams' HTML tags is dropped first). */
export function jobNamed(text: string): string | undefined {
  const m = /(?:^|\s)for\s+(.+?)\s*[.!]?$/is.exec(text.replace(/<[^>]*>/g, ' ').trim());
  return m?.[1]?.trim() || undefined;
}

/** The job a message names, if exactly one open job (or one title exactly) answers to it; `matches`
 * are the open jobs that answer to it, to offer when there is not exactly one. */
export async function namedJob(
  services: Pick<ChatServices, 'findJobs'>,
  reviewer: Reviewer,
  asked: string,
): Promise<{ job?: JobSummary; matches: JobSummary[] }> {
  const matches = (await services.findJobs(reviewer, asked)).filter((j) => j.status === 'Open');
  const exact = matches.filter((j) => j.title.trim().toLowerCase() === asked.toLowerCase());
  const job = matches.length === 1 ? matches[0] : exact.length === 1 ? exact[0] : undefined;
  return { ...(job ? { job } : {}), matches };
}
