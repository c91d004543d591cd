import { type DigestReport, type RediscoverReport, type SetupReport, skipsByReasonLine, waitingOnLine } from '../../ports.ts';
import { day, duration, percent, SETUP_MARK, trendChange } from '../../chat-words.ts';
import { VERB } from '../card-actions.ts';
import {
  type AcNode,
  type AdaptiveCardJson,
  adaptiveCard,
  CARD_BUDGET_BYTES,
  cardBytes,
  clip,
  container,
  execute,
  heading,
  line,
  para,
  run,
} from '../card-json.ts';

/** The trend of one figure in brackets, e.g. " (+12% on the 4-week average)", or nothing. */
function trend(d: DigestReport, figure: string): string {
  const change = trendChange(d, figure);
  return change ? ` (${change})` : '';
}

/**
 * The weekly digest: counts and job titles only (no candidate), so it may go to a channel everyone in
 * the team reads; "Waiting on" names colleagues whose shortlists wait, as Slack's digest does.
 */
export function digestAdaptiveCard(d: DigestReport): AdaptiveCardJson {
  const figures = [
    `${d.applicationsScreened} applications screened${trend(d, 'applicationsScreened')} (${d.unscorable} could not be scored)`,
    `Median time to screen: ${duration(d.medianTimeToScreenMs)}${trend(d, 'medianTimeToScreenMs')}`,
    `Median manager response: ${duration(d.medianManagerResponseMs)}${trend(d, 'medianManagerResponseMs')}`,
    `Decisions: 👍 ${d.decisions.approve} · 🤔 ${d.decisions.maybe} · 👎 ${d.decisions.skip}${trend(d, 'decisions')}`,
    `Followed the ranking: ${percent(d.followedRankingShare)}${trend(d, 'followedRankingShare')}`,
    `Interviews from the top-10: ${d.interviewsFromTopTen} · hires: ${d.hires}${trend(d, 'hires')}`,
  ];
  const skips = skipsByReasonLine(d);
  if (skips) figures.push(clip(skips, 1000));
  const body: AcNode[] = [heading(`Skima weekly digest ${day(d.from)} – ${day(d.to)}`), ...figures.map((f) => line(f, {}, { spacing: 'none' }))];
  if (d.jobs.length) {
    body.push(line('By job', { weight: 'bolder' }, { separator: true }));
    for (const j of d.jobs.slice(0, 20)) {
      body.push(line(`• ${clip(j.title, 120)}: ${j.screened} screened, ${j.approvals} approved`, {}, { spacing: 'none' }));
    }
    if (d.jobs.length > 20) body.push(line(`and ${d.jobs.length - 20} more jobs`, { isSubtle: true }, { spacing: 'none' }));
  }
  const waiting = (d.waitingOn ?? []).slice(0, 15);
  if (waiting.length) {
    body.push(line('Waiting on', { weight: 'bolder' }, { separator: true }));
    for (const w of waiting) body.push(line(`• ${clip(waitingOnLine(w), 300)}`, {}, { spacing: 'none' }));
  }
  return adaptiveCard(body, [], `Skima weekly digest: ${d.applicationsScreened} applications screened`);
}

/** `setup`: one line per check, with the exact fix under each one that fails or warns. */
export function setupAdaptiveCard(checks: SetupReport[], opts: { fixed?: boolean } = {}): AdaptiveCardJson {
  const body: AcNode[] = [heading('Skima setup checks')];
  for (const c of checks.slice(0, 40)) {
    const items = [para([run(`${SETUP_MARK[c.status]} ${clip(c.title, 120)}: `, { weight: 'bolder' }), run(clip(c.detail, 300))])];
    if (c.fix && (c.status === 'fail' || c.status === 'warn')) items.push(line(`↳ ${clip(c.fix, 400)}`, { isSubtle: true }, { spacing: 'none' }));
    body.push(container(items, { spacing: 'small' }));
  }
  const failing = checks.filter((c) => c.status === 'fail').length;
  if (failing && !opts.fixed) body.push(line('Type "setup fix" to fix what Skima can fix.', { isSubtle: true }, { separator: true }));
  return adaptiveCard(body, [], failing ? `Setup: ${failing} check(s) failing` : 'Setup: all checks pass');
}

