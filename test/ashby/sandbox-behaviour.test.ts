import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AshbyApiError, AshbyAuthError, AshbyPermissionError, AshbyUnavailableError } from '../../src/ashby/errors.ts';
import { type RunningSandbox, startSandbox } from '../../src/ashby/sandbox/server.ts';
import { collect, sandboxClient, take } from './sandbox-helpers.ts';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'small', apiKey: 'admin-key' });
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(() => {
  sandbox.control.reset();
  sandbox.control.setFaults({});
});

const firstApplication = async () => (await take(sandboxClient(sandbox).application.list({ status: 'Active' }), 1))[0]!;

describe('keys and permissions', () => {
  it('uses the key given at start and reports scopes in module:access form', async () => {
    expect(sandbox.apiKey).toBe('admin-key');
    const info = await sandboxClient(sandbox).apiKey.info();
    expect(info.scopes).toContain('candidates:write');
    expect(info.scopes).toContain('jobs:read');
  });

  it('answers missing_endpoint_permission to a key without candidatesWrite, and lets it read', async () => {
    const readOnly = sandbox.createKey(['candidatesRead', 'jobsRead', 'hiringProcessMetadataRead'], 'read only');
    const client = sandboxClient(sandbox, { apiKey: readOnly });
    const app = await firstApplication();
    await expect(client.application.info(app.id)).resolves.toMatchObject({ id: app.id });
    const field = (await collect(client.customField.list()))[0]!;
    const error = await client.customField
      .setValue({ objectType: 'Application', objectId: app.id, fieldId: field.id, fieldValue: 'senior' })
      .catch((e) => e);
    expect(error).toBeInstanceOf(AshbyPermissionError);
    expect(error.code).toBe('missing_endpoint_permission');
    expect(error.requestId).toMatch(/^01/);
  });

  it('rejects unknown keys', async () => {
    await expect(sandboxClient(sandbox, { apiKey: 'nope' }).apiKey.info()).rejects.toBeInstanceOf(AshbyAuthError);
  });

  it('answers 401 without a key', async () => {
    const r = await fetch(`${sandbox.url}/job.list`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(r.status).toBe(401);
  });
});

describe('Ashby semantics', () => {
  it('answers errors as HTTP 200 success:false with a request id', async () => {
    const r = await fetch(`${sandbox.url}/job.info`, {
      method: 'POST',
      headers: {
        'authorization': `Basic ${Buffer.from('admin-key:').toString('base64')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ id: 'missing' }),
    });
    expect(r.status).toBe(200);
    const body = (await r.json()) as { errorInfo: { requestId: string } };
    expect(body).toMatchObject({ success: false, errors: ['job_not_found'], errorInfo: { code: 'job_not_found' } });
    expect(body.errorInfo.requestId).toBe(r.headers.get('x-ashby-request-id'));
  });

  it('answers malformed JSON with invalid_input and unknown endpoints with 404', async () => {
    const headers = {
      'authorization': `Basic ${Buffer.from('admin-key:').toString('base64')}`,
      'content-type': 'application/json',
    };
    const bad = await fetch(`${sandbox.url}/job.list`, { method: 'POST', headers, body: '{"limit": ' });
    expect(await bad.json()).toMatchObject({ success: false, errorInfo: { code: 'invalid_input' } });
    const unknown = await fetch(`${sandbox.url}/candidate.explode`, { method: 'POST', headers, body: '{}' });
    expect(unknown.status).toBe(404);
    const empty = await fetch(`${sandbox.url}/source.list`, { method: 'POST', headers, body: '' });
    expect(await empty.json()).toMatchObject({ success: true });
  });

  it('finds candidates by exact email and by name, and needs one of them', async () => {
    const client = sandboxClient(sandbox);
    const app = await firstApplication();
    const candidate = await client.candidate.info(app.candidate.id);
    const byEmail = await client.candidate.search({ email: candidate.primaryEmailAddress!.value.toUpperCase() });
    expect(byEmail.map((c) => c.id)).toEqual([candidate.id]);
    const byName = await client.candidate.search({ name: candidate.name });
    expect(byName.map((c) => c.id)).toContain(candidate.id);
    await expect(client.candidate.search({})).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('takes the option value for ValueSelect, not its label', async () => {
    const client = sandboxClient(sandbox);
    const app = await firstApplication();
    const seniority = (await collect(client.customField.list())).find((f) => f.title === 'Seniority')!;
    const error = await client.customField
      .setValue({ objectType: 'Application', objectId: app.id, fieldId: seniority.id, fieldValue: 'Senior' })
      .catch((e) => e);
    expect(error).toBeInstanceOf(AshbyApiError);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('"senior"');
    const ok = await client.customField.setValue({
      objectType: 'Application',
      objectId: app.id,
      fieldId: seniority.id,
      fieldValue: 'senior',
    });
    expect(ok).toMatchObject({ value: 'senior', valueLabel: 'Senior' });
    const after = await client.application.info(app.id);
    expect(after.customFields).toEqual([expect.objectContaining({ id: seniority.id, value: 'senior' })]);
  });

  it('checks value types and writes nothing from a batch with one bad value', async () => {
    const client = sandboxClient(sandbox);
    const app = await firstApplication();
    const score = await client.customField.create({ fieldType: 'Number', objectType: 'Application', title: 'Score' });
    const link = await client.customField.create({ fieldType: 'Url', objectType: 'Application', title: 'Link' });
    await expect(
      client.customField.setValues({
        objectType: 'Application',
        objectId: app.id,
        values: [
          { fieldId: score.id, fieldValue: 90 },
          { fieldId: link.id, fieldValue: 'not a url' },
        ],
      }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    expect((await client.application.info(app.id)).customFields).toEqual([]);
    await expect(
      client.customField.setValue({ objectType: 'Application', objectId: app.id, fieldId: score.id, fieldValue: '90' }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });

  it('makes tags idempotent by title and adding a tag twice harmless', async () => {
    const client = sandboxClient(sandbox);
    const a = await client.candidateTag.create('SKIMA Screened');
    const b = await client.candidateTag.create('SKIMA Screened');
    expect(b.id).toBe(a.id);
    const app = await firstApplication();
    await client.candidate.addTag(app.candidate.id, a.id);
    const candidate = await client.candidate.addTag(app.candidate.id, a.id);
    expect(candidate.tags.map((t) => t.title)).toEqual(['SKIMA Screened']);
  });

  it('stores notes, keeping only the HTML Ashby allows', async () => {
    const client = sandboxClient(sandbox);
    const app = await firstApplication();
    const note = await client.candidate.createNote({
      candidateId: app.candidate.id,
      note: { type: 'text/html', value: '<h1>Skima</h1><b>82</b><script>x</script>' },
    });
    expect(note.content).toBe('Skima<b>82</b>x');
    const notes = await collect(client.candidate.listNotes(app.candidate.id));
    expect(notes.map((n) => n.id)).toEqual([note.id]);
  });

  it('moves stages, requiring an archive reason for the Archived stage', async () => {
    const client = sandboxClient(sandbox);
    const app = await firstApplication();
    const stages = await client.interviewStage.list(app.currentInterviewStage!.interviewPlanId);
    const archived = stages.find((s) => s.type === 'Archived')!;
    await expect(
      client.application.changeStage({ applicationId: app.id, interviewStageId: archived.id }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    const reason = (await client.archiveReason.list())[0]!;
    const moved = await client.application.changeStage({
      applicationId: app.id,
      interviewStageId: archived.id,
      archiveReasonId: reason.id,
    });
    expect(moved).toMatchObject({ status: 'Archived', archiveReason: { id: reason.id } });
    await expect(
      client.application.changeStage({
        applicationId: app.id,
        interviewStageId: '00000000-0000-4000-8000-000000000000',
      }),
    ).rejects.toMatchObject({
      code: 'interview_stage_not_found',
    });
  });

  it('creates applications and refuses a second one for the same job', async () => {
    const client = sandboxClient(sandbox);
    const app = await firstApplication();
    const jobs = await collect(client.job.list());
    const other = jobs.find((j) => j.id !== app.job.id)!;
    const created = await client.application.create({ candidateId: app.candidate.id, jobId: other.id });
    expect(created.job.id).toBe(other.id);
    expect((await client.candidate.info(app.candidate.id)).applicationIds).toContain(created.id);
    await expect(client.application.create({ candidateId: app.candidate.id, jobId: other.id })).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });
});

describe('files', () => {
  it('serves seeded resumes as real PDF and DOCX files through file.info', async () => {
    const client = sandboxClient(sandbox);
    const kinds = new Set<string>();
    for await (const app of client.application.list()) {
      const detail = await client.application.info(app.id);
      if (!detail.resumeFileHandle) continue;
      const { bytes, contentType } = await client.file.download(detail.resumeFileHandle.handle);
      const head = Buffer.from(bytes.subarray(0, 4)).toString('latin1');
      if (detail.resumeFileHandle.name.endsWith('.pdf')) {
        expect(contentType).toBe('application/pdf');
        if (bytes.length > 0) expect(head).toBe('%PDF');
      } else {
        expect(head).toBe('PK\u0003\u0004');
      }
      kinds.add(detail.resumeFileHandle.name.split('.').pop()!);
    }
    expect(kinds).toEqual(new Set(['pdf', 'docx']));
  });

  it('refuses a tampered or expired download URL', async () => {
    const client = sandboxClient(sandbox);
    const app = await firstApplication();
    const detail = await client.application.info(app.id);
    const { url } = await client.file.info(detail.resumeFileHandle!.handle);
    // Flip the signature's first character to a different one: always writing '0' left the URL
    // untouched whenever the signature already began with '0' (one run in sixteen).
    const tampered = url.replace(/signature=(.)/, (_, first: string) => `signature=${first === '0' ? '1' : '0'}`);
    expect(tampered).not.toBe(url);
    expect((await fetch(tampered)).status).toBe(403);
    sandbox.control.advanceClock(10 * 60_000);
    expect((await fetch(url)).status).toBe(403);
    sandbox.control.advanceClock(-10 * 60_000);
  });

  it('uploads a file through a handle and the presigned POST, then downloads the same bytes', async () => {
    const client = sandboxClient(sandbox);
    const app = await firstApplication();
    const bytes = new TextEncoder().encode('%PDF-1.4 Skima evidence');
    const candidate = await client.candidate.uploadFile({
      candidateId: app.candidate.id,
      filename: 'SKIMA_Evidence.pdf',
      contentType: 'application/pdf',
      bytes,
    });
    const handle = candidate.fileHandles.find((f) => f.name === 'SKIMA_Evidence.pdf')!;
    const downloaded = await client.file.download(handle.handle);
    expect(Buffer.from(downloaded.bytes).toString()).toBe('%PDF-1.4 Skima evidence');
  });
});

describe('faults', () => {
  it('injects 429s with Retry-After, which the client waits out', async () => {
    sandbox.control.setFaults({ next: [{ endpoint: 'job.list', status: 429, times: 2 }], retryAfterSeconds: 3 });
    const sleeps: number[] = [];
    const client = sandboxClient(sandbox, { sleep: async (ms) => void sleeps.push(ms) });
    expect(await collect(client.job.list())).toHaveLength(2);
    expect(sleeps).toEqual([3000, 3000]);
  });

  it('injects 5xx at a rate; the client retries through them', async () => {
    sandbox.control.setFaults({ rate5xx: 0.5 });
    const client = sandboxClient(sandbox, { maxRetries: 10 });
    for (let i = 0; i < 5; i++) await expect(client.source.list()).resolves.toHaveLength(6);
  });

  it('injects hangs that the client times out on', async () => {
    sandbox.control.setFaults({ timeoutRate: 1, hangMs: 2_000 });
    const client = sandboxClient(sandbox, { timeoutMs: 100, maxRetries: 1 });
    const error = await client.user
      .list()
      .next()
      .catch((e) => e);
    expect(error).toBeInstanceOf(AshbyUnavailableError);
    expect(error.message).toContain('timed out');
  });

  it('injects Ashby error codes for one endpoint', async () => {
    sandbox.control.setFaults({ next: [{ endpoint: 'candidate.list', code: 'sync_token_expired' }] });
    await expect(sandboxClient(sandbox).candidate.list().next()).rejects.toMatchObject({ code: 'sync_token_expired' });
  });
});

describe('control routes', () => {
  it('creates keys, records writes and reports state over HTTP', async () => {
    const key = (await (
      await fetch(`${sandbox.url}/_sandbox/keys`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ permissions: ['jobsRead'] }),
      })
    ).json()) as { apiKey: string };
    const client = sandboxClient(sandbox, { apiKey: key.apiKey });
    await expect(collect(client.job.list())).resolves.toHaveLength(2);
    await expect(client.apiKey.info()).rejects.toBeInstanceOf(AshbyPermissionError);

    await sandboxClient(sandbox).candidateTag.create('Recorded');
    const writes = await (await fetch(`${sandbox.url}/_sandbox/writes`)).json();
    expect(writes).toEqual([expect.objectContaining({ endpoint: 'candidateTag.create', body: { title: 'Recorded' } })]);
    await sandboxClient(sandbox).candidateTag.create('Second');
    const newer = await (await fetch(`${sandbox.url}/_sandbox/writes?from=1`)).json();
    expect(newer).toEqual([expect.objectContaining({ body: { title: 'Second' } })]);
    expect((await fetch(`${sandbox.url}/_sandbox/writes?from=-1`)).status).toBe(400);
    const state = await (await fetch(`${sandbox.url}/_sandbox/state`)).json();
    expect(state).toMatchObject({ jobs: 2, applications: 12, writes: 2 });
  });

  it('counts API calls by endpoint, refused and faulted ones included, until a reset', async () => {
    await fetch(`${sandbox.url}/_sandbox/reset`, { method: 'POST' });
    sandbox.control.setFaults({ next: [{ endpoint: 'job.list', status: 503 }] });
    await collect(sandboxClient(sandbox).job.list());
    await sandboxClient(sandbox).candidateTag.create('Counted');
    await fetch(`${sandbox.url}/job.list`, { method: 'POST' }); // no key: refused, still a call
    await fetch(`${sandbox.url}/no.such.endpoint`, { method: 'POST' }); // not an endpoint: not counted
    const counts = await (await fetch(`${sandbox.url}/_sandbox/requests`)).json();
    expect(counts).toEqual({ 'job.list': 3, 'candidateTag.create': 1 });
    await fetch(`${sandbox.url}/_sandbox/reset`, { method: 'POST' });
    expect(await (await fetch(`${sandbox.url}/_sandbox/requests`)).json()).toEqual({});
  });
});
