// The Block Kit limits Skima enforces before sending, and the renderers staying inside them.
import { dispositionChooseModal, dispositionConfirmModal, dispositionProgressMessage } from '../../../src/bot/slack/render/disposition.ts';
import { describe, expect, it } from 'vitest';
import { checkHome, checkMessage, checkModal, LIMITS } from '../../../src/bot/slack/block-kit.ts';
import { homeView } from '../../../src/bot/slack/render/home.ts';
import { helpMessage } from '../../../src/bot/slack/render/help.ts';
import { noteModal } from '../../../src/bot/slack/render/note-modal.ts';
import { digestMessage, rediscoverMessage, setupMessage } from '../../../src/bot/slack/render/reports.ts';
import { shortlistMessage } from '../../../src/bot/slack/render/shortlist.ts';
import { statusMessage } from '../../../src/bot/slack/render/status.ts';
import { candidate, card, FakeServices } from './fakes.ts';

const section = (text: string) => ({ type: 'section' as const, text: { type: 'mrkdwn' as const, text } });
const button = (action_id: string, value = 'v') => ({
  type: 'button' as const,
  action_id,
  text: { type: 'plain_text' as const, text: 'Go' },
  value,
});

describe('the Block Kit limits', () => {
  it('refuses more than 50 blocks in a message and 100 in a view', () => {
    const blocks = (n: number) => Array.from({ length: n }, () => section('x'));
    expect(() => checkMessage({ text: 't', blocks: blocks(50) })).not.toThrow();
    expect(() => checkMessage({ text: 't', blocks: blocks(51) })).toThrow(/50/);
    expect(() => checkHome({ type: 'home', blocks: blocks(100) })).not.toThrow();
    expect(() => checkHome({ type: 'home', blocks: blocks(101) })).toThrow(/100/);
  });

  it('refuses section text over 3000, header over 150, button text over 75 and values over 2000', () => {
    expect(() => checkMessage({ text: 't', blocks: [section('x'.repeat(3000))] })).not.toThrow();
    expect(() => checkMessage({ text: 't', blocks: [section('x'.repeat(3001))] })).toThrow();
    const header = (n: number) => ({ type: 'header' as const, text: { type: 'plain_text' as const, text: 'h'.repeat(n) } });
    expect(() => checkMessage({ text: 't', blocks: [header(151)] })).toThrow();
    const long = { ...button('a'), text: { type: 'plain_text' as const, text: 'b'.repeat(76) } };
    expect(() => checkMessage({ text: 't', blocks: [{ type: 'actions', elements: [long] }] })).toThrow();
    expect(() => checkMessage({ text: 't', blocks: [{ type: 'actions', elements: [button('a', 'v'.repeat(2000))] }] })).not.toThrow();
    expect(() => checkMessage({ text: 't', blocks: [{ type: 'actions', elements: [button('a', 'v'.repeat(2001))] }] })).toThrow();
    expect(() => checkMessage({ text: 't', blocks: [{ type: 'actions', elements: [button('a'.repeat(256))] }] })).toThrow();
  });

  it('refuses an action_id used twice in one message, even in different blocks', () => {
    const blocks = [
      { type: 'actions' as const, elements: [button('skima.x')] },
      { type: 'actions' as const, elements: [button('skima.x')] },
    ];
    expect(() => checkMessage({ text: 't', blocks })).toThrow(/duplicate action_id skima.x/);
  });

  it('refuses a modal title over 24 characters and a modal with inputs but no submit', () => {
    const view = noteModal({ jobId: 'j', applicationId: 'a' }, 'Person 1');
    expect(() => checkModal({ ...view, title: { type: 'plain_text', text: 'x'.repeat(25) } })).toThrow();
    expect(() => checkModal({ ...view, submit: undefined })).toThrow(/submit/);
  });
});

