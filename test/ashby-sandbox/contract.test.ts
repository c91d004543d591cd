import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_DEMOGRAPHICS_REPORT_ID } from '../../src/ashby-sandbox/demographics.ts';
import type { AshbyClient } from '../../src/ashby/client.ts';
import { type RunningSandbox, startSandbox } from '../../src/ashby-sandbox/server.ts';
import { OpenApiContract } from '../ashby/openapi-contract.ts';
import { collect, type Exchange, recordingFetch, sandboxClient, take } from './helpers.ts';

/** Every endpoint the client and the sandbox implement. */
const ENDPOINTS = [
  'apiKey.info',
  'report.synchronous',
  'application.list',
  'application.info',
  'application.listHistory',
  'application.changeStage',
  'application.create',
  'candidate.info',
  'candidate.list',
  'candidate.search',
  'candidate.addTag',
  'candidate.createNote',
  'candidate.listNotes',
  'candidate.uploadFile',
  'candidate.create',
  'candidate.uploadResume',
  'file.createFileUploadHandle',
  'candidateTag.list',
  'candidateTag.create',
  'file.info',
  'job.list',
  'job.info',
  'jobPosting.list',
  'jobPosting.info',
  'interviewStage.list',
  'interviewPlan.list',
  'customField.list',
  'customField.create',
  'customField.setValue',
  'customField.setValues',
  'user.list',
  'user.info',
  'archiveReason.list',
  'communicationTemplate.list',
  'source.list',
  'webhook.create',
  'webhook.info',
  'webhook.delete',
  'offer.list',
  'offer.info',
];

let sandbox: RunningSandbox;
let client: AshbyClient;
const exchanges: Exchange[] = [];
const contract = new OpenApiContract();

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'small', timeScale: 0.001 });
  client = sandboxClient(sandbox, { fetch: recordingFetch(sandbox.url, exchanges) });
  await exerciseEveryEndpoint(client);
});
afterAll(async () => {
  await sandbox.close();
});