/** Reasons and quote lengths, from the most to the least, as for the shortlist card. */
const REDISCOVER_LEVELS = [
  { reasons: 3, reason: 200, quote: 140 },
  { reasons: 2, reason: 120, quote: 80 },
  { reasons: 1, reason: 90, quote: 60 },
] as const;
const REDISCOVER_MAX = 20;

/**
 * `rediscover`: qualified past candidates, answered only to the recruiter who asked (it names people).
 * "Add to job" creates an application in Ashby, so it sits behind a confirmation like Slack's: the
 * first button opens a short card saying what will happen, whose button sends `skima.addToJob`.
 */
export function rediscoverAdaptiveCard(
  r: RediscoverReport,
  opts: { jobId: string; canAdd: boolean },
): AdaptiveCardJson {
  const max = Math.min(r.candidates.length, REDISCOVER_MAX);
  for (const level of REDISCOVER_LEVELS) {
    const drawn = drawRediscover(r, opts, max, level);
    if (cardBytes(drawn) <= CARD_BUDGET_BYTES) return drawn;
  }
  const tersest = REDISCOVER_LEVELS[REDISCOVER_LEVELS.length - 1]!;
  for (let shown = max - 1; shown >= 0; shown--) {
    const drawn = drawRediscover(r, opts, shown, tersest);
    if (cardBytes(drawn) <= CARD_BUDGET_BYTES) return drawn;
  }
  throw new Error('the rediscovery card does not fit Teams\' size limit even without candidates');
}

function drawRediscover(
  r: RediscoverReport,
  opts: { jobId: string; canAdd: boolean },
  shown: number,
  level: (typeof REDISCOVER_LEVELS)[number],
): AdaptiveCardJson {
  const body: AcNode[] = [
    heading(clip(`Rediscovered for ${r.job.title}`, 150)),
    line(`${r.candidates.length} qualified past candidates out of ${r.considered} considered`, { isSubtle: true }),
  ];
  r.candidates.slice(0, shown).forEach((c, i) => {
    const name = c.candidateName ? clip(c.candidateName, 100) : `Past candidate #${i + 1}`;
    const past = `${clip(c.pastJobTitle, 100)}, ${clip(c.pastStatus, 40)}${c.archiveReason ? ` (${clip(c.archiveReason, 80)})` : ''}`;
    const items: AcNode[] = [
      para([run(`${name} — ${c.score}/100 (${clip(c.band, 40)})`, { weight: 'bolder' }), run(` · applied to ${past}`, { isSubtle: true })]),
      ...c.reasons.slice(0, level.reasons).map((x) =>
        para([run(`• ${clip(x.text, level.reason)} — `), run(`“${clip(x.quote, level.quote)}”`, { italic: true, isSubtle: true })], { spacing: 'small' }),
      ),
    ];
    if (c.missing.length) {
      items.push(line(`Missing: ${clip(c.missing.join(', '), 200)}`, { color: 'attention' }, { spacing: 'small' }));
    }
    if (opts.canAdd) items.push({ type: 'ActionSet', actions: [addToJobButton(r.job.title, opts.jobId, c.candidateId)], spacing: 'small' });
    body.push(container(items, { separator: true }));
  });
  if (r.candidates.length === 0) body.push(line('No qualified past candidate found with these filters.'));
  if (r.candidates.length > shown) {
    body.push(line(`${r.candidates.length - shown} more: narrow the filters (min:, since:, job:) to see them.`, { isSubtle: true }, { separator: true }));
  }
  return adaptiveCard(body, [], `Rediscovered ${r.candidates.length} past candidates for ${clip(r.job.title, 200)}`);
}

function addToJobButton(jobTitle: string, jobId: string, candidateId: string): AcNode {
  return {
    type: 'Action.ShowCard',
    title: 'Add to job',
    card: {
      type: 'AdaptiveCard',
      body: [line(clip(`Skima creates an application for ${jobTitle} in Ashby, with a note giving the score and reasons.`, 300), {}, {})],
      actions: [execute('Add to job', VERB.addToJob, { jobId, candidateId }, { style: 'positive', associatedInputs: 'none' })],
    },
  };
}
