import { type Block, checkMessage, clip, escapeMrkdwn, LIMITS, type SlackMessage } from '../block-kit.ts';
import { encodeJob, sendCardActionId } from '../ids.ts';
import type { ChatNotice } from '../../ports.ts';

const ICON: Record<ChatNotice['kind'], string> = { hired: ':tada:', nudge: ':hourglass_flowing_sand:', screened: ':mag:' };

/** A reminder about many jobs offers the cards of the ones waited on longest; its lines name them all. */
const MAX_CARD_BUTTONS = 5;

/**
 * A notice ("hired", a reminder) as a Slack message. Its words come from the core as plain text, so
 * they are escaped. To a person it offers the job's card ("Send me the shortlist"), or each job's by
 * its title for a reminder about several; in a channel the button would hand the job to whoever
 * clicks, so a channel notice has none.
 */
export function noticeMessage(notice: ChatNotice, where: 'person' | 'channel'): SlackMessage {
  const headline = clip(`${ICON[notice.kind]} ${escapeMrkdwn(notice.headline)}`, LIMITS.sectionText);
  const blocks: Block[] = [{ type: 'section', text: { type: 'mrkdwn', text: headline } }];
  if (notice.lines.length) {
    const lines = clip(notice.lines.map(escapeMrkdwn).join('\n'), LIMITS.contextText);
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: lines }] });
  }
  if (where === 'person') {
    const offered = notice.jobs ?? [{ jobId: notice.jobId, title: null }];
    blocks.push({
      type: 'actions',
      elements: offered.slice(0, MAX_CARD_BUTTONS).map((job, i) => ({
        type: 'button' as const,
        action_id: sendCardActionId(i),
        text: { type: 'plain_text' as const, text: job.title === null ? 'Send me the shortlist' : clip(job.title, LIMITS.buttonText) },
        value: encodeJob(job.jobId),
      })),
    });
  }
  return checkMessage({ text: clip(notice.headline, LIMITS.fallbackText), blocks });
}
