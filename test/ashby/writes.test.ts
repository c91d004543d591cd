import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AshbyUnavailableError } from '../../src/ashby/errors.ts';
import { application, BASE, nockClient, note } from './helpers.ts';

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
});

const noteInput = {
  candidateId: 'c1',
  note: { type: 'text/html' as const, value: '<b>Skima</b> 👍 [skima:d1]' },
  idempotencyMarker: '[skima:d1]',
};

describe('non-idempotent writes', () => {
  it('does not repeat a note that landed before a 500', async () => {
    const create = nock(BASE).post('/candidate.createNote').once().reply(500);
    const list = nock(BASE)
      .post('/candidate.listNotes', (b) => b.candidateId === 'c1')
      .reply(200, { success: true, results: [note('n1', '<b>Skima</b> 👍 [skima:d1]')], moreDataAvailable: false });
    const { client } = nockClient();
    await expect(client.candidate.createNote(noteInput)).resolves.toMatchObject({ id: 'n1' });
    create.done();
    list.done();
  });

  it('writes the note again when the probe finds nothing', async () => {
    nock(BASE).post('/candidate.createNote').reply(502);
    nock(BASE).post('/candidate.listNotes').reply(200, { success: true, results: [], moreDataAvailable: false });
    const second = nock(BASE)
      .post('/candidate.createNote', (b) => b.candidateId === 'c1' && b.idempotencyMarker === undefined)
      .reply(200, { success: true, results: note('n2', 'x') });
    const { client } = nockClient();
    await expect(client.candidate.createNote(noteInput)).resolves.toMatchObject({ id: 'n2' });
    second.done();
  });

  it('retries a rate-limited note without probing (Ashby refused it)', async () => {
    nock(BASE).post('/candidate.createNote').reply(429);
    nock(BASE)
      .post('/candidate.createNote')
      .reply(200, { success: true, results: note('n3', 'x') });
    const { client } = nockClient();
    await expect(client.candidate.createNote(noteInput)).resolves.toMatchObject({ id: 'n3' });
  });

  it('finds an application created by an attempt that timed out', async () => {
    nock(BASE).post('/application.create').reply(504);
    nock(BASE)
      .post('/candidate.info')
      .reply(200, {
        success: true,
        results: {
          id: 'c1',
          name: 'A',
          emailAddresses: [],
          phoneNumbers: [],
          socialLinks: [],
          tags: [],
          applicationIds: ['a0', 'a1'],
          fileHandles: [],
          profileUrl: 'u',
        },
      });
    nock(BASE)
      .post('/application.info', { applicationId: 'a0' })
      .reply(200, { success: true, results: application('a0', { job: { id: 'other', title: 'X' } }) });
    nock(BASE)
      .post('/application.info', { applicationId: 'a1' })
      .reply(200, { success: true, results: application('a1') });
    const { client } = nockClient();
    await expect(client.application.create({ candidateId: 'c1', jobId: 'job-1' })).resolves.toMatchObject({ id: 'a1' });
  });

  it('gives up after the retry budget', async () => {
    const creates = nock(BASE).post('/candidate.createNote').times(3).reply(500);
    const probes = nock(BASE)
      .post('/candidate.listNotes')
      .times(3)
      .reply(200, { success: true, results: [], moreDataAvailable: false });
    const { client } = nockClient({ maxRetries: 2 });
    const error = await client.candidate.createNote(noteInput).catch((e) => e);
    expect(error).toBeInstanceOf(AshbyUnavailableError);
    expect(error.endpoint).toBe('candidate.createNote');
    expect(error.attempts).toBe(3);
    creates.done();
    probes.done();
  });
});

describe('last-attempt probing and rate-limit codes', () => {
  it('probes after the final failed attempt too, so a landed write counts as done', async () => {
    nock(BASE).post('/candidate.createNote').times(2).reply(500);
    nock(BASE).post('/candidate.listNotes').reply(200, { success: true, results: [], moreDataAvailable: false });
    nock(BASE)
      .post('/candidate.listNotes')
      .reply(200, { success: true, results: [note('n9', '<b>Skima</b> 👍 [skima:d1]')], moreDataAvailable: false });
    const { client } = nockClient({ maxRetries: 1 });
    await expect(client.candidate.createNote(noteInput)).resolves.toMatchObject({ id: 'n9' });
  });

  it('retries rate_limit_exceeded answered as success:false, without probing', async () => {
    nock(BASE)
      .post('/candidate.createNote')
      .reply(
        200,
        { success: false, errorInfo: { code: 'rate_limit_exceeded', message: 'slow down' } },
        { 'retry-after': '1' },
      );
    nock(BASE)
      .post('/candidate.createNote')
      .reply(200, { success: true, results: note('n4', 'x') });
    const { client, sleeps } = nockClient();
    await expect(client.candidate.createNote(noteInput)).resolves.toMatchObject({ id: 'n4' });
    expect(sleeps).toEqual([1000]);
  });
});
