// Slack refuses a message whose blocks carry too much text in all (`msg_blocks_too_long`, undocumented):
// the check that counts it, and every large message Skima sends fitting it by design.
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import type { CandidateCard } from '../../../src/bot/card-model.ts';
import { type Block, blocksTextLength, checkMessage, MESSAGE_TEXT_BUDGET, type SlackMessage } from '../../../src/bot/slack/block-kit.ts';
import { ACTION, advanceActionId, archiveActionId, decideActionId, noteActionId, skipReasonActionId } from '../../../src/bot/slack/ids.ts';
import { noticeMessage } from '../../../src/bot/slack/render/notice.ts';
import { digestMessage, rediscoverMessage, setupMessage } from '../../../src/bot/slack/render/reports.ts';
import { shortlistMessage } from '../../../src/bot/slack/render/shortlist.ts';
import { statusMessage } from '../../../src/bot/slack/render/status.ts';
import { WebApiSlack } from '../../../src/bot/slack/slack-api.ts';
import { candidate, card } from './fakes.ts';
import { largestCard, longRequirements, longSkipReasons, prose } from './largest.ts';

const section = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text } });
const within = (m: SlackMessage) => blocksTextLength(m.blocks) <= MESSAGE_TEXT_BUDGET;

/** The candidate sections a card shows, by the rank they start with. */
const shownRanks = (m: SlackMessage) => m.blocks
  .flatMap((b) => (b.type === 'section' && b.text ? [/^\*#(\d+) · /.exec(b.text.text)] : []))
  .flatMap((match) => (match ? [Number(match[1])] : []));

/** Every control a candidate must keep, by action id. */
const controlsOf = (rank: number) => [
  decideActionId('approve', rank),
  decideActionId('skip', rank),
  decideActionId('maybe', rank),
  noteActionId(rank),
  advanceActionId(rank),
  archiveActionId(rank),
];
const actionIds = (m: SlackMessage) => m.blocks.flatMap((b) => (b.type === 'actions' ? b.elements.map((e) => e.action_id) : []));

describe('the text budget of one message', () => {
  it('counts every text a block carries: section text and fields, context, header, buttons, menus, confirmations', () => {
    const blocks: Block[] = [
      { type: 'header', text: { type: 'plain_text', text: 'h'.repeat(10) } },
      { type: 'section', fields: [{ type: 'mrkdwn', text: 'f'.repeat(20) }, { type: 'plain_text', text: 'g'.repeat(30) }] },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'c'.repeat(40) }] },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: 's'.repeat(50) },
        accessory: {
          type: 'button',
          action_id: 'a'.repeat(200),
          value: 'v'.repeat(2000),
          text: { type: 'plain_text', text: 'b'.repeat(6) },
          confirm: {
            title: { type: 'plain_text', text: 't'.repeat(7) },
            text: { type: 'plain_text', text: 'x'.repeat(8) },
            confirm: { type: 'plain_text', text: 'y'.repeat(9) },
            deny: { type: 'plain_text', text: 'z'.repeat(11) },
          },
        },
      },
      {
        type: 'actions',
        elements: [{
          type: 'static_select',
          action_id: 'menu',
          placeholder: { type: 'plain_text', text: 'p'.repeat(12) },
          options: [{ text: { type: 'plain_text', text: 'o'.repeat(13) }, value: 'w'.repeat(150) }],
        }],
      },
    ];
    // Ids and values are not text Slack shows: 10+20+30+40+50+6+7+8+9+11+12+13.
    expect(blocksTextLength(blocks)).toBe(216);
  });

  it('can fail: a message over the budget is refused, though every block is inside its own limit', () => {
    const at = [section('x'.repeat(2500)), section('x'.repeat(2500)), section('x'.repeat(2500)), section('x'.repeat(2500))];
    expect(blocksTextLength(at)).toBe(MESSAGE_TEXT_BUDGET);
    expect(() => checkMessage({ text: 't', blocks: at })).not.toThrow();
    const over = [...at, { type: 'context' as const, elements: [{ type: 'mrkdwn' as const, text: 'x' }] }];
    expect(() => checkMessage({ text: 't', blocks: over })).toThrow(/10001 text characters in all, over the 10000 .*msg_blocks_too_long/);
  });

  describe('at the one way out to Slack', () => {
    afterEach(() => nock.cleanAll());

    it('refuses an oversize message before calling chat.postMessage or chat.update', async () => {
      const slack = nock('https://slack.test').post(/.*/).reply(200, { ok: true, channel: 'D1', ts: '1.1' });
      const api = new WebApiSlack({ token: 'xoxb-test', apiUrl: 'https://slack.test/api/', retries: 0 });
      const blocks = Array.from({ length: 5 }, () => section('x'.repeat(2500)));
      await expect(api.postMessage('U1', { text: 't', blocks })).rejects.toThrow(/msg_blocks_too_long/);
      await expect(api.updateMessage({ channel: 'D1', ts: '1.1' }, { text: 't', blocks })).rejects.toThrow(/msg_blocks_too_long/);
      expect(slack.isDone()).toBe(false); // Slack was never called
      await api.postMessage('U1', { text: 't', blocks: blocks.slice(0, 4) });
      expect(slack.isDone()).toBe(true);
    });
  });
});

