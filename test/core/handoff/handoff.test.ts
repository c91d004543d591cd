// The hire hand-off end to end: the sandbox hires, its candidateHire webhook reaches Skima, and a local
// HR receiver gets the mapped, signed JSON once; a receiver that fails three times gets it on the fourth.
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { waitForIdle } from '../../../src/app.ts';
import { startHandoff } from '../../../src/core/handoff/index.ts';
import { pollAshby } from '../../../src/core/pipeline/poll.ts';
import { collectStatus } from '../../../src/core/ops/status.ts';
import { DB_KINDS } from '../../helpers/databases.ts';
import { sandboxConnection, type SkimaHarness, startHarness } from '../../helpers/skima.ts';
import { waitFor } from '../../helpers/wait.ts';
import { collect } from '../../ashby-sandbox/helpers.ts';
import { type Receiver, startReceiver } from './receiver.ts';

const SECRET = 'hris-shared-secret-0123456789';

describe.each(DB_KINDS)('hire hand-off on %s', (kind) => {
  let h: SkimaHarness;
  let receiver: Receiver;
  let dir: string;

  /** Runs `skima handoff` commands in-process against this harness; returns what they printed. */
  async function inCli(body: (run: (args: string[]) => Promise<number>) => Promise<unknown>): Promise<string[]> {
    const out: string[] = [];
    const capture = (...parts: unknown[]) => void out.push(parts.join(' '));
    vi.spyOn(console, 'log').mockImplementation(capture);
    vi.spyOn(console, 'error').mockImplementation(capture);
    const env = {
      DATABASE_URL: h.database.url,
      HANDOFF_CONFIG: path.join(dir, 'handoff.yaml'),
      HRIS_SECRET: SECRET,
      ASHBY_API_KEY: h.sandbox.apiKey,
      ASHBY_BASE_URL: h.sandbox.url,
      LOG_LEVEL: 'silent',
      SCORING_THREADS: '0',
    };
    for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
    try {
      const { run } = await import('../../../src/cli/handoff.ts');
      await body(run);
    } finally {
      vi.restoreAllMocks();
      vi.unstubAllEnvs();
    }
    return out;
  }
  let startFieldId: string;

  beforeAll(async () => {
    receiver = await startReceiver();
    dir = mkdtempSync(path.join(tmpdir(), 'skima-handoff-'));
    const file = path.join(dir, 'handoff.yaml');
    // The custom field's id is known once the sandbox runs, and the file must exist before Skima reads it.
    h = await startHarness(kind, {
      env: { HANDOFF_CONFIG: file, HRIS_SECRET: SECRET },
      beforeStart: async (sandbox) => {
        const { client } = sandboxConnection(sandbox);
        startFieldId = (await client.customField.create({ fieldType: 'String', objectType: 'Application', title: 'Start date' })).id;
        writeFileSync(file, [
          'endpoints:',
          '  - name: hris',
          `    url: ${receiver.url}`,
          '    secretEnv: HRIS_SECRET',
          '    attach: [resume, offer]',
          '    fields:',
          '      first_name: candidate.firstName',
          '      last_name: candidate.lastName',
          '      email: candidate.email',
          '      job_title: job.title',
          '      manager_email: hiringManager.email',
          '      offer_start: offer.startDate',
          `      start_date: { customField: "${startFieldId}" }`,
          'retry:',
          '  attempts: 5',
          '  firstDelaySeconds: 0.05',
          '  maxDelaySeconds: 0.2',
        ].join('\n'));
      },
    });
    expect(await waitForIdle(h.skima.ctx, 60_000)).toBe(true);
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await receiver?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Moves an active application to its plan's Hired stage, as a recruiter does in Ashby. */
  async function hire(skip = 0) {
    const client = h.skima.ctx.ashby.client;
    const active = await h.skima.ctx.db.application.findMany({ where: { status: 'Active' }, orderBy: { id: 'asc' } });
    const app = active[skip]!;
    const info = await client.application.info(app.id);
    const stages = await client.interviewStage.list(info.currentInterviewStage!.interviewPlanId);
    const start = { objectType: 'Application' as const, objectId: app.id, fieldId: startFieldId, fieldValue: '2027-01-04' };
    await client.customField.setValue(start);
    const hiredStage = stages.find((s) => s.type === 'Hired')!;
    await client.application.changeStage({ applicationId: app.id, interviewStageId: hiredStage.id });
    return { id: app.id, candidate: await client.candidate.info(info.candidate.id), jobTitle: info.job.title };
  }

  it('sends the mapped, signed JSON exactly once per hire, however often the hire is seen', async () => {
    const before = receiver.received.length;
    const hired = await hire(0);
    await waitFor('the hand-off', () => receiver.received.length > before);
    expect(await waitForIdle(h.skima.ctx, 30_000)).toBe(true);
    // Seen again: a full poll, and the hire announced a second time.
    await pollAshby(h.skima.ctx, { full: true });
    await startHandoff(h.skima.ctx, hired.id);
    expect(await waitForIdle(h.skima.ctx, 30_000)).toBe(true);
    const mine = receiver.received.slice(before);
    expect(mine).toHaveLength(1);

    const [got] = mine;
    const expected = createHmac('sha256', SECRET).update(got!.raw).digest('hex');
    expect(got!.headers['skima-signature']).toBe(`sha256=${expected}`);
    expect(got!.headers['skima-delivery']).toBe(got!.body.deliveryId);
    expect(got!.headers['content-type']).toBe('application/json');
    const [first, ...rest] = hired.candidate.name.split(' ');
    expect(got!.body.applicationId).toBe(hired.id);
    expect(got!.body.fields).toEqual({
      first_name: first,
      last_name: rest.join(' '),
      email: hired.candidate.primaryEmailAddress!.value,
      job_title: hired.jobTitle,
      manager_email: expect.stringMatching(/@northwind\.example$/),
      start_date: '2027-01-04',
      offer_start: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    // The resume and the accepted offer's letter, as Ashby's offer.list and file.info give them.
    expect(got!.body.files).toHaveLength(2);
    expect(got!.body.files[0]).toMatchObject({ kind: 'resume', name: hired.candidate.resumeFileHandle!.name });
    expect(Buffer.from(got!.body.files[0]!.base64!, 'base64').length).toBeGreaterThan(500);
    const [offer] = await collect(h.skima.ctx.ashby.client.offer.list({ applicationId: hired.id }));
    expect(offer!.latestVersion!.startDate).toBe(got!.body.fields.offer_start);
    expect(got!.body.files[1]).toMatchObject({ kind: 'offer', name: 'Offer Letter.pdf', contentType: 'application/pdf' });
    expect(Buffer.from(got!.body.files[1]!.base64!, 'base64').toString('latin1')).toMatch(/^%PDF-1\.4[\s\S]*Offer letter for/);

    const delivery = await h.skima.ctx.db.handoffDelivery.findFirstOrThrow({
      where: { applicationId: hired.id },
      include: { log: true },
    });
    expect(delivery).toMatchObject({ state: 'delivered', attempts: 1, endpoint: 'hris' });
    expect(delivery.log.map((a) => a.httpStatus)).toEqual([200]);
  });

  it('retries a receiver that fails three times, delivering on the fourth attempt', async () => {
    const before = receiver.received.length;
    receiver.script.push(500, 502, 503);
    const hired = await hire(0);
    const delivery = await waitFor('the delivery', async () => {
      const where = { applicationId: hired.id };
      const d = await h.skima.ctx.db.handoffDelivery.findFirst({ where, include: { log: true } });
      return d?.state === 'delivered' ? d : undefined;
    }, 30_000);
    expect(delivery.attempts).toBe(4);
    expect(delivery.log.sort((a, b) => a.attempt - b.attempt).map((a) => [a.attempt, a.httpStatus])).toEqual([
      [1, 500], [2, 502], [3, 503], [4, 200],
    ]);
    expect(delivery.log[0]!.error).toBe('HTTP 500 Internal Server Error');
    const mine = receiver.received.slice(before);
    expect(mine).toHaveLength(4);
    expect(new Set(mine.map((r) => r.headers['skima-delivery']))).toEqual(new Set([delivery.id]));

    const status = await collectStatus(h.skima.ctx);
    expect(status.handoffs.delivered).toBe(2);
    expect(status.handoffs.recent.find((d) => d.id === delivery.id)).toMatchObject({ state: 'delivered', attempts: 4 });
    expect(JSON.stringify(status.handoffs)).not.toContain(hired.candidate.name);
  });

  it('skima handoff retry replays a delivery with its id, and skima status lists it', async () => {
    const delivery = await h.skima.ctx.db.handoffDelivery.findFirstOrThrow({ where: { state: 'delivered' } });
    const before = receiver.received.length;
    const out = await inCli(async (run) => {
      expect(await run(['retry', delivery.id])).toBe(0);
      expect(await run(['retry', 'no-such-delivery'])).toBe(1);
    });
    const { formatStatus } = await import('../../../src/cli/status.ts');
    const text = [...out, formatStatus(await collectStatus(h.skima.ctx))].join('\n');
    expect(text).toContain(`${delivery.id} hris: delivered, ${delivery.attempts + 1} attempts in all.`);
    expect(text).toContain('No hand-off delivery no-such-delivery');
    expect(text).toMatch(/Hand-offs to HR: 2 delivered, 0 pending, 0 failed/);
    expect(text).toContain(`${delivery.id} hris delivered after ${delivery.attempts + 1} attempts`);
    const replayed = receiver.received.slice(before);
    expect(replayed).toHaveLength(1);
    expect(replayed[0]!.headers['skima-delivery']).toBe(delivery.id);
  });

  it('a hire only the poll sees (its webhook lost) is handed off too, once', async () => {
    const before = receiver.received.length;
    h.sandbox.control.setFaults({ dropWebhookRate: 1 });
    let hired: Awaited<ReturnType<typeof hire>>;
    try {
      hired = await hire(0);
      await pollAshby(h.skima.ctx);
      await waitFor('the hand-off', () => receiver.received.length > before);
      await pollAshby(h.skima.ctx, { full: true });
      expect(await waitForIdle(h.skima.ctx, 30_000)).toBe(true);
    } finally {
      h.sandbox.control.setFaults({});
    }
    expect(receiver.received.slice(before).map((r) => r.body.applicationId)).toEqual([hired.id]);
    const delivery = await h.skima.ctx.db.handoffDelivery.findFirstOrThrow({ where: { applicationId: hired.id } });
    expect(delivery).toMatchObject({ state: 'delivered', attempts: 1 });
  });

  it('a hire Ashby will not describe (no offersRead): the failed attempt is logged, the next one sends it; a replay ends', async () => {
    const before = receiver.received.length;
    const refuse = (times: number) =>
      h.sandbox.control.setFaults({ next: [{ endpoint: 'offer.list', code: 'missing_endpoint_permission', times }] });
    refuse(1);
    const hired = await hire(0);
    const delivery = await waitFor('the delivery', async () => {
      const where = { applicationId: hired.id };
      const d = await h.skima.ctx.db.handoffDelivery.findFirst({ where, include: { log: true } });
      return d?.state === 'delivered' ? d : undefined;
    }, 30_000);
    expect(delivery.log.sort((a, b) => a.attempt - b.attempt).map((a) => [a.attempt, a.httpStatus, a.error])).toEqual([
      [1, null, 'Ashby refused to give the hire\'s details (offer.list: missing_endpoint_permission)'],
      [2, 200, null],
    ]);
    expect(receiver.received.slice(before)).toHaveLength(1);

    // `skima handoff retry` while Ashby still refuses: one more attempt, logged, and the command ends.
    refuse(20);
    let out: string[];
    try {
      out = await inCli(async (run) => expect(await run(['retry', delivery.id])).toBe(1));
    } finally {
      h.sandbox.control.setFaults({});
    }
    expect(out.join('\n')).toContain(
      `${delivery.id} hris: failed (Ashby refused to give the hire's details (offer.list: missing_endpoint_permission)), 3 attempts in all.`,
    );
    expect(receiver.received.slice(before)).toHaveLength(1);
  });
});
