import type { ChatNotice } from '../../ports.ts';
import { VERB } from '../card-actions.ts';
import { type AdaptiveCardJson, adaptiveCard, clip, execute, line } from '../card-json.ts';

const ICON: Record<ChatNotice['kind'], string> = { hired: '🎉', nudge: '⏳', screened: '🔎' };

/**
 * A notice ("hired", a reminder) as a card. Its words come from the core as plain text and are drawn as
 * text runs (no markdown). To a person it offers the job's shortlist (a fresh personal link, as the
 * shortlist card's button does); in a channel a button would hand the job to whoever clicks, so none.
 */
export function noticeAdaptiveCard(notice: ChatNotice, where: 'person' | 'channel'): AdaptiveCardJson {
  const body = [line(clip(`${ICON[notice.kind]} ${notice.headline}`, 500), { weight: 'bolder' })];
  for (const text of notice.lines.slice(0, 20)) body.push(line(clip(text, 500), { isSubtle: true }, { spacing: 'none' }));
  const actions = where === 'person'
    ? [execute('Open the shortlist', VERB.openShortlist, { jobId: notice.jobId }, { associatedInputs: 'none' })]
    : [];
  return adaptiveCard(body, actions, notice.headline);
}
