import { appHomeOpenedSchema } from '../../payloads.ts';
import { homeView } from '../../render/home.ts';
import type { ListenerDeps } from '../deps.ts';

/** App Home: the reviewer's jobs with their shortlist state and pending decisions, drawn when opened. */
export async function appHomeOpened({ event }: { event: unknown }, deps: ListenerDeps) {
  const parsed = appHomeOpenedSchema.safeParse(event);
  if (!parsed.success || (parsed.data.tab && parsed.data.tab !== 'home')) return;
  const userId = parsed.data.user;
  const reviewer = await deps.reviewers.reviewerOf(userId);
  const jobs = reviewer ? await deps.services.homeJobs(reviewer) : [];
  await deps.slack.publishHome(userId, homeView(jobs, reviewer?.name ?? null));
}