/** Drives every endpoint through the typed client, the way Skima uses them. */
async function exerciseEveryEndpoint(c: AshbyClient) {
  await c.apiKey.info();
  const jobs = await collect(c.job.list());
  const job = jobs[0]!;
  await c.job.info(job.id);
  const postings = await c.jobPosting.list();
  await c.jobPosting.info(postings[0]!.id);
  const plans = await collect(c.interviewPlan.list());
  await c.interviewStage.list(plans[0]!.id);
  const applications = await take(c.application.list({ limit: 5 }), 10);
  const app = applications.find((a) => a.status === 'Active')!;
  const detail = await c.application.info(app.id);
  // The same stages as application.info's history, paged.
  const history = await collect(c.application.listHistory(app.id));
  expect(history.map((h) => h.stageId)).toEqual(detail.applicationHistory!.map((h) => h.stageId));
  const pastApp = applications.find((a) => a.status === 'Archived');
  if (pastApp) await collect(c.application.listHistory(pastApp.id));
  const candidate = await c.candidate.info(app.candidate.id);
  await take(c.candidate.list({ limit: 7 }), 8);
  await c.candidate.search({ name: candidate.name.split(' ')[0] });
  await collect(c.candidateTag.list());
  const tag = await c.candidateTag.create('SKIMA Screened');
  await c.candidate.addTag(candidate.id, tag.id);
  await c.candidate.createNote({
    candidateId: candidate.id,
    note: { type: 'text/html', value: '<b>Skima</b>: 82/100' },
  });
  await collect(c.candidate.listNotes(candidate.id));
  await c.candidate.uploadFile({
    candidateId: candidate.id,
    filename: 'SKIMA_Evidence.pdf',
    contentType: 'application/pdf',
    bytes: new TextEncoder().encode('%PDF-1.4 evidence'),
  });
  if (detail.resumeFileHandle) await c.file.info(detail.resumeFileHandle.handle);
  await collect(c.customField.list());
  const score = await c.customField.create({
    fieldType: 'Number',
    objectType: 'Application',
    title: 'SKIMA Match Score',
  });
  const feedback = await c.customField.create({
    fieldType: 'ValueSelect',
    objectType: 'Application',
    title: 'SKIMA HM Feedback',
    selectableValues: [
      { label: '👍', value: 'up' },
      { label: '👎', value: 'down' },
    ],
  });
  await c.customField.setValue({ objectType: 'Application', objectId: app.id, fieldId: score.id, fieldValue: 82 });
  await c.customField.setValues({
    objectType: 'Application',
    objectId: app.id,
    values: [{ fieldId: feedback.id, fieldValue: 'up' }],
  });
  const users = await collect(c.user.list());
  await c.user.info(users[0]!.id);
  await c.report.synchronous(SANDBOX_DEMOGRAPHICS_REPORT_ID);
  const reasons = await c.archiveReason.list();
  const templates = await c.communicationTemplate.list();
  await c.source.list();
  const planOfApp = await c.interviewStage.list(app.currentInterviewStage!.interviewPlanId);
  const archived = planOfApp.find((s) => s.type === 'Archived')!;
  await c.application.changeStage({
    applicationId: app.id,
    interviewStageId: planOfApp.find((s) => s.type === 'Active')!.id,
  });
  const other = applications.find((a) => a.id !== app.id && a.status === 'Active')!;
  await c.application.changeStage({
    applicationId: other.id,
    interviewStageId: archived.id,
    archiveReasonId: reasons[0]!.id,
    archiveEmail: { communicationTemplateId: templates[0]!.id },
  });
  // A hire makes an accepted offer with its letter: the hand-off reads it (offer.list, file.info).
  const third = applications.find((a) => a.id !== app.id && a.id !== other.id && a.status === 'Active')!;
  const planOfThird = await c.interviewStage.list(third.currentInterviewStage!.interviewPlanId);
  await c.application.changeStage({ applicationId: third.id, interviewStageId: planOfThird.find((s) => s.type === 'Hired')!.id });
  const offers = await collect(c.offer.list({ applicationId: third.id }));
  expect(offers).toHaveLength(1);
  const offer = await c.offer.info(offers[0]!.id);
  expect(offer.latestVersion?.fileHandles).toHaveLength(1);
  await c.file.info(offer.latestVersion!.fileHandles![0]!.handle);
  await collect(c.offer.list());
  const otherJob = jobs.find((j) => j.id !== app.job.id)!;
  await c.application.create({ candidateId: candidate.id, jobId: otherJob.id });
  const sources = await c.source.list();
  const created = await c.candidate.create({
    name: 'Ada Quill',
    email: 'ada.quill@example.com',
    phoneNumber: '+1 303 555 0199',
    linkedInUrl: 'https://www.linkedin.com/in/ada-quill',
    sourceId: sources[0]!.id,
  });
  await c.candidate.create({ name: 'Nameless Contact' });
  await c.candidate.search({ email: 'ada.quill@example.com' });
  await c.candidate.uploadResume({
    candidateId: created.id,
    filename: 'Ada_Quill.pdf',
    contentType: 'application/pdf',
    bytes: new TextEncoder().encode('%PDF-1.4 resume'),
  });
  await c.application.create({ candidateId: created.id, jobId: job.id, sourceId: sources[0]!.id });
  const hook = await c.webhook.create({
    webhookType: 'applicationUpdate',
    requestUrl: 'http://127.0.0.1:9/unused',
    secretToken: 's3cret',
  });
  await c.webhook.info(hook.id);
  await c.webhook.delete(hook.id);
}

describe('sandbox responses and client requests against the Ashby OpenAPI spec', () => {
  it('exercised every endpoint', () => {
    const seen = new Set(exchanges.map((e) => e.endpoint));
    expect(ENDPOINTS.filter((e) => !seen.has(e))).toEqual([]);
  });

  for (const endpoint of ENDPOINTS) {
    it(`${endpoint}: responses match the spec`, () => {
      const mine = exchanges.filter((e) => e.endpoint === endpoint);
      expect(mine.length).toBeGreaterThan(0);
      for (const e of mine) {
        expect(e.response, JSON.stringify(e.response).slice(0, 300)).toMatchObject({ success: true });
        expect(contract.checkResponse(endpoint, e.response)).toBeUndefined();
      }
    });
    it(`${endpoint}: client requests match the spec`, () => {
      for (const e of exchanges.filter((x) => x.endpoint === endpoint)) {
        expect(contract.checkRequest(endpoint, e.request), JSON.stringify(e.request)).toBeUndefined();
      }
    });
  }

  it('relaxes only the few ambiguous string unions of the spec', () => {
    expect(contract.relaxedUnions).toBeGreaterThan(0);
    expect(contract.relaxedUnions).toBeLessThan(40);
  });

  it('error responses match the spec too', async () => {
    const r = await fetch(`${sandbox.url}/application.info`, {
      method: 'POST',
      headers: {
        'authorization': `Basic ${Buffer.from(`${sandbox.apiKey}:`).toString('base64')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ applicationId: '00000000-0000-4000-8000-000000000000' }),
    });
    const body = await r.json();
    expect(body).toMatchObject({ success: false, errorInfo: { code: 'application_not_found' } });
    expect(contract.checkResponse('application.info', body)).toBeUndefined();
  });
});
