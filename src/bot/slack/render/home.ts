import { type Block, checkHome, clip, escapeMrkdwn, type HomeView, LIMITS } from '../block-kit.ts';
import { encodeJob, sendCardActionId } from '../ids.ts';
import type { HomeJob } from '../../ports.ts';

/** One section per job (with its button), leaving room for the header, counts and "more" lines. */
const MAX_JOBS = LIMITS.viewBlocks - 4;

/** App Home: the reviewer's jobs, each with its shortlist state and what awaits their decision. */
export function homeView(jobs: HomeJob[], reviewerName: string | null): HomeView {
  const blocks: Block[] = [{ type: 'header', text: { type: 'plain_text', text: 'Skima: your shortlists' } }];
  if (!reviewerName) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: NOT_MATCHED } });
    return checkHome({ type: 'home', blocks });
  }
  const pending = jobs.reduce((n, j) => n + j.awaitingYou, 0);
  blocks.push({
    type: 'context',
    elements: [{
      type: 'mrkdwn',
      text: `${jobs.length} job${jobs.length === 1 ? '' : 's'} · ${pending} candidate${pending === 1 ? '' : 's'} awaiting your decision`,
    }],
  });
  if (jobs.length === 0) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: 'No job of yours has a shortlist yet.' } });
  }
  jobs.slice(0, MAX_JOBS).forEach((job, i) => {
    const line = [
      `*${escapeMrkdwn(clip(job.title, 200))}*${job.status === 'Open' ? '' : ` (${escapeMrkdwn(job.status)})`}`,
      `${job.shortlisted} on the shortlist · ${job.awaitingDecision} awaiting a decision · ${job.awaitingYou} awaiting yours`,
    ].join('\n');
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: line },
      accessory: {
        type: 'button',
        action_id: sendCardActionId(i),
        text: { type: 'plain_text', text: 'Send me the shortlist' },
        value: encodeJob(job.id),
      },
    });
  });
  if (jobs.length > MAX_JOBS) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `${jobs.length - MAX_JOBS} more: use \`/skima shortlist <job>\`.` }],
    });
  }
  return checkHome({ type: 'home', blocks });
}

const NOT_MATCHED =
  'Skima could not match your Slack account to an Ashby user by email. Ask your Ashby admin to check that '
  + 'your Slack email is the one on your Ashby account.';