describe('what Skima renders', () => {
  it('draws a top-10 card in 23 blocks: header, counts, a section and buttons per candidate, the link button', () => {
    const message = shortlistMessage(card(10));
    expect(message.blocks).toHaveLength(23);
    expect(message.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Shortlist: Store Manager' } });
    expect(JSON.stringify(message.blocks[1])).toContain('Top 10 of 42 screened · 10 awaiting a decision');
    expect(JSON.stringify(message.blocks[2])).toContain('*#1 · Person 1* — *92*/100 (strong)');
    expect(JSON.stringify(message.blocks[2])).toContain('Sales associate, Northwind, 2019-2023');
    expect(JSON.stringify(message.blocks[4])).toContain('Missing: Food hygiene certificate');
    const last = message.blocks.at(-1)!;
    expect(last).toMatchObject({ type: 'actions', elements: [{ action_id: 'skima.open_shortlist' }, { action_id: 'skima.edit_requirements' }] });
    expect(JSON.stringify(message)).not.toContain('http'); // no link is ever posted in a card
  });

  it('keeps a long shortlist under 50 blocks and points to the rest', () => {
    const message = shortlistMessage(card(40));
    expect(message.blocks.length).toBeLessThanOrEqual(LIMITS.messageBlocks);
    expect(JSON.stringify(message)).toContain('more on the full shortlist');
  });

  it('clips oversize reasons and quotes instead of failing the whole card', () => {
    const huge = candidate(1, { reasons: Array.from({ length: 5 }, () => ({ text: 'r'.repeat(5000), quote: 'q'.repeat(5000), start: 0, end: 1 })) });
    expect(() => shortlistMessage(card(1, { candidates: [huge] }))).not.toThrow();
  });

  it('escapes Slack control characters from resume text and job titles', () => {
    const tricky = candidate(1, { reasons: [{ text: 'Ran <!channel> & more', quote: '<https://evil.test|click>', start: 0, end: 1 }] });
    const text = JSON.stringify(shortlistMessage(card(1, { jobTitle: 'R&D <Lead>', candidates: [tricky] })));
    expect(text).toContain('&lt;!channel&gt; &amp; more');
    expect(text).not.toContain('<https://evil.test');
  });

  it('in redaction mode names nobody: candidates are numbered by rank', () => {
    const anonymous = [1, 2, 3].map((r) => candidate(r, { candidateName: undefined }));
    const redacted = card(3, { redacted: true, candidates: anonymous });
    const text = JSON.stringify(shortlistMessage(redacted));
    expect(text).toContain('Candidate #1');
    expect(text).not.toContain('Person');
    expect(text).toContain('names hidden');
  });

  it('puts opaque ids, never names, in button values, and keeps action ids unique', () => {
    const message = shortlistMessage(card(10));
    const buttons = message.blocks
      .flatMap((b) => (b.type === 'actions' ? b.elements : []))
      .flatMap((e) => (e.type === 'button' ? [e] : []));
    expect(buttons.every((b) => !/Person/.test(b.value ?? ''))).toBe(true);
    expect(new Set(buttons.map((b) => b.action_id)).size).toBe(buttons.length);
    // Per candidate: Approve, Skip, Maybe, Add note, Advance…, Archive…; then Open full shortlist, Edit requirements.
    expect(buttons).toHaveLength(62);
  });

  it('keeps the advance/archive modals and the progress message inside the limits, however long Ashby\'s lists', () => {
    const long = 'x'.repeat(300);
    const many = {
      stages: Array.from({ length: 150 }, (_, i) => ({ id: `stage-${i}`, title: `${long} ${i}` })),
      reasons: Array.from({ length: 150 }, (_, i) => ({ id: `reason-${i}`, text: `${long} ${i}` })),
      templates: Array.from({ length: 150 }, (_, i) => ({ id: `tpl-${i}`, title: `${long} ${i}` })),
    };
    const meta = { j: 'job-1', a: 'app-1', x: 'archive' as const, c: { channel: 'D1', ts: '1.2' } };
    expect(() => dispositionChooseModal(meta, long, many)).not.toThrow();
    expect(() => dispositionChooseModal({ ...meta, x: 'advance' }, long, many)).not.toThrow();
    expect(() => dispositionConfirmModal({ ...meta, r: 'reason-1', k: 'k'.repeat(36) }, `Archive 1 application with reason "${long}"?`)).not.toThrow();
    const failures = Array.from({ length: 60 }, () => `Its stage changed in Ashby since you confirmed (now "${long}"); left as it is.`);
    const status = { total: 60, done: 0, unchanged: 0, failed: 60, queued: 0, finished: true, summary: '0 archived, 60 failed (of 60)', failures };
    expect(() => dispositionProgressMessage('archive', status)).not.toThrow();
    expect(() => dispositionProgressMessage('advance', null)).not.toThrow();
  });

  it('draws every other message and view inside the limits', async () => {
    const s = new FakeServices();
    const jobs = Array.from({ length: 150 }, (_, i) => ({ id: `job-${i}`, title: `Job ${i}`, status: 'Open', shortlisted: 10, awaitingDecision: 1, awaitingYou: 2 }));
    expect(checkHome(homeView(jobs, 'Dana')).blocks.length).toBeLessThanOrEqual(LIMITS.viewBlocks);
    const status = await s.status();
    const digest = await s.digest();
    expect(() => checkMessage(statusMessage(status))).not.toThrow();
    expect(() => checkMessage(digestMessage(digest))).not.toThrow();
    expect(() => checkMessage(helpMessage('x'.repeat(5000)))).not.toThrow();
    const checks = Array.from({ length: 30 }, (_, i) => ({ id: `c${i}`, title: `Check ${i}`, status: 'fail' as const, detail: 'd'.repeat(400), fix: 'f'.repeat(400) }));
    expect(() => checkMessage(setupMessage(checks, false))).not.toThrow();
    const past = Array.from({ length: 60 }, (_, i) => ({
      candidateId: `c${i}`, pastApplicationId: `p${i}`, pastJobTitle: 'Cashier', pastStatus: 'Archived', archiveReason: 'Hired elsewhere', score: 80, band: 'strong',
      reasons: [{ text: 't', quote: 'q' }], missing: [], lastActivityAt: new Date(), candidateName: `Past ${i}`,
    }));
    const rediscovered = rediscoverMessage({ job: { id: 'j', title: 'Store Manager' }, considered: 300, candidates: past });
    expect(rediscovered.blocks.length).toBeLessThanOrEqual(LIMITS.messageBlocks);
  });

  it('keeps the digest free of personal data: counts and job titles only', async () => {
    const text = JSON.stringify(digestMessage(await new FakeServices().digest()));
    expect(text).toContain('120');
    expect(text).toContain('Store Manager: 42 screened, 6 approved');
    expect(text).not.toMatch(/Person|@/);
  });

  it('shows each trend beside its figure, and an Open the report button that carries no link', async () => {
    const message = digestMessage(await new FakeServices().digest());
    const text = JSON.stringify(message);
    expect(text).toContain('*120* applications screened _(+20% on the 4-week average)_');
    expect(text).toContain('Followed the ranking: 80% _(+5 points on the 4-week average)_');
    expect(text).toContain('hires: *1*');
    expect(text).not.toMatch(/hires: \*1\* _\(/);
    const actions = message.blocks.at(-1)!;
    expect(actions).toEqual({
      type: 'actions',
      elements: [{ type: 'button', action_id: 'skima.open_report', text: { type: 'plain_text', text: 'Open the report' } }],
    });
    expect(text).not.toMatch(/https?:/);
  });
});
