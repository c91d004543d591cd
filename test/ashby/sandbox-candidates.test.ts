import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AshbyClient } from '../../src/ashby/client.ts';
import { AshbyApiError } from '../../src/ashby/errors.ts';
import { type RunningSandbox, startSandbox } from '../../src/ashby/sandbox/server.ts';
import { collect, sandboxClient } from './sandbox-helpers.ts';

let sandbox: RunningSandbox;
let client: AshbyClient;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'small', timeScale: 0.001 });
  client = sandboxClient(sandbox);
});
afterAll(async () => {
  await sandbox.close();
});

describe('sandbox candidate.create and candidate.uploadResume', () => {
  it('creates a candidate that search finds by email and that shows its profile links', async () => {
    const created = await client.candidate.create({
      name: 'Iris Vane',
      email: 'iris.vane@example.com',
      githubUrl: 'https://github.com/irisvane',
    });
    expect(created).toMatchObject({
      name: 'Iris Vane',
      primaryEmailAddress: { value: 'iris.vane@example.com' },
      socialLinks: [{ type: 'GitHub', url: 'https://github.com/irisvane' }],
      applicationIds: [],
      fileHandles: [],
    });
    const found = await client.candidate.search({ email: 'IRIS.VANE@example.com' });
    expect(found.map((c) => c.id)).toEqual([created.id]);
    const listed = await collect(client.candidate.list());
    expect(listed.some((c) => c.id === created.id)).toBe(true);
  });

  it('refuses a candidate without a name, and a bad profile URL, creating nothing', async () => {
    const before = (await collect(client.candidate.list())).length;
    await expect(client.candidate.create({ name: '  ' })).rejects.toBeInstanceOf(AshbyApiError);
    await expect(client.candidate.create({ name: 'X', linkedInUrl: 'not a url' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect((await collect(client.candidate.list())).length).toBe(before);
  });

  it('uploadResume replaces the resume, and the new file downloads byte for byte', async () => {
    const created = await client.candidate.create({ name: 'Omar Fell', email: 'omar.fell@example.com' });
    const bytes = new TextEncoder().encode('%PDF-1.4 Omar Fell resume');
    const after = await client.candidate.uploadResume({
      candidateId: created.id,
      filename: 'Omar_Fell.pdf',
      contentType: 'application/pdf',
      bytes,
    });
    expect(after.resumeFileHandle?.name).toBe('Omar_Fell.pdf');
    const download = await client.file.download(after.resumeFileHandle!.handle);
    expect(Buffer.from(download.bytes).toString()).toBe('%PDF-1.4 Omar Fell resume');
  });

  it('uploadResume with a handle that has no uploaded file is refused', async () => {
    const created = await client.candidate.create({ name: 'No File' });
    const handle = await client.file.createUploadHandle({
      fileUploadContext: 'CandidateResume',
      filename: 'x.pdf',
      contentType: 'application/pdf',
      contentLength: 3,
    });
    await expect(
      client.transport.call('candidate.uploadResume', { candidateId: created.id, resumeHandle: handle.handle }, z.unknown()),
    ).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
