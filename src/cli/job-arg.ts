import { type FoundJob, findJobs } from '../core/job-lookup.ts';
import type { Db } from '../db/client.ts';

/**
 * The one job a command line names, by its id or by words of its title (as in `/skima shortlist`), or
 * what to tell the person when it names none or several.
 */
export async function jobNamedBy(db: Db, query: string): Promise<{ job: FoundJob } | { problem: string }> {
  const jobs = await findJobs(db, query, 6);
  if (jobs.length === 1) return { job: jobs[0]! };
  if (!jobs.length) return { problem: `No job known to Skima matches "${query}" (run skima sync if it is new).` };
  const list = jobs.map((j) => `  ${j.id}  ${j.title} (${j.status})`).join('\n');
  return { problem: `"${query}" matches several jobs; name one by its id:\n${list}` };
}
