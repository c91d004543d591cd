import { type Block, type Button, checkMessage, clip, escapeMrkdwn, LIMITS, type SlackMessage } from '../block-kit.ts';
import { ACTION, addToJobActionId, encodePastCandidate, encodeRediscovery } from '../ids.ts';
import { type DigestReport, type RediscoverReport, type SetupReport, skipsByReasonLine, waitingOnLine } from '../../ports.ts';
import { day, duration, percent, SETUP_MARK, trendChange } from '../../chat-words.ts';

/** The trend of one figure in brackets, e.g. " (+12% on the 4-week average)", or nothing. */
function trend(d: DigestReport, figure: string): string {
  const change = trendChange(d, figure);
  return change ? ` _(${change})_` : '';
}

/**
 * The weekly digest: counts and job titles only, so it may go to a channel. Its button carries no
 * link: whoever presses it gets a report link of their own, privately (recruiters and admins).
 */
export function digestMessage(d: DigestReport): SlackMessage {
  const lines = [
    `*${d.applicationsScreened}* applications screened${trend(d, 'applicationsScreened')} (${d.unscorable} could not be scored)`,
    `Median time to screen: *${duration(d.medianTimeToScreenMs)}*${trend(d, 'medianTimeToScreenMs')}`,
    `Median manager response: *${duration(d.medianManagerResponseMs)}*${trend(d, 'medianManagerResponseMs')}`,
    `Decisions: 👍 ${d.decisions.approve} · 🤔 ${d.decisions.maybe} · 👎 ${d.decisions.skip}${trend(d, 'decisions')}`,
    `Followed the ranking: ${percent(d.followedRankingShare)}${trend(d, 'followedRankingShare')}`,
    `Interviews from the top-10: *${d.interviewsFromTopTen}* · hires: *${d.hires}*${trend(d, 'hires')}`,
  ];
  const skips = skipsByReasonLine(d);
  if (skips) lines.push(escapeMrkdwn(clip(skips, 1000)));
  const jobs = d.jobs
    .slice(0, 20)
    .map((j) => `• ${escapeMrkdwn(clip(j.title, 120))}: ${j.screened} screened, ${j.approvals} approved`);
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: `Skima weekly digest ${day(d.from)} – ${day(d.to)}` } },
    { type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } },
  ];
  if (jobs.length) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(`*By job*\n${jobs.join('\n')}`, LIMITS.sectionText) } });
  const waiting = (d.waitingOn ?? [])
    .slice(0, 15)
    .map((w) => `• ${escapeMrkdwn(waitingOnLine({ ...w, managerName: clip(w.managerName, 60), jobTitle: clip(w.jobTitle, 100) }))}`);
  if (waiting.length) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(`*Waiting on*\n${waiting.join('\n')}`, LIMITS.sectionText) } });
  blocks.push({
    type: 'actions',
    elements: [{ type: 'button', action_id: ACTION.openReport, text: { type: 'plain_text', text: 'Open the report' } }],
  });
  return checkMessage({ text: `Skima weekly digest: ${d.applicationsScreened} applications screened`, blocks });
}

/** `/skima setup`: one line per check, with the fix when one is needed. */
export function setupMessage(checks: SetupReport[], fixed: boolean): SlackMessage {
  const lines = checks.map((c) => {
    const fix = c.fix && (c.status === 'fail' || c.status === 'warn') ? `\n    ↳ ${escapeMrkdwn(clip(c.fix, 300))}` : '';
    return `${SETUP_MARK[c.status]} *${escapeMrkdwn(c.title)}*: ${escapeMrkdwn(clip(c.detail, 300))}${fix}`;
  });
  const failing = checks.filter((c) => c.status === 'fail').length;
  const blocks: Block[] = [{ type: 'header', text: { type: 'plain_text', text: 'Skima setup checks' } }];
  // Several sections: each one stays under the section text limit however many checks there are.
  for (let i = 0; i < lines.length && blocks.length < LIMITS.messageBlocks - 1; i += 8) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(lines.slice(i, i + 8).join('\n'), LIMITS.sectionText) } });
  }
  if (failing && !fixed) {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: 'Run `/skima setup fix` to fix what Skima can fix.' }] });
  }
  return checkMessage({ text: failing ? `Setup: ${failing} check(s) failing` : 'Setup: all checks pass', blocks });
}

/** "Add to job", behind Slack's confirmation dialog (it creates an application in Ashby). */
function addToJobButton(job: { id: string; title: string }, candidateId: string, index: number): Button {
  return {
    type: 'button',
    action_id: addToJobActionId(index),
    text: { type: 'plain_text', text: 'Add to job' },
    value: encodePastCandidate(job.id, candidateId),
    confirm: {
      title: { type: 'plain_text', text: 'Add to this job?' },
      text: { type: 'plain_text', text: clip(`Skima creates an application for ${job.title} in Ashby, with a note giving the score and reasons.`, 300) },
      confirm: { type: 'plain_text', text: 'Add to job' },
      deny: { type: 'plain_text', text: 'Cancel' },
    },
  };
}

/** `/skima rediscover`: answered ephemerally to the recruiter who asked (it names candidates). "Open in
 * browser" carries the job and the filter words only: the link is minted for whoever presses it. */
export function rediscoverMessage(r: RediscoverReport, filterWords: readonly string[] = []): SlackMessage {
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(`Rediscovered for ${r.job.title}`, LIMITS.headerText) } },
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `${r.candidates.length} qualified past candidates out of ${r.considered} considered` }],
    },
  ];
  r.candidates.slice(0, LIMITS.messageBlocks - 3).forEach((c, i) => {
    const name = c.candidateName ? escapeMrkdwn(c.candidateName) : `Past candidate #${i + 1}`;
    const why = c.reasons.slice(0, 3).map((x) => `• ${escapeMrkdwn(clip(x.text, 200))} — _“${escapeMrkdwn(clip(x.quote, 140))}”_`);
    const past = `${escapeMrkdwn(clip(c.pastJobTitle, 100))}, ${escapeMrkdwn(c.pastStatus)}${c.archiveReason ? ` (${escapeMrkdwn(clip(c.archiveReason, 80))})` : ''}`;
    const text = [`*${name}* — *${c.score}*/100 (${escapeMrkdwn(c.band)}) · applied to ${past}`, ...why].join('\n');
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(text, LIMITS.sectionText) }, accessory: addToJobButton(r.job, c.candidateId, i) });
  });
  if (r.candidates.length === 0) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: 'No qualified past candidate found with these filters.' } });
  }
  blocks.push({
    type: 'actions',
    elements: [{
      type: 'button',
      action_id: ACTION.openRediscover,
      text: { type: 'plain_text', text: 'Open in browser' },
      // Slack keeps at most 2,000 characters of a value: filters that long open the page unfiltered.
      value: encodeRediscovery(r.job.id, encodeRediscovery(r.job.id, filterWords).length <= 2000 ? filterWords : []),
    }],
  });
  return checkMessage({ text: `Rediscovered ${r.candidates.length} past candidates for ${clip(r.job.title, 200)}`, blocks });
}
