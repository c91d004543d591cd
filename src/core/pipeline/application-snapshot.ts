import type { AshbyApplication } from '../../ashby/index.ts';

/**
 * What screening keeps of an application: enough to store it and screen it. A poll's
 * `application.list` pages carry all of it, so the job a poll queues carries it too and screening asks
 * Ashby nothing more about the application (`application.info` would repeat the page, at one call of
 * the request budget per application). Only the columns Skima stores, to keep queued jobs small.
 */
export interface ApplicationSnapshot {
  id: string;
  updatedAt: string;
  status: string;
  candidate: { id: string; name: string; primaryEmailAddress?: { value: string } | null };
  job: { id: string };
  currentInterviewStage?: { id: string; title: string } | null;
  archiveReason?: { text: string } | null;
  source?: { title: string } | null;
  creditedToUser?: { id: string } | null;
}

export function snapshotOf(app: AshbyApplication): ApplicationSnapshot {
  const { candidate, currentInterviewStage: stage } = app;
  const email = candidate.primaryEmailAddress?.value;
  return {
    id: app.id,
    updatedAt: app.updatedAt,
    status: app.status,
    candidate: { id: candidate.id, name: candidate.name, ...(email ? { primaryEmailAddress: { value: email } } : {}) },
    job: { id: app.job.id },
    currentInterviewStage: stage ? { id: stage.id, title: stage.title } : null,
    archiveReason: app.archiveReason ? { text: app.archiveReason.text } : null,
    source: app.source ? { title: app.source.title } : null,
    creditedToUser: app.creditedToUser ? { id: app.creditedToUser.id } : null,
  };
}
