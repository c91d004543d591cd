// `skima status` names the Ashby calls that are failing and being retried, from any process: each
// transient failure (429, 5xx, timeout, dropped connection) is counted per endpoint and reason and
// kept as an audit event, without flooding the database during a burst.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AshbyClient, RequestGate } from '../../src/ashby/index.ts';
import { collectStatus } from '../../src/core/status.ts';
import { type CoreEnv, coreContext } from '../helpers/core-context.ts';
import { waitFor } from '../helpers/wait.ts';

describe('Ashby calls failing and retrying', () => {
  let env: CoreEnv;
  let calls = 0;
  beforeAll(async () => {
    const client = new AshbyClient({
      apiKey: 'test',
      baseUrl: 'http://127.0.0.1:9',
      maxRetries: 3,
      backoff: { baseDelayMs: 1, maxDelayMs: 1 },
      gate: new RequestGate({ requestsPerSecond: 10_000, burst: 10_000, maxConcurrency: 16 }),
      // Ashby answers 503 to every application.info.
      fetch: async () => {
        calls++;
        return new Response('upstream trouble', { status: 503 });
      },
    });
    env = await coreContext('sqlite', { ashby: { client, webhookSecret: undefined, close: async () => {} } });
  });
  afterAll(() => env.close());

  it('lists them under recent problems with a count, while and after they fail', async () => {
    expect((await collectStatus(env.ctx)).errors).toEqual([]);
    for (let i = 0; i < 5; i++) await expect(env.ctx.ashby.client.application.info(`app-${i}`)).rejects.toThrow(/HTTP 503/);
    expect(calls).toBe(20);
    const problem = await waitFor('the retries in the status', async () =>
      (await collectStatus(env.ctx)).errors.find((e) => e.source === 'ashby:application.info' && e.count === 20));
    expect(problem.message).toBe('HTTP 503 (retried)');
    // A burst is a few rows, not one per failure.
    expect(await env.ctx.db.auditEvent.count({ where: { action: 'ashby.call_failed' } })).toBeLessThanOrEqual(2);
  });

  it('lists a job waiting to retry after an Ashby failure', async () => {
    await env.ctx.db.queueJob.create({
      data: {
        queue: 'application.process',
        payload: {},
        state: 'queued',
        attempts: 2,
        maxAttempts: 8,
        backoffBaseMs: 1000,
        runAt: new Date(Date.now() + 60_000),
        lastError: 'application.info: HTTP 503 after 6 attempt(s)',
      },
    });
    const status = await collectStatus(env.ctx);
    expect(status.errors).toContainEqual(expect.objectContaining({
      source: 'queue:application.process (retrying)',
      message: 'application.info: HTTP 503 after 6 attempt(s)',
      count: 1,
    }));
  });
});
