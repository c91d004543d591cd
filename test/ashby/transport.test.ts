import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  AshbyApiError,
  AshbyAuthError,
  AshbyPermissionError,
  AshbyResponseShapeError,
  AshbyUnavailableError,
} from '../../src/ashby/errors.ts';
import { application, BASE, nockClient } from './helpers.ts';

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
});

describe('AshbyTransport', () => {
  it('sends Basic auth with the key and an empty password, and a JSON body', async () => {
    const scope = nock(BASE)
      .post('/job.info', { id: 'job-1' })
      .matchHeader('authorization', `Basic ${Buffer.from('test-key:').toString('base64')}`)
      .matchHeader('content-type', 'application/json')
      .reply(200, {
        success: true,
        results: {
          id: 'job-1',
          title: 'Designer',
          confidential: false,
          status: 'Open',
          employmentType: 'FullTime',
          updatedAt: 'x',
          brandNew: 1,
        },
      });
    const { client } = nockClient();
    const job = await client.job.info('job-1');
    expect(job.title).toBe('Designer');
    // Unknown fields are tolerated and kept.
    expect((job as Record<string, unknown>).brandNew).toBe(1);
    scope.done();
  });

  it('names the endpoint and the missing field when a required field is absent', async () => {
    nock(BASE)
      .post('/application.info')
      .reply(
        200,
        { success: true, results: { ...application('a1'), candidate: { name: 'No Id' } } },
        { 'x-ashby-request-id': 'req-9' },
      );
    const { client } = nockClient();
    const error = await client.application.info('a1').catch((e) => e);
    expect(error).toBeInstanceOf(AshbyResponseShapeError);
    expect(error.endpoint).toBe('application.info');
    expect(error.field).toBe('results.candidate.id');
    expect(error.requestId).toBe('req-9');
    expect(error.message).toContain('application.info');
  });

  it('turns success:false into a typed error with code, message and request id', async () => {
    nock(BASE)
      .post('/application.info')
      .reply(200, {
        success: false,
        errors: ['application_not_found'],
        errorInfo: { code: 'application_not_found', message: 'Application not found', requestId: '01JSJ8' },
      });
    const { client, sleeps } = nockClient();
    const error = await client.application.info('nope').catch((e) => e);
    expect(error).toBeInstanceOf(AshbyApiError);
    expect(error.code).toBe('application_not_found');
    expect(error.message).toContain('Application not found');
    expect(error.requestId).toBe('01JSJ8');
    expect(sleeps).toEqual([]);
  });

  it('reads the code from the deprecated errors array when errorInfo is absent', async () => {
    nock(BASE)
      .post('/job.info')
      .reply(200, { success: false, errors: [{ code: 'job_not_found' }] });
    const { client } = nockClient();
    await expect(client.job.info('x')).rejects.toMatchObject({ code: 'job_not_found' });
  });

  it('raises a permission error for missing_endpoint_permission (HTTP 403) without retrying', async () => {
    nock(BASE)
      .post('/customField.setValue')
      .reply(403, {
        success: false,
        errorInfo: { code: 'missing_endpoint_permission', message: 'needs candidatesWrite' },
      });
    const { client, sleeps } = nockClient();
    const error = await client.customField
      .setValue({ objectType: 'Application', objectId: 'a1', fieldId: 'f1', fieldValue: 3 })
      .catch((e) => e);
    expect(error).toBeInstanceOf(AshbyPermissionError);
    expect(error.httpStatus).toBe(403);
    expect(sleeps).toEqual([]);
  });

  it('raises an auth error on 401', async () => {
    nock(BASE).post('/apiKey.info').reply(401, 'Unauthorized');
    const { client } = nockClient();
    await expect(client.apiKey.info()).rejects.toBeInstanceOf(AshbyAuthError);
  });

  it('retries a 429 honouring Retry-After', async () => {
    nock(BASE)
      .post('/user.info')
      .reply(429, { success: false, errorInfo: { code: 'rate_limit_exceeded' } }, { 'retry-after': '2' });
    nock(BASE)
      .post('/user.info')
      .reply(200, {
        success: true,
        results: {
          id: 'u1',
          firstName: 'A',
          lastName: 'B',
          globalRole: 'Organization Admin',
          isEnabled: true,
          updatedAt: 'x',
        },
      });
    const { client, sleeps } = nockClient();
    await expect(client.user.info('u1')).resolves.toMatchObject({ id: 'u1' });
    expect(sleeps).toEqual([2000]);
  });

  it('retries 5xx with growing backoff and gives up with a typed error', async () => {
    nock(BASE).post('/source.list').times(4).reply(503, 'unavailable');
    const { client, sleeps } = nockClient({ maxRetries: 3, backoff: { baseDelayMs: 100, maxDelayMs: 10_000 } });
    const error = await client.source.list().catch((e) => e);
    expect(error).toBeInstanceOf(AshbyUnavailableError);
    expect(error.httpStatus).toBe(503);
    expect(error.attempts).toBe(4);
    // random() = 0.5 puts each delay at 3/4 of the exponential ceiling.
    expect(sleeps).toEqual([75, 150, 300]);
  });

  it('recovers from a 500 followed by success', async () => {
    nock(BASE).post('/archiveReason.list').reply(500);
    nock(BASE)
      .post('/archiveReason.list')
      .reply(200, {
        success: true,
        results: [{ id: 'r1', text: 'Too junior', reasonType: 'RejectedByOrg', isArchived: false }],
      });
    const { client, sleeps } = nockClient();
    await expect(client.archiveReason.list()).resolves.toHaveLength(1);
    expect(sleeps).toHaveLength(1);
  });

  it('times out slow calls and retries them', async () => {
    // A real loopback server: nock's delayed replies and an aborted undici request do not mix.
    nock.enableNetConnect('127.0.0.1');
    let calls = 0;
    const server = createServer((_req, res) => {
      calls++;
      const reply = () => res.end(JSON.stringify({ success: true, results: { title: `call ${calls}` } }));
      if (calls === 1) setTimeout(reply, 400);
      else reply();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const { port } = server.address() as AddressInfo;
      const { client, sleeps } = nockClient({ baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 100 });
      await expect(client.apiKey.info()).resolves.toMatchObject({ title: 'call 2' });
      expect(sleeps).toHaveLength(1);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      nock.disableNetConnect();
    }
  });

  it('retries connection errors', async () => {
    let calls = 0;
    const flakyFetch: typeof fetch = async () => {
      calls++;
      if (calls === 1)
        throw new TypeError('fetch failed', { cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }) });
      return new Response(JSON.stringify({ success: true, results: { title: 'k' } }), { status: 200 });
    };
    const { client, sleeps } = nockClient({ fetch: flakyFetch });
    await expect(client.apiKey.info()).resolves.toMatchObject({ title: 'k' });
    expect(calls).toBe(2);
    expect(sleeps).toHaveLength(1);
  });
});
