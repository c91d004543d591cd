import { type Block, checkMessage, clip, escapeMrkdwn, LIMITS, type SlackMessage } from '../block-kit.ts';
import { encodeJob, sendCardActionId } from '../ids.ts';
import type { ChatNotice } from '../../ports.ts';

const ICON: Record<ChatNotice['kind'], string> = { hired: ':tada:', nudge: ':hourglass_flowing_sand:', screened: ':mag:' };

/**
 * A notice ("hired", a reminder) as a Slack message. Its words come from the core as plain text, so
 * they are escaped. To a person it offers the job's card ("Send me the shortlist"); in a channel the
 * button would hand the job to whoever clicks, so a channel notice has none.
 */
export function noticeMessage(notice: ChatNotice, where: 'person' | 'channel'): SlackMessage {
  const headline = clip(`${ICON[notice.kind]} ${escapeMrkdwn(notice.headline)}`, LIMITS.sectionText);
  const blocks: Block[] = [{ type: 'section', text: { type: 'mrkdwn', text: headline } }];
  if (notice.lines.length) {
    const lines = clip(notice.lines.map(escapeMrkdwn).join('\n'), LIMITS.contextText);
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: lines }] });
  }
  if (where === 'person') {
    blocks.push({
      type: 'actions',
      elements: [{
        type: 'button',
        action_id: sendCardActionId(0),
        text: { type: 'plain_text', text: 'Send me the shortlist' },
        value: encodeJob(notice.jobId),
      }],
    });
  }
  return checkMessage({ text: clip(notice.headline, LIMITS.fallbackText), blocks });
}
