// "Hired", reminders, scores, the resume drop's messages and "waiting on" as Slack draws them: inside
// Block Kit's limits however long the words, escaped, and a channel's notice without a button.
import { describe, expect, it } from 'vitest';
import { checkMessage, LIMITS } from '../../../src/bot/slack/block-kit.ts';
import { encodeJob } from '../../../src/bot/slack/ids.ts';
import { noticeMessage } from '../../../src/bot/slack/render/notice.ts';
import { digestMessage } from '../../../src/bot/slack/render/reports.ts';
import { jobMenuMessage, outcomeText, previewMessage } from '../../../src/bot/slack/render/resume-drop.ts';
import { statusMessage } from '../../../src/bot/slack/render/status.ts';
import { type WaitingOnManager, waitingOnLine } from '../../../src/bot/ports.ts';
import { FakeServices } from './fakes.ts';

const long = 'Senior Principal Staff Backend Platform Engineer, Payments & <Risk> '.repeat(40);

describe('notices and the resume drop in Block Kit', () => {
  it('a notice to a person offers the card; in a channel it has no button; long words stay inside the limits', () => {
    const notice = { kind: 'hired' as const, headline: `Hired: Ada <Quill> for ${long}`, lines: [long, long], jobId: 'job-1' };
    const person = checkMessage(noticeMessage(notice, 'person'));
    const channel = checkMessage(noticeMessage(notice, 'channel'));
    expect(person.blocks.map((b) => b.type)).toEqual(['section', 'context', 'actions']);
    expect(channel.blocks.map((b) => b.type)).toEqual(['section', 'context']);
    expect(JSON.stringify(person.blocks[0])).toContain('Ada &lt;Quill&gt;');
    expect(person.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
  });

  it('a reminder about several jobs offers each one\'s card by its title, at most five, inside the limits', () => {
    const jobs = Array.from({ length: 7 }, (_, i) => ({ jobId: `job-${i}`, title: `${long} ${i}` }));
    const notice = { kind: 'nudge' as const, headline: '9 shortlisted candidates for 7 jobs are waiting', lines: [long], jobId: 'job-0', jobs };
    const message = checkMessage(noticeMessage(notice, 'person'));
    const buttons = message.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : []));
    expect(buttons.map((b) => b.type === 'button' && b.value)).toEqual(['job-0', 'job-1', 'job-2', 'job-3', 'job-4'].map(encodeJob));
    expect(buttons.every((b) => b.type === 'button' && b.text.text.startsWith('Senior Principal'))).toBe(true);
    expect(checkMessage(noticeMessage(notice, 'channel')).blocks.map((b) => b.type)).toEqual(['section', 'context']);
  });

  it('the job menu holds at most 100 jobs, and says so when there is none', () => {
    const jobs = Array.from({ length: 130 }, (_, i) => ({ id: `job-${i}`, title: `${long} ${i}`, status: 'Open' }));
    const menu = checkMessage(jobMenuMessage('cv.pdf', jobs, 'F1'));
    const select = menu.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : []))[0]!;
    expect(select.type === 'static_select' && select.options.length).toBe(LIMITS.selectOptions);
    expect(checkMessage(jobMenuMessage('cv.pdf', [], 'F1')).text).toBe('No open job to add this resume to');
  });

  it('the preview and its outcome', () => {
    const preview = {
      jobId: 'job-1', jobTitle: long, found: { name: 'Ada Quill', email: 'ada@example.com', phone: null, profileUrl: null },
      existing: { name: 'Ada Quill', matchedBy: 'email' },
    };
    const message = checkMessage(previewMessage(preview, 'F1', 'Ada.pdf'));
    expect(JSON.stringify(message.blocks)).toContain('Ashby has *Ada Quill* already (matched by email)');
    expect(outcomeText({ status: 'refused', message: 'Nope. Nothing was created.' })).toBe('Nope. Nothing was created.');
  });

  it('status and the digest list who is waited on, the same line everywhere', async () => {
    const waiting: WaitingOnManager[] = Array.from({ length: 40 }, (_, i) => ({
      managerName: `Manager ${i}`, jobTitle: long, candidates: 1 + i, oldestWorkingDays: 2.7,
    }));
    expect(waitingOnLine({ managerName: 'Dana Lee', jobTitle: 'Store Manager', candidates: 1, oldestWorkingDays: 1.2 }))
      .toBe('Dana Lee (1 candidate, oldest 1 working day) for Store Manager');
    const fake = new FakeServices();
    const status = checkMessage(statusMessage({ ...(await fake.status()), waiting }));
    expect(JSON.stringify(status.blocks)).toContain('*Waiting on*');
    expect(JSON.stringify(status.blocks)).toContain('…and 25 more');
    const digest = checkMessage(digestMessage({ ...(await fake.digest()), waitingOn: waiting.slice(0, 2) }));
    expect(JSON.stringify(digest.blocks)).toContain('Manager 1 (2 candidates, oldest 2 working days)');
  });
});
