// Slack refuses a message whose blocks carry too much text in all (`msg_blocks_too_long`, undocumented):
// the check that counts it, and every large message Skima sends fitting it by design.
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { type Block, blocksTextLength, checkMessage, MESSAGE_TEXT_BUDGET, type SlackMessage } from '../../../src/bot/slack/block-kit.ts';
import { ACTION } from '../../../src/bot/slack/ids.ts';
import { noticeMessage } from '../../../src/bot/slack/render/notice.ts';
import { digestMessage, rediscoverMessage, setupMessage } from '../../../src/bot/slack/render/reports.ts';
import { statusMessage } from '../../../src/bot/slack/render/status.ts';
import { WebApiSlack } from '../../../src/bot/slack/slack-api.ts';
import { prose } from './largest.ts';

const section = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text } });
const within = (m: SlackMessage) => blocksTextLength(m.blocks) <= MESSAGE_TEXT_BUDGET;

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
