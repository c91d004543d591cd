import type { JobSummary, Reviewer } from '../../ports.ts';
import type { TeamsDeps } from '../deps.ts';
import { NO_ACCESS } from '../messages.ts';

/** The one job the words name among those the reviewer may see, or what to say instead. */
export async function findOneJob(
  deps: TeamsDeps,
  reviewer: Reviewer,
  query: string,
): Promise<JobSummary | { say: string }> {
  const jobs = await deps.services.findJobs(reviewer, query);
  if (jobs.length === 0) return { say: NO_ACCESS };
  if (jobs.length > 1) {
    const list = jobs.slice(0, 10).map((j) => `- ${j.title} (${j.id})`).join('\n');
    return { say: `Several of your jobs match; say which one:\n\n${list}` };
  }
  return jobs[0]!;
}
