// Resumes dropped into Skima's DM, through the listeners with fakes: the job named in the message or
// picked from a menu, a preview before anything is created, Add and Cancel, recruiters only, a file
// that cannot be read or is someone else's answered in words.
import { describe, expect, it } from 'vitest';
import { ACTION, encodeResumeDrop } from '../../../src/bot/slack/ids.ts';
import { resumeAddAction } from '../../../src/bot/slack/listeners/actions/resume-add.ts';
import { resumeCancelAction } from '../../../src/bot/slack/listeners/actions/resume-cancel.ts';
import { resumeJobPicked } from '../../../src/bot/slack/listeners/actions/resume-job-picked.ts';
import { jobNamed, resumeDropped } from '../../../src/bot/slack/listeners/events/resume-dropped.ts';
import { isSlackFileUrl } from '../../../src/bot/slack/slack-api.ts';
import type { SlackMessage } from '../../../src/bot/slack/block-kit.ts';
import { fakeDeps } from './fakes.ts';

/** What a message says (its fallback text, which Skima keeps equal to its words). */
const shown = (m: { text: string; blocks: unknown[] }) => `${m.text}\n${JSON.stringify(m.blocks)}`;
const said = (m: { text: string }) => m.text;

const PDF = Buffer.from('%PDF-1.4 Ada Quill ada@example.com');

function withFile(slack: ReturnType<typeof fakeDeps>['slack'], id = 'F1', over: { user?: string; bytes?: Buffer; size?: number } = {}) {
  slack.files.set(id, {
    id,
    name: 'Ada_Quill.pdf',
    user: over.user ?? 'U_CHRIS',
    size: over.size ?? PDF.length,
    mimetype: 'application/pdf',
    urlPrivateDownload: `https://files.slack.com/files-pri/T1-${id}/download/ada_quill.pdf`,
    bytes: over.bytes ?? PDF,
  });
}

const drop = (text: string, user = 'U_CHRIS', files = [{ id: 'F1', name: 'Ada_Quill.pdf' }]) => ({
  event: { type: 'message', subtype: 'file_share', channel_type: 'im', user, channel: `D${user.slice(1)}`, text, files, ts: '1.1' },
});

const click = (actionId: string, value: string, user = 'U_CHRIS', selected = false) => ({
  body: {
    type: 'block_actions',
    user: { id: user },
    container: { type: 'message', channel_id: 'D_CHRIS', message_ts: '1700000000.000001' },
    actions: [selected ? { action_id: actionId, selected_option: { value } } : { action_id: actionId, value }],
  },
  ack: async () => {},
});

const buttons = (message: SlackMessage) =>
  message.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : [])).flatMap((e) => (e.type === 'button' ? [e] : []));