describe('the shortlist card within the budget', () => {
  it('fits the largest realistic card with all ten candidates, each with every button and the skip-reason menu', () => {
    const big = largestCard();
    const m = shortlistMessage(big, longSkipReasons());
    expect(blocksTextLength(m.blocks)).toBeLessThanOrEqual(MESSAGE_TEXT_BUDGET);
    expect(shownRanks(m)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const ids = actionIds(m);
    for (let rank = 1; rank <= 10; rank++) {
      expect(ids).toEqual(expect.arrayContaining([...controlsOf(rank), skipReasonActionId(rank)]));
    }
    expect(ids).toEqual(expect.arrayContaining([ACTION.openShortlist, ACTION.editRequirements, ACTION.archiveSkipped]));
    // Each menu still ends with Skima's own reason; the note modal offers the whole list.
    const menus = m.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : [])).flatMap((e) => (e.type === 'static_select' ? [e] : []));
    expect(menus).toHaveLength(10);
    for (const menu of menus) expect(menu.options.at(-1)!.value).toBe('requirements');
    // Shortened, and said so: clipped quotes marked, the reasons left out counted, missing must-haves kept.
    const text = JSON.stringify(m.blocks);
    expect(text).toContain('…”_');
    expect(text).toMatch(/_\d more reasons on the full shortlist_/);
    expect(text).toContain('Missing: Must-have requirement number 0');
    expect(text).toContain('You: 👎 Skipped — “a long note');
    // At least two reasons with their quotes for every candidate (docs/slack.md says so).
    const sections = m.blocks.flatMap((x) => (x.type === 'section' && x.text ? [x.text.text] : []));
    for (const s of sections) expect(s.match(/\n• .* — _“.*”_/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
  });

  it('stays within for any mix of sizes (40 seeded random cards, up to 30 candidates, 5,000-character texts, long reason lists)', () => {
    let seed = 17;
    const rand = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % (n + 1);
    };
    const text = (max: number) => 'Zürich café “quote” & <R&D> 🛒 *not bold* _x_ '.repeat(Math.ceil(max / 40)).slice(0, rand(max));
    const decision = () => ({ verdict: 'skip' as const, note: text(2000) || null, reviewerId: `u${rand(3)}`, reviewerName: text(200) || 'Dana', channel: 'slack' as const, at: new Date() });
    let shortened = 0;
    for (let i = 0; i < 40; i++) {
      const n = rand(30);
      const candidates: CandidateCard[] = Array.from({ length: n }, (_, r) => candidate(r + 1, {
        candidateName: text(300) || undefined,
        band: text(30) || 'weak',
        reasons: Array.from({ length: rand(5) }, () => ({ text: text(5000), quote: text(5000), start: 0, end: 1 })),
        missing: Array.from({ length: rand(20) }, () => text(300)),
        reviewerDecision: rand(1) ? decision() : null,
        latestDecision: rand(1) ? decision() : null,
      }));
      const reasons = Array.from({ length: rand(40) }, (_, r) => ({ id: `reason-${r}`, text: text(300) || 'Other' }));
      const requirements = longRequirements().slice(0, rand(20));
      const c = card(n, { candidates, jobTitle: text(500) || 'Job', department: text(300) || null, location: text(300) || null, requirements, skippedActive: rand(500) });
      const m = shortlistMessage(c, reasons);
      expect(within(m), `card ${i}: ${blocksTextLength(m.blocks)} characters`).toBe(true);
      const ranks = shownRanks(m);
      if (n > 0) expect(ranks[0]).toBe(1); // the top candidate always shows
      const ids = actionIds(m);
      for (const rank of ranks) {
        expect(ids).toEqual(expect.arrayContaining(controlsOf(rank)));
        if (reasons.length) expect(ids).toContain(skipReasonActionId(rank));
      }
      if (ranks.length < n) {
        shortened++;
        expect(JSON.stringify(m.blocks)).toContain(`${n - ranks.length} more on the full shortlist.`);
      }
    }
    expect(shortened).toBeGreaterThan(0); // some cards were long enough to need fewer candidates
  });
});

