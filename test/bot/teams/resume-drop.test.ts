// Resumes sent to Skima as files in a Teams 1:1 chat, through botbuilder's TestAdapter over the real
// core (CoreChatServices for Teams) and the Ashby sandbox: Teams' file attachment
// (application/vnd.microsoft.teams.file.download.info) read from a nocked OneDrive host, the job named
// in the message or picked from a card, a preview before anything is created, Add (twice, and two at
// once), Cancel, recruiters only, and files that cannot be read answered in words with nothing created.
import { type Activity, type ConversationReference, TestAdapter, TurnContext } from 'botbuilder';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CoreChatServices } from '../../../src/core/chat/chat-services.ts';
import { hiringTeamOf } from '../../../src/core/people/hiring-team.ts';
import { CARD_MAX_BYTES } from '../../../src/bot/teams/adaptive-card.ts';
import { BackgroundWork, type TeamsConnector } from '../../../src/bot/teams/connector.ts';
import type { TeamsDeps } from '../../../src/bot/teams/deps.ts';
import { FILE_DOWNLOAD_INFO } from '../../../src/bot/teams/drops/attachments.ts';
import { downloadDroppedFile, isTeamsFileUrl } from '../../../src/bot/teams/drops/download.ts';
import { RESUME_INPUT_JOB, RESUME_VERB } from '../../../src/bot/teams/drops/resume-actions.ts';
import { OTHERS_IGNORED, RESUME_RECRUITERS_ONLY } from '../../../src/bot/teams/drops/resume-dropped.ts';
import { type Roster, type TeamsPerson, TeamsReviewers } from '../../../src/bot/teams/identity.ts';
import { parseTeamsCardRef, type TeamsCardRef } from '../../../src/bot/teams/services.ts';
import { teamsTurn } from '../../../src/bot/teams/turn.ts';
import { writesFor } from '../../helpers/skima.ts';
import { type DispositionEnv, dispositionEnv } from '../../core/disposition/sandbox-env.ts';
import { FakeConversations } from './fakes.ts';
import { adaptiveCardValidator, cardErrors } from './schemas.ts';
import { resumePdf, personLines } from '../../helpers/resume-pdf.ts';

const FILES = 'https://northwind-my.sharepoint.com';
const SERVICE_URL = 'https://smba.example.test/teams/';

const person = (name: string, email: string, phone: string) =>
  personLines(name, email, phone, 'Store manager, Northwind, 2018 - 2024', 'Ran a team of 12; stock, rota and sales targets.');

let env: DispositionEnv;
let services: CoreChatServices<TeamsCardRef>;
let jobTitle: string;
const people: Record<string, TeamsPerson> = {};

beforeAll(async () => {
  env = await dispositionEnv('sqlite', { worker: false });
  services = new CoreChatServices(env.ctx, 'teams', parseTeamsCardRef);
  const job = await env.ctx.db.job.findUniqueOrThrow({ where: { id: env.jobA } });
  jobTitle = job.title;
  const manager = hiringTeamOf(job).find((m) => m.role === 'Hiring Manager')!;
  people['29:renee'] = { teamsId: '29:renee', aadObjectId: 'aad-renee', email: 'renee.alvarez@northwind.example' };
  people['29:hm'] = { teamsId: '29:hm', aadObjectId: 'aad-hm', email: manager.email! };
  people['29:eve'] = { teamsId: '29:eve', aadObjectId: 'aad-eve', email: 'eve@elsewhere.example' };
}, 120_000);
afterAll(async () => {
  await env?.close();
});

let adapter: TestAdapter;
let deps: TeamsDeps;
let turn: ReturnType<typeof teamsTurn>;
let sent: Partial<Activity>[];

beforeEach(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1'); // the Ashby sandbox
  adapter = new TestAdapter();
  sent = adapter.activeQueue;
  const roster: Roster = { member: async (_ctx, id) => people[id] ?? null };
  const connector: TeamsConnector = {
    async continue(reference, logic) {
      const activity = TurnContext.applyConversationReference({ type: 'event', name: 'ContinueConversation' }, reference, true);
      await logic(new TurnContext(adapter, activity));
    },
  };
  const background = new BackgroundWork((err) => {
    throw err;
  });
  const log = { info: () => {}, warn: () => {}, error: () => {} };
  const reviewers = new TeamsReviewers(roster, services);
  deps = { services, conversations: new FakeConversations(), reviewers, connector, background, log };
  turn = teamsTurn(deps, { digestScheduled: () => false });
});

