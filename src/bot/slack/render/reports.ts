import { type Block, type Button, checkMessage, clip, escapeMrkdwn, firstFitting, LIMITS, type SlackMessage } from '../block-kit.ts';
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
  // Each section clipped so the three stay inside a message's text budget (block-kit.ts) together.
  const jobs = d.jobs
    .slice(0, 20)
    .map((j) => `• ${escapeMrkdwn(clip(j.title, 120))}: ${j.screened} screened, ${j.approvals} approved`);
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: `Skima weekly digest ${day(d.from)} – ${day(d.to)}` } },
    { type: 'section', text: { type: 'mrkdwn', text: clip(lines.join('\n'), 2000) } },
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

/** How much of each check's detail and fix is drawn, from the most to the least (as the shortlist does). */
const SETUP_LEVELS = [
  { title: 120, detail: 300, fix: 300 },
  { title: 80, detail: 160, fix: 240 },
  { title: 60, detail: 100, fix: 160 },
] as const;

/** `/skima setup`: one line per check, with the fix when one is needed. A list too long for one message
 * even at the tersest shows the checks that need a fix first, and says how many are left out. */
export function setupMessage(checks: SetupReport[], fixed: boolean): SlackMessage {
  const needsFix = (c: SetupReport) => c.status === 'fail' || c.status === 'warn';
  const failing = checks.filter((c) => c.status === 'fail').length;
  const tersest = SETUP_LEVELS[SETUP_LEVELS.length - 1]!;
  const urgentFirst = [...checks.filter(needsFix), ...checks.filter((c) => !needsFix(c))];
  const offerFix = failing > 0 && !fixed;
  function* drawings() {
    for (const level of SETUP_LEVELS) yield drawSetup(checks, checks.length, level, offerFix);
    for (let shown = checks.length - 1; shown >= 0; shown--) yield drawSetup(urgentFirst, shown, tersest, offerFix);
  }
  const blocks = firstFitting(drawings());
  return checkMessage({ text: failing ? `Setup: ${failing} check(s) failing` : 'Setup: all checks pass', blocks });
}

type SetupLevel = (typeof SETUP_LEVELS)[number];

function drawSetup(checks: SetupReport[], shown: number, level: SetupLevel, offerFix: boolean): Block[] {
  const lines = checks.slice(0, shown).map((c) => {
    const fix = c.fix && (c.status === 'fail' || c.status === 'warn') ? `\n    ↳ ${escapeMrkdwn(clip(c.fix, level.fix))}` : '';
    return `${SETUP_MARK[c.status]} *${escapeMrkdwn(clip(c.title, level.title))}*: ${escapeMrkdwn(clip(c.detail, level.detail))}${fix}`;
  });
  const blocks: Block[] = [{ type: 'header', text: { type: 'plain_text', text: 'Skima setup checks' } }];
  // Several sections: each one stays under the section text limit however many checks there are.
  for (let i = 0; i < lines.length && blocks.length < LIMITS.messageBlocks - 2; i += 8) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(lines.slice(i, i + 8).join('\n'), LIMITS.sectionText) } });
  }
  const notes: string[] = [];
  if (checks.length > shown) notes.push(`${checks.length - shown} more checks not shown here: \`skima setup\` in a terminal lists them all.`);
  if (offerFix) notes.push('Run `/skima setup fix` to fix what Skima can fix.');
  if (notes.length) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: notes.join(' ') }] });
  return blocks;
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
      // Shown once per candidate, so its words count many times against the message's text budget.
      text: { type: 'plain_text', text: `Skima creates an application for ${clip(job.title, 80)} in Ashby, with a note giving the score and reasons.` },
      confirm: { type: 'plain_text', text: 'Add to job' },
      deny: { type: 'plain_text', text: 'Cancel' },
    },
  };
}

/** Reasons and quote lengths, from the most to the least, as for the shortlist card. */
const REDISCOVER_LEVELS = [
  { reasons: 3, reason: 200, quote: 140, name: 100, past: 100 },
  { reasons: 2, reason: 120, quote: 80, name: 80, past: 80 },
  { reasons: 1, reason: 90, quote: 60, name: 60, past: 60 },
] as const;

/** `/skima rediscover`: answered ephemerally to the recruiter who asked (it names candidates). "Open in
 * browser" carries the job and the filter words only: the link is minted for whoever presses it. Drawn
 * at the first level that fits one message; a list too long even at the tersest shows its best and says
 * how many more the page has. */
export function rediscoverMessage(r: RediscoverReport, filterWords: readonly string[] = []): SlackMessage {
  const max = Math.min(r.candidates.length, LIMITS.messageBlocks - 4);
  const tersest = REDISCOVER_LEVELS[REDISCOVER_LEVELS.length - 1]!;
  function* drawings() {
    for (const level of REDISCOVER_LEVELS) yield drawRediscover(r, filterWords, max, level);
    for (let shown = max - 1; shown >= 0; shown--) yield drawRediscover(r, filterWords, shown, tersest);
  }
  const blocks = firstFitting(drawings());
  return checkMessage({ text: `Rediscovered ${r.candidates.length} past candidates for ${clip(r.job.title, 200)}`, blocks });
}

function drawRediscover(
  r: RediscoverReport,
  filterWords: readonly string[],
  shown: number,
  level: (typeof REDISCOVER_LEVELS)[number],
): Block[] {
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(`Rediscovered for ${r.job.title}`, LIMITS.headerText) } },
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `${r.candidates.length} qualified past candidates out of ${r.considered} considered` }],
    },
  ];
  r.candidates.slice(0, shown).forEach((c, i) => {
    const name = c.candidateName ? escapeMrkdwn(clip(c.candidateName, level.name)) : `Past candidate #${i + 1}`;
    const why = c.reasons.slice(0, level.reasons).map((x) => `• ${escapeMrkdwn(clip(x.text, level.reason))} — _“${escapeMrkdwn(clip(x.quote, level.quote))}”_`);
    const archived = c.archiveReason ? ` (${escapeMrkdwn(clip(c.archiveReason, 80))})` : '';
    const past = `${escapeMrkdwn(clip(c.pastJobTitle, level.past))}, ${escapeMrkdwn(clip(c.pastStatus, 40))}${archived}`;
    const text = [`*${name}* — *${c.score}*/100 (${escapeMrkdwn(clip(c.band, 40))}) · applied to ${past}`, ...why].join('\n');
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(text, LIMITS.sectionText) }, accessory: addToJobButton(r.job, c.candidateId, i) });
  });
  if (r.candidates.length === 0) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: 'No qualified past candidate found with these filters.' } });
  }
  if (r.candidates.length > shown) {
    const more = r.candidates.length - shown;
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `${more} more: Open in browser to see them all, or narrow the filters.` }] });
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
  return blocks;
}