describe('the other large messages within the budget', () => {
  it('rediscovery: fifty long past candidates show as many as fit, and say how many more', () => {
    const past = Array.from({ length: 50 }, (_, i) => ({
      candidateId: `c${i}`,
      pastApplicationId: `p${i}`,
      pastJobTitle: prose('past job', 2),
      pastStatus: 'Archived',
      archiveReason: prose('archive reason', 2),
      score: 80,
      band: 'worth a look',
      reasons: Array.from({ length: 3 }, () => ({ text: prose('reason', 3), quote: prose('quote', 3) })),
      missing: [],
      lastActivityAt: new Date(),
      candidateName: `Maria-Fernanda de la Concepción Álvarez-Vandenberghe ${i}`,
    }));
    const m = rediscoverMessage({ job: { id: 'j', title: prose('job', 3) }, considered: 5000, candidates: past }, ['min:70']);
    expect(within(m)).toBe(true);
    const shown = m.blocks.filter((b) => b.type === 'section').length;
    expect(shown).toBeGreaterThan(5);
    expect(JSON.stringify(m.blocks)).toContain(`${50 - shown} more: Open in browser to see them all, or narrow the filters.`);
    expect(actionIds(m)).toContain(ACTION.openRediscover);
  });

  it('setup: sixty long checks fit, the failing ones and their fixes first when not all can show', () => {
    const checks = Array.from({ length: 60 }, (_, i) => ({
      id: `c${i}`,
      title: `Check ${i}: ${prose('webhook', 1)}`,
      status: i >= 50 ? ('fail' as const) : ('ok' as const),
      detail: prose('detail', 4),
      fix: `Fix ${i}: ${prose('fix', 4)}`,
    }));
    const m = setupMessage(checks, false);
    expect(within(m)).toBe(true);
    const text = JSON.stringify(m.blocks);
    for (let i = 50; i < 60; i++) expect(text).toContain(`↳ Fix ${i}: `);
    expect(text).toMatch(/\d+ more checks not shown here/);
    expect(text).toContain('/skima setup fix');
  });

  const long = (n: number) => 'R&D <ops> '.repeat(n);
  const waiting = Array.from({ length: 40 }, () => ({
    managerName: long(20), jobTitle: long(30), candidates: 10, oldestWorkingDays: 12,
  }));

  it('status: every section at its longest stays within', () => {
    const status = statusMessage({
      sync: Array.from({ length: 60 }, (_, i) => ({ resource: `${long(5)}${i}`, lastSyncAt: null, stale: true })),
      queue: Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`${long(3)}${i}`, { queued: 1, running: 1, failed: 1, dead: 1 }])),
      lastWebhookAt: null,
      errors: Array.from({ length: 20 }, () => ({ source: long(20), message: long(40), at: new Date(), count: 99 })),
      applications: { screened: 1e9, pending: 1e9, unscorable: 1e9 },
      pool: { indexed: 1e9, candidates: 1e9 },
      waiting,
    });
    expect(within(status)).toBe(true);
  });

  // These two fitted before the budget was counted (their blocks are few and each is clipped): kept
  // here so that a longer clip or another section shows up as over the budget.
  it('digest and a reminder naming five jobs: at their longest, within', () => {
    const digest = digestMessage({
      from: new Date('2026-11-23T00:00:00Z'),
      to: new Date('2026-11-30T00:00:00Z'),
      applicationsScreened: 1e9,
      unscorable: 1e9,
      medianTimeToScreenMs: 1e12,
      medianManagerResponseMs: 1e12,
      decisions: { approve: 1e9, skip: 1e9, maybe: 1e9 },
      followedRankingShare: 0.5,
      interviewsFromTopTen: 1e9,
      hires: 1e9,
      jobs: Array.from({ length: 60 }, (_, i) => ({ jobId: `j${i}`, title: long(30), screened: 1e9, approvals: 1e9 })),
      trends: ['applicationsScreened', 'medianTimeToScreenMs', 'medianManagerResponseMs', 'decisions', 'followedRankingShare', 'hires']
        .map((figure) => ({ figure, change: long(20) })),
      waitingOn: waiting,
      skipsByReason: Array.from({ length: 40 }, () => ({ reason: long(20), count: 99 })),
    });
    expect(within(digest)).toBe(true);
    const jobs = Array.from({ length: 5 }, (_, i) => ({ jobId: `job-${i}`, title: prose(`job ${i}`, 2) }));
    const reminder = noticeMessage({
      kind: 'nudge',
      headline: `${long(300)} shortlisted candidates are waiting for your decision`,
      lines: jobs.map((j) => `• ${j.title}: ${long(100)}`),
      jobId: 'job-0',
      jobs,
    }, 'person');
    expect(within(reminder)).toBe(true);
    expect(actionIds(reminder)).toHaveLength(5);
  });
});