// Every card sent (messages, updates, and invoke answers that replace the clicked card) is a valid
// Adaptive Card 1.5 under Teams' 28 KB.
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
  const validate = adaptiveCardValidator();
  for (const card of sent.flatMap(cardsOf)) {
    expect(validate(card), cardErrors(validate)).toBe(true);
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(CARD_MAX_BYTES);
  }
});

type Card = { body: unknown[]; actions?: Array<{ verb: string; title: string; data: Record<string, string> }> };
function cardsOf(a: Partial<Activity>): Card[] {
  const body = a.type === 'invokeResponse' ? (a.value as { body: { type: string; value: unknown } }).body : undefined;
  if (body) return body.type === 'application/vnd.microsoft.card.adaptive' ? [body.value as Card] : [];
  return (a.attachments ?? []).map((att) => att.content as Card);
}
/** What an activity says: its text, its card's JSON, or an invoke answer's message. */
const said = (a: Partial<Activity>) => {
  const body = a.type === 'invokeResponse' ? (a.value as { body: { type: string; value: unknown } }).body : undefined;
  if (body && typeof body.value === 'string') return body.value;
  return a.text ?? JSON.stringify(cardsOf(a)[0] ?? '');
};
const allSaid = () => sent.map(said).join('\n');

function chat(user: string): Partial<ConversationReference> {
  return {
    channelId: 'msteams',
    serviceUrl: SERVICE_URL,
    bot: { id: '28:bot', name: 'Skima' },
    user: { id: user, name: user },
    conversation: { id: `a:personal-${user}`, conversationType: 'personal', isGroup: false, name: '', tenantId: 'tenant-1' } as ConversationReference['conversation'],
  };
}

let nextId = 0;
async function send(user: string, over: Partial<Activity>) {
  await adapter.processActivity({
    ...TurnContext.applyConversationReference({}, chat(user), true),
    from: { id: user, name: user, aadObjectId: people[user]?.aadObjectId } as Activity['from'],
    recipient: { id: '28:bot', name: 'Skima' },
    id: `act-${++nextId}`,
    ...over,
  }, turn);
  await deps.background.idle();
}

let nextFile = 0;
/** A file on the nocked OneDrive host, served as often as asked; its attachment as Teams sends it. */
function hosted(name: string, bytes: Uint8Array, fileType = name.split('.').pop()!) {
  const path = `/personal/renee/_layouts/15/download.aspx?UniqueId=${++nextFile}&tempauth=v1.secret`;
  const scope = nock(FILES).persist().get(path).reply(200, Buffer.from(bytes), { 'content-type': 'application/octet-stream' });
  const attachment = { contentType: FILE_DOWNLOAD_INFO, name, content: { downloadUrl: `${FILES}${path}`, uniqueId: `u-${nextFile}`, fileType } };
  return { attachment, scope };
}

/** A message with a file (and the text/html copy of its text that Teams adds). */
const drop = (user: string, text: string, attachments: object[]) =>
  send(user, { type: 'message', text, attachments: [...attachments, { contentType: 'text/html', content: `<p>${text}</p>` }] as Activity['attachments'] });

/** A click on a card's button, as Teams sends it: an invoke whose replyToId is the card's message. */
type Button = { verb: string; data: Record<string, string> };
function click(user: string, action: Button, cardId: string, inputs: Record<string, string> = {}, id?: string) {
  return send(user, {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: id ?? `click-${++nextId}`,
    replyToId: cardId,
    value: { action: { type: 'Action.Execute', verb: action.verb, data: { ...action.data, ...inputs } } },
  });
}

/** The last message holding a card with this verb, and the button. */
function button(verb: string) {
  const message = [...sent].reverse().find((a) => a.type === 'message' && cardsOf(a)[0]?.actions?.some((b) => b.verb === verb));
  if (!message) throw new Error(`no card with ${verb} in:\n${allSaid()}`);
  return { id: message.id!, action: cardsOf(message)[0]!.actions!.find((b) => b.verb === verb)! };
}

const creates = () => writesFor(env.sandbox, 'candidate.create', () => true).length;
const appCreates = () => writesFor(env.sandbox, 'application.create', () => true).length;

