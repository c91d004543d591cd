import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../src/ashby-sandbox/server.ts';
import { verifyAshbyWebhook } from '../../src/ashby/webhook-verification.ts';
import { OpenApiContract } from '../ashby/openapi-contract.ts';
import { collect, sandboxClient, take } from './helpers.ts';

const SECRET = 'whsec-sandbox';
const contract = new OpenApiContract();

interface Received {
  action: string;
  webhookActionId: string;
  verified: boolean;
  body: unknown;
}

/** A loopback receiver whose answers the test scripts (default 200). */
let receiver: Server;
let receiverUrl: string;
let received: Received[] = [];
let answers: number[] = [];

let sandbox: RunningSandbox;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const result = verifyAshbyWebhook({
        rawBody: raw,
        signatureHeader: req.headers['ashby-signature'],
        secret: SECRET,
      });
      const body = JSON.parse(raw.toString());
      // Every delivery must be a verifiable, parseable Ashby webhook whose body matches the spec.
      const parsed = result.ok && !result.ignored;
      const specProblem = contract.checkWebhook(body.action, body);
      received.push({
        action: body.action,
        webhookActionId: body.webhookActionId,
        verified: parsed && specProblem === undefined,
        body,
      });
      if (specProblem) console.error(`${body.action} does not match the spec: ${specProblem}`);
      res.statusCode = answers.shift() ?? 200;
      res.end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/ashby`;
  sandbox = await startSandbox({ seed: 'small', webhook: { url: receiverUrl, secret: SECRET }, timeScale: 0.001 });
});
afterAll(async () => {
  await sandbox.close();
  receiver.closeAllConnections();
  await new Promise((r) => receiver.close(r));
});
beforeEach(() => {
  sandbox.control.reset();
  sandbox.control.setFaults({});
  received = [];
  answers = [];
});

const firstActive = async () => (await take(sandboxClient(sandbox).application.list({ status: 'Active' }), 1))[0]!;

describe('webhooks fired by the sandbox', () => {
  it('fires a signed applicationUpdate after a custom-field write', async () => {
    const client = sandboxClient(sandbox);
    const app = await firstActive();
    const field = await client.customField.create({
      fieldType: 'Number',
      objectType: 'Application',
      title: 'SKIMA Match Score',
    });
    await client.customField.setValue({
      objectType: 'Application',
      objectId: app.id,
      fieldId: field.id,
      fieldValue: 77,
    });
    await sandbox.control.webhooks.idle();
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ action: 'applicationUpdate', verified: true });
    const application = (
      received[0]!.body as { data: { application: { id: string; customFields: Array<{ value: unknown }> } } }
    ).data.application;
    expect(application.id).toBe(app.id);
    expect(application.customFields[0]?.value).toBe(77);
  });

  it('sends related webhooks of a stage change under one webhookActionId', async () => {
    const client = sandboxClient(sandbox);
    const app = await firstActive();
    const stages = await client.interviewStage.list(app.currentInterviewStage!.interviewPlanId);
    const hired = stages.find((s) => s.type === 'Hired')!;
    await client.application.changeStage({ applicationId: app.id, interviewStageId: hired.id });
    await sandbox.control.webhooks.idle();
    expect(received.map((r) => r.action).sort()).toEqual([
      'applicationUpdate',
      'candidateHire',
      'candidateStageChange',
    ]);
    expect(new Set(received.map((r) => r.webhookActionId)).size).toBe(1);
    expect(received.every((r) => r.verified)).toBe(true);
  });

  it('fires applicationSubmit when a candidate applies through the job board', async () => {
    const jobs = await collect(sandboxClient(sandbox).job.list());
    const res = await fetch(`${sandbox.url}/_sandbox/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jobId: jobs[0]!.id, name: 'Nia Clarke' }),
    });
    const { applicationId } = (await res.json()) as { applicationId: string };
    await sandbox.control.webhooks.idle();
    expect(received).toEqual([expect.objectContaining({ action: 'applicationSubmit', verified: true })]);
    const app = await sandboxClient(sandbox).application.info(applicationId);
    expect(app.candidate.name).toBe('Nia Clarke');
  });

  it('retries failed deliveries on the scaled Ashby schedule, but not after a 404', async () => {
    const client = sandboxClient(sandbox);
    const app = await firstActive();
    const field = (await collect(client.customField.list())).find((f) => f.title === 'Seniority')!;
    answers = [500, 503];
    await client.customField.setValue({
      objectType: 'Application',
      objectId: app.id,
      fieldId: field.id,
      fieldValue: 'mid',
    });
    await sandbox.control.webhooks.idle();
    expect(received).toHaveLength(3);
    const delivery = sandbox.control.webhooks.deliveries.at(-1)!;
    expect(delivery.state).toBe('delivered');
    expect(delivery.attempts.map((a) => a.status)).toEqual([500, 503, 200]);

    received = [];
    answers = [404];
    await client.customField.setValue({
      objectType: 'Application',
      objectId: app.id,
      fieldId: field.id,
      fieldValue: 'senior',
    });
    await sandbox.control.webhooks.idle();
    expect(received).toHaveLength(1);
    expect(sandbox.control.webhooks.deliveries.at(-1)?.state).toBe('failed');
  });

  it('drops deliveries when told to', async () => {
    sandbox.control.setFaults({ dropWebhookRate: 1 });
    const client = sandboxClient(sandbox);
    const app = await firstActive();
    const field = (await collect(client.customField.list())).find((f) => f.title === 'Seniority')!;
    await client.customField.setValue({
      objectType: 'Application',
      objectId: app.id,
      fieldId: field.id,
      fieldValue: 'mid',
    });
    await sandbox.control.webhooks.idle();
    expect(received).toEqual([]);
    expect(sandbox.control.webhooks.deliveries.at(-1)?.state).toBe('dropped');
  });

  it('pings a webhook created through the API and stops after webhook.delete', async () => {
    const client = sandboxClient(sandbox);
    const hook = await client.webhook.create({
      webhookType: 'candidateHire',
      requestUrl: receiverUrl,
      secretToken: SECRET,
    });
    await sandbox.control.webhooks.idle();
    expect(received).toEqual([expect.objectContaining({ action: 'ping', verified: true })]);
    await client.webhook.delete(hook.id);
    await expect(client.webhook.delete(hook.id)).rejects.toMatchObject({ code: 'webhook_not_found' });
  });

  it('fires jobPostingUnpublish and jobPostingPublish, each with jobPostingUpdate', async () => {
    const client = sandboxClient(sandbox);
    const posting = (await client.jobPosting.list())[0]!;
    await fetch(`${sandbox.url}/_sandbox/job-postings/${posting.id}/unpublish`, { method: 'POST' });
    await sandbox.control.webhooks.idle();
    expect(received.map((r) => r.action).sort()).toEqual(['jobPostingUnpublish', 'jobPostingUpdate']);
    expect(received.every((r) => r.verified)).toBe(true);
    expect(await client.jobPosting.list({ listedOnly: true })).not.toContainEqual(
      expect.objectContaining({ id: posting.id }),
    );
    received = [];
    await fetch(`${sandbox.url}/_sandbox/job-postings/${posting.id}/publish`, { method: 'POST' });
    await sandbox.control.webhooks.idle();
    expect(received.map((r) => r.action).sort()).toEqual(['jobPostingPublish', 'jobPostingUpdate']);
  });

  it('merges candidates: applications keep their ids and move to the survivor', async () => {
    const client = sandboxClient(sandbox);
    const [a, b] = await take(client.application.list(), 2);
    const res = await fetch(`${sandbox.url}/_sandbox/candidates/merge`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ deletedCandidateId: a!.candidate.id, mergedCandidateId: b!.candidate.id }),
    });
    expect(res.status).toBe(200);
    await sandbox.control.webhooks.idle();
    expect(received).toEqual([expect.objectContaining({ action: 'candidateMerge', verified: true })]);
    expect((await client.application.info(a!.id)).candidate.id).toBe(b!.candidate.id);
    expect((await client.candidate.info(b!.candidate.id)).applicationIds.sort()).toEqual([a!.id, b!.id].sort());
    await expect(client.candidate.info(a!.candidate.id)).rejects.toMatchObject({ code: 'candidate_not_found' });
  });

  it('fires candidateDelete and hides the candidate', async () => {
    const app = await firstActive();
    await fetch(`${sandbox.url}/_sandbox/candidates/${app.candidate.id}/delete`, { method: 'POST' });
    await sandbox.control.webhooks.idle();
    expect(received).toEqual([expect.objectContaining({ action: 'candidateDelete', verified: true })]);
    await expect(sandboxClient(sandbox).candidate.info(app.candidate.id)).rejects.toMatchObject({
      code: 'candidate_not_found',
    });
  });
});