describe('a resume dropped into the DM', () => {
  it('names its job in the message: the file is read and shown with Add and Cancel, nothing created', async () => {
    const { deps, slack, services } = fakeDeps();
    withFile(slack);
    await resumeDropped(drop('Here is a great one for Store Manager'), deps);
    expect(slack.calls.map((c) => c.method)).toEqual(['fileInfo', 'downloadFile', 'postMessage']);
    expect(services.previews).toEqual([{ jobId: 'job-1', filename: 'Ada_Quill.pdf', bytes: PDF }]);
    expect(services.resumesAdded).toEqual([]);
    const posted = slack.calls.at(-1)!;
    if (posted.method !== 'postMessage') throw new Error('no preview');
    expect(posted.channel).toBe('U_CHRIS');
    expect(shown(posted.message)).toContain('Not in Ashby yet');
    expect(buttons(posted.message).map((b) => [b.action_id, b.value])).toEqual([
      [ACTION.resumeAdd, encodeResumeDrop('job-1', 'F1')],
      [ACTION.resumeCancel, encodeResumeDrop('job-1', 'F1')],
    ]);
  });

  it('without a job, offers a menu of the open jobs; picking one shows the preview', async () => {
    const { deps, slack, services } = fakeDeps();
    withFile(slack);
    services.teams.set('job-2', ['user-tom']);
    await resumeDropped(drop(''), deps);
    expect(slack.calls.map((c) => c.method)).toEqual(['postMessage']); // nothing downloaded yet
    const menu = slack.calls[0]!;
    if (menu.method !== 'postMessage') throw new Error('no menu');
    const select = menu.message.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : []))[0]!;
    expect(select).toMatchObject({ type: 'static_select', action_id: ACTION.resumeJob });
    if (select.type !== 'static_select') throw new Error('not a menu');
    expect(select.options.map((o) => o.text.text)).toEqual(['Store Manager', 'Store Assistant']);
    await resumeJobPicked(click(ACTION.resumeJob, select.options[1]!.value, 'U_CHRIS', true), deps);
    expect(services.previews.map((p) => p.jobId)).toEqual(['job-2']);
    const preview = slack.calls.at(-1)!;
    expect(preview.method === 'postMessage' && shown(preview.message)).toContain('Store Assistant');
  });

  it('a job name matching several offers just those', async () => {
    const { deps, slack, services } = fakeDeps();
    withFile(slack);
    services.teams.set('job-2', ['user-tom']);
    await resumeDropped(drop('for store'), deps);
    const menu = slack.calls[0]!;
    if (menu.method !== 'postMessage') throw new Error('no menu');
    expect(JSON.stringify(menu.message.blocks[0])).toContain('No single job matches \\"store\\".');
    const select = menu.message.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : []))[0]!;
    expect(select.type === 'static_select' && select.options.map((o) => o.text.text)).toEqual(['Store Manager', 'Store Assistant']);
  });

  it('refuses a hiring manager and someone Skima cannot match, reading no file', async () => {
    const { deps, slack, services } = fakeDeps();
    withFile(slack);
    await resumeDropped(drop('for Store Manager', 'U_DANA'), deps);
    await resumeDropped(drop('for Store Manager', 'U_EVE'), deps);
    expect(slack.calls.map((c) => c.method)).toEqual(['postMessage', 'postMessage']);
    expect(slack.calls.map((c) => (c.method === 'postMessage' ? shown(c.message) : ''))).toEqual([
      expect.stringContaining('recruiting or admin role'),
      expect.stringContaining('couldn\'t match your Slack account'),
    ]);
    expect(services.previews).toEqual([]);
  });

  it('an unreadable file gets a clear answer and no buttons; nothing is created', async () => {
    const { deps, slack, services } = fakeDeps();
    withFile(slack, 'F1', { bytes: Buffer.from('GIF89a not a resume') });
    await resumeDropped(drop('for Store Manager'), deps);
    const answer = slack.calls.at(-1)!;
    if (answer.method !== 'postMessage') throw new Error('no answer');
    expect(said(answer.message)).toBe('Skima could not read Ada_Quill.pdf. Nothing was created.');
    expect(buttons(answer.message)).toEqual([]);
    expect(services.resumesAdded).toEqual([]);
  });

  it('Add reads the file again and adds it, telling whom to send the score; the same file again creates nothing', async () => {
    const { deps, slack, services } = fakeDeps();
    withFile(slack);
    const value = encodeResumeDrop('job-1', 'F1');
    await resumeAddAction(click(ACTION.resumeAdd, value), deps);
    expect(services.resumesAdded).toEqual([{ drop: { jobId: 'job-1', filename: 'Ada_Quill.pdf', bytes: PDF }, reviewer: expect.objectContaining({ ashbyUserId: 'user-chris' }), recipient: 'U_CHRIS' }]);
    const updates = slack.calls.filter((c) => c.method === 'updateMessage');
    expect(updates.map((u) => (u.method === 'updateMessage' ? said(u.message) : ''))).toEqual([
      'Adding the candidate to Ashby…',
      '*Ada Quill* created in Ashby with this resume, and added to *Store Manager*. Skima is screening the resume; the score follows here.',
    ]);
    await resumeAddAction(click(ACTION.resumeAdd, value), deps);
    const last = slack.calls.at(-1)!;
    expect(last.method === 'updateMessage' && said(last.message)).toBe('*Ada Quill* is on *Store Manager* already: nothing new was created. The score follows here.');
  });

  it('a file shared by someone else, or too large, is not added', async () => {
    const { deps, slack, services } = fakeDeps();
    withFile(slack, 'F1', { user: 'U_TOM' });
    withFile(slack, 'F2', { size: 50 * 1024 * 1024 });
    await resumeAddAction(click(ACTION.resumeAdd, encodeResumeDrop('job-1', 'F1')), deps);
    await resumeAddAction(click(ACTION.resumeAdd, encodeResumeDrop('job-1', 'F2')), deps);
    const texts = slack.calls.flatMap((c) => (c.method === 'updateMessage' ? [said(c.message)] : []));
    expect(texts).toEqual([
      'Adding the candidate to Ashby…',
      'Only the person who shared that file can add it. Nothing was created.',
      'Adding the candidate to Ashby…',
      'Ada_Quill.pdf is larger than 10 MB, too large for a resume. Nothing was created.',
    ]);
    expect(slack.calls.some((c) => c.method === 'downloadFile')).toBe(false);
    expect(services.resumesAdded).toEqual([]);
  });

  it('Cancel removes the buttons and creates nothing', async () => {
    const { deps, slack, services } = fakeDeps();
    await resumeCancelAction(click(ACTION.resumeCancel, encodeResumeDrop('job-1', 'F1')), deps);
    const [update] = slack.calls;
    expect(update?.method === 'updateMessage' && said(update.message)).toBe('Cancelled: nothing was added to Ashby.');
    expect(services.resumesAdded).toEqual([]);
  });

  it('ignores messages without files, from bots, or outside a DM', async () => {
    const { deps, slack } = fakeDeps();
    await resumeDropped({ event: { type: 'message', channel_type: 'im', user: 'U_CHRIS', channel: 'D1', text: 'hi' } }, deps);
    await resumeDropped({ event: { ...drop('for Store Manager').event, bot_id: 'B1' } }, deps);
    await resumeDropped({ event: { ...drop('for Store Manager').event, channel_type: 'channel' } }, deps);
    expect(slack.calls).toEqual([]);
  });
});

describe('the job named in a message, and where a file may be fetched from', () => {
  it('reads "for <job>"', () => {
    expect(jobNamed('Strong one for Senior Backend Engineer.')).toBe('Senior Backend Engineer');
    expect(jobNamed('for Store Manager')).toBe('Store Manager');
    expect(jobNamed('see attached')).toBeUndefined();
    expect(jobNamed('')).toBeUndefined();
  });

  it('sends the bot token only to Slack\'s own https hosts', () => {
    expect(isSlackFileUrl('https://files.slack.com/files-pri/T1-F1/download/a.pdf')).toBe(true);
    expect(isSlackFileUrl('http://files.slack.com/x')).toBe(false);
    expect(isSlackFileUrl('https://files.slack.com.evil.example/x')).toBe(false);
    expect(isSlackFileUrl('https://evil.example/?files.slack.com')).toBe(false);
  });
});
