import type { ChatNotice } from '../../ports.ts';
import { VERB } from '../card-actions.ts';
import { type AdaptiveCardJson, adaptiveCard, clip, execute, line } from '../card-json.ts';

const ICON: Record<ChatNotice['kind'], string> = { hired: '🎉', nudge: '⏳', screened: '🔎' };

/** A reminder about many jobs offers the shortlists of the ones waited on longest; its lines name them all. */
const MAX_SHORTLIST_ACTIONS = 5;

/**
 * A notice ("hired", a reminder) as a card. Its words come from the core as plain text and are drawn as
 * text runs (no markdown). To a person it offers the job's shortlist (a fresh personal link, as the
 * shortlist card's button does), or each job's by its title for a reminder about several; in a channel
 * a button would hand the job to whoever clicks, so none.
 */
export function noticeAdaptiveCard(notice: ChatNotice, where: 'person' | 'channel'): AdaptiveCardJson {
  const body = [line(clip(`${ICON[notice.kind]} ${notice.headline}`, 500), { weight: 'bolder' })];
  for (const text of notice.lines.slice(0, 20)) body.push(line(clip(text, 500), { isSubtle: true }, { spacing: 'none' }));
  const offered = notice.jobs ?? [{ jobId: notice.jobId, title: null }];
  const open = (job: (typeof offered)[number]) => execute(
    job.title === null ? 'Open the shortlist' : clip(job.title, 75),
    VERB.openShortlist,
    { jobId: job.jobId },
    { associatedInputs: 'none' },
  );
  const actions = where === 'person' ? offered.slice(0, MAX_SHORTLIST_ACTIONS).map(open) : [];
  return adaptiveCard(body, actions, notice.headline);
}