describe('a resume sent to Skima in a Teams 1:1 chat', () => {
  it('"for <job>": the file is read and previewed with Add and Cancel; Add makes one candidate and one application in Ashby, and the score will follow here', async () => {
    const before = { c: creates(), a: appCreates() };
    const file = hosted('Imani_Clarke.pdf', await resumePdf(person('Imani Clarke', 'imani.clarke@example.org', '+1 (303) 555-0188')));
    await drop('29:renee', `Strong one for ${jobTitle}`, [file.attachment]);
    expect(file.scope.isDone()).toBe(true);
    // "Reading …" was answered at once, then replaced by the preview in place.
    expect(sent).toHaveLength(1);
    const preview = JSON.stringify(cardsOf(sent[0]!)[0]);
    expect(preview).toContain('Imani Clarke');
    expect(preview).toContain('Not in Ashby yet');
    expect(creates() - before.c).toBe(0); // nothing before Add

    const add = button(RESUME_VERB.add);
    expect(add.action.title).toBe(`Add to ${jobTitle}`);
    await click('29:renee', add.action, add.id);
    expect(said(sent[1]!)).toContain('Adding the candidate to Ashby');
    expect(said(sent[0]!)).toContain(`Imani Clarke created in Ashby with this resume, and added to ${jobTitle}`);
    expect(creates() - before.c).toBe(1);
    expect(appCreates() - before.a).toBe(1);
    const made = writesFor(env.sandbox, 'application.create', () => true).at(-1)!.body as { jobId: string };
    expect(made.jobId).toBe(env.jobA);
    // The core answers this person, in this chat, once the screening is done.
    const followUps = await env.ctx.db.screeningFollowUp.findMany({ where: { channel: 'teams' } });
    expect(followUps.map((f) => f.recipient)).toEqual(['aad-renee']);
  });

  it('the same file sent twice, and Add clicked twice at once, make one candidate and one application; a replayed click is not worked again', async () => {
    const before = { c: creates(), a: appCreates() };
    const bytes = await resumePdf(person('Tomas Reyes', 'tomas.reyes@example.org', '+1 (720) 555-0102'));
    const first = hosted('Tomas_Reyes.pdf', bytes);
    await drop('29:renee', `for ${jobTitle}`, [first.attachment]);
    const a = button(RESUME_VERB.add);
    const second = hosted('Tomas_Reyes.pdf', bytes);
    await drop('29:renee', `for ${jobTitle}`, [second.attachment]);
    const b = button(RESUME_VERB.add);
    expect(b.id).not.toBe(a.id);
    // Both previews' Add at the same moment.
    await Promise.all([click('29:renee', a.action, a.id), click('29:renee', b.action, b.id)]);
    await deps.background.idle();
    expect(creates() - before.c).toBe(1);
    expect(appCreates() - before.a).toBe(1);
    const outcomes = sent.filter((m) => m.type === 'message').map(said).filter((t) => t.includes('Tomas Reyes'));
    expect(outcomes.some((t) => t.includes('created in Ashby with this resume'))).toBe(true);
    expect(outcomes.some((t) => t.includes(`is on ${jobTitle} already: nothing new was created`))).toBe(true);
    // Teams retries the same invoke (same activity id): answered, not worked again.
    await click('29:renee', a.action, a.id, {}, 'click-replayed');
    await click('29:renee', a.action, a.id, {}, 'click-replayed');
    expect(said(sent.at(-1)!)).toContain('Already received');
    expect(creates() - before.c).toBe(1);
    expect(appCreates() - before.a).toBe(1);
  });

  it('a resume of a person already in Ashby attaches to them (found by email): no new candidate', async () => {
    const seededApps = await env.ctx.db.application.findMany({ where: { jobId: env.jobB }, orderBy: { id: 'asc' } });
    let seeded = seededApps[0]!;
    let candidate = await env.ctx.ashby.client.candidate.info(seeded.candidateId);
    for (const app of seededApps) {
      seeded = app;
      candidate = await env.ctx.ashby.client.candidate.info(app.candidateId);
      if (candidate.resumeFileHandle) break; // a few seeded candidates sent no resume
    }
    const resume = await env.ctx.ashby.client.file.download(candidate.resumeFileHandle!.handle);
    const before = { c: creates(), a: appCreates() };
    const file = hosted('resume.pdf', resume.bytes);
    await drop('29:renee', `for ${jobTitle}`, [file.attachment]);
    expect(said(sent[0]!)).toContain(`Ashby has `);
    expect(said(sent[0]!)).toContain(`${candidate.name}`);
    expect(said(sent[0]!)).toContain('matched by email');
    const add = button(RESUME_VERB.add);
    await click('29:renee', add.action, add.id);
    expect(said(sent[0]!)).toContain(`found in Ashby and added to ${jobTitle}`);
    expect(creates()).toBe(before.c);
    expect(appCreates() - before.a).toBe(1);
    const created = writesFor(env.sandbox, 'application.create', () => true).at(-1)!.body as { candidateId: string; jobId: string };
    expect(created).toMatchObject({ candidateId: seeded.candidateId, jobId: env.jobA });
  });

  it('without a job named: a card offers the open jobs; the one picked is read and previewed in its place; Cancel creates nothing', async () => {
    const before = { c: creates(), a: appCreates() };
    const file = hosted('Lee_Park.pdf', await resumePdf(person('Lee Park', 'lee.park@example.org', '+1 (720) 555-0103')));
    await drop('29:renee', '', [file.attachment]);
    expect(file.scope.isDone()).toBe(false); // nothing read before a job is picked
    const menu = cardsOf(sent[0]!)[0]!;
    const choices = (menu.body.find((e) => (e as { type: string }).type === 'Input.ChoiceSet') as { choices: { title: string; value: string }[] }).choices;
    expect(choices.map((c) => c.value)).toContain(env.jobA);
    const pick = button(RESUME_VERB.pickJob);
    await click('29:renee', pick.action, pick.id); // a client that sent no choice
    expect(said(sent.at(-1)!)).toBe('Pick the job this resume is for first.');
    sent.pop();
    await click('29:renee', pick.action, pick.id, { [RESUME_INPUT_JOB]: env.jobA });
    expect(said(sent[1]!)).toContain('Reading Lee_Park.pdf');
    expect(said(sent[0]!)).toContain('Lee Park');
    const cancel = button(RESUME_VERB.cancel);
    await click('29:renee', cancel.action, cancel.id);
    expect(said(sent.at(-1)!)).toContain('Cancelled: nothing was added to Ashby.');
    expect(creates()).toBe(before.c);
    expect(appCreates()).toBe(before.a);
  });

  it('an unreadable file gets a clear answer and no buttons; nothing is created', async () => {
    const before = { c: creates(), a: appCreates() };
    const corrupt = hosted('scan.pdf', new TextEncoder().encode('%PDF-1.7\nthis is not really a pdf'));
    await drop('29:renee', `for ${jobTitle}`, [corrupt.attachment]);
    expect(said(sent[0]!)).toMatch(/Skima could not read scan\.pdf \(corrupt.*Nothing was created\./);
    expect(cardsOf(sent[0]!)[0]!.actions).toBeUndefined();
    // A file that is not a PDF or DOCX is refused before it is fetched.
    const sheet = hosted('numbers.xlsx', new Uint8Array([80, 75, 3, 4]));
    await drop('29:renee', `for ${jobTitle}`, [sheet.attachment]);
    expect(said(sent.at(-1)!)).toBe('numbers.xlsx is not a PDF or DOCX resume. Nothing was created.');
    expect(sheet.scope.isDone()).toBe(false);
    // A link that has expired by the time Add is clicked (Teams' links last a short while).
    const path = '/personal/renee/_layouts/15/download.aspx?UniqueId=expiring&tempauth=v1.old';
    const bytes = await resumePdf(person('Ines Moreau', 'ines.moreau@example.org', '+1 (720) 555-0105'));
    nock(FILES).get(path).reply(200, Buffer.from(bytes)).get(path).reply(401, 'Unauthorized');
    const attachment = { contentType: FILE_DOWNLOAD_INFO, name: 'old.pdf', content: { downloadUrl: `${FILES}${path}`, fileType: 'pdf' } };
    await drop('29:renee', `for ${jobTitle}`, [attachment]);
    const add = button(RESUME_VERB.add);
    await click('29:renee', add.action, add.id);
    expect(said(sent.find((m) => m.id === add.id)!)).toContain('Skima could not download old.pdf from Teams');
    expect(creates()).toBe(before.c);
    expect(appCreates()).toBe(before.a);
    expect(await env.ctx.db.candidateIntake.count({ where: { candidateId: null } })).toBe(0);
  });

  it('a hiring manager and someone Skima cannot match are refused, with nothing read; a forged card link is never fetched', async () => {
    const file = hosted('Ada_Quill.pdf', await resumePdf(person('Ada Quill', 'ada.quill@example.org', '+1 (720) 555-0104')));
    await drop('29:hm', `for ${jobTitle}`, [file.attachment]);
    await drop('29:eve', `for ${jobTitle}`, [file.attachment]);
    expect(sent.map(said)).toEqual([RESUME_RECRUITERS_ONLY, expect.stringContaining('couldn\'t match your Teams account')]);
    expect(allSaid()).not.toContain(jobTitle);
    // Add from a card a hiring manager made up: refused before anything is fetched.
    const data = { jobId: env.jobA, fileName: 'Ada_Quill.pdf', fileUrl: file.attachment.content.downloadUrl, fileType: 'pdf' };
    await click('29:hm', { verb: RESUME_VERB.add, data }, 'x');
    expect(said(sent.at(-1)!)).toBe(RESUME_RECRUITERS_ONLY);
    expect(file.scope.isDone()).toBe(false);
    // A recruiter's client sending another host (an internal address) in the button's data: not fetched.
    await click('29:renee', { verb: RESUME_VERB.add, data: { ...data, fileUrl: 'https://169.254.169.254/latest/meta-data' } }, sent[0]!.id!);
    expect(said(sent[0]!)).toContain('Skima reads files only from the link Teams gives for them');
  });

  it('a pasted image is ignored with a clear line; with text, the text is still read as a command', async () => {
    const image = { contentType: 'image/png', contentUrl: 'https://smba.example.test/v3/attachments/abc/views/original', name: 'paste.png' };
    await send('29:renee', { type: 'message', text: '', attachments: [image] as Activity['attachments'] });
    expect(sent.map(said)).toEqual([OTHERS_IGNORED]);
    await send('29:renee', { type: 'message', text: 'help', attachments: [image] as Activity['attachments'] });
    expect(said(sent[1]!)).toBe(OTHERS_IGNORED);
    expect(said(sent[2]!)).toContain('shortlist <job>');
    expect(said(sent[2]!)).toContain('send me a PDF or DOCX resume in this chat');
  });
});

describe('downloading a dropped file', () => {
  const file = (url: string) => ({ name: 'cv.pdf', url, type: 'pdf' });
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('reads only from OneDrive and SharePoint over https', () => {
    expect(isTeamsFileUrl('https://contoso-my.sharepoint.com/personal/x/_layouts/15/download.aspx?UniqueId=1')).toBe(true);
    expect(isTeamsFileUrl('https://contoso.sharepoint.cn/x')).toBe(true);
    expect(isTeamsFileUrl('http://contoso-my.sharepoint.com/x')).toBe(false);
    expect(isTeamsFileUrl('https://contoso-my.sharepoint.com.evil.example/x')).toBe(false);
    expect(isTeamsFileUrl('https://evil.example/?sharepoint.com')).toBe(false);
    expect(isTeamsFileUrl('https://user:pw@contoso.sharepoint.com/x')).toBe(false);
    expect(isTeamsFileUrl('https://127.0.0.1/x')).toBe(false);
  });

  it('refuses a file over the size cap (by its length, or as it streams), a slow host, and a redirect elsewhere', async () => {
    nock.disableNetConnect();
    nock(FILES)
      .get('/big').reply(200, Buffer.alloc(2048), { 'content-length': '2048' })
      .get('/chunked').reply(200, () => Buffer.alloc(4096))
      .get('/slow').delay(2_000).reply(200, 'late')
      .get('/away').reply(302, '', { location: 'https://evil.example/cv.pdf' })
      .get('/moved').reply(302, '', { location: `${FILES}/here` })
      .get('/here').reply(200, Buffer.from('%PDF-1.4 ok'));
    expect(await downloadDroppedFile(file(`${FILES}/big`), { maxBytes: 1024 })).toEqual({ problem: 'cv.pdf is larger than 10 MB, too large for a resume. Nothing was created.' });
    expect(await downloadDroppedFile(file(`${FILES}/chunked`), { maxBytes: 1024 })).toMatchObject({ problem: expect.stringContaining('too large') });
    expect(await downloadDroppedFile(file(`${FILES}/slow`), { timeoutMs: 200 })).toMatchObject({ problem: expect.stringContaining('could not download cv.pdf') });
    expect(await downloadDroppedFile(file(`${FILES}/away`))).toMatchObject({ problem: expect.stringContaining('could not download') });
    expect(await downloadDroppedFile(file(`${FILES}/moved`))).toEqual({ filename: 'cv.pdf', bytes: Buffer.from('%PDF-1.4 ok') });
  });
});
