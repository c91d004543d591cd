import { randomBytes } from 'node:crypto';
import { AshbyClient, RequestGate } from '../ashby/index.ts';
import type { RunningSandbox } from '../ashby/sandbox/index.ts';
import type { Config } from '../config/schema.ts';
import type { Db } from '../db/client.ts';
import type { Logger } from './logger.ts';
import { RateWindows, SharedAshbyBudget } from './rate-windows.ts';

export interface AshbyConnection {
  client: AshbyClient;
  /** The secret webhooks are verified with; undefined until one is configured or subscribed. */
  webhookSecret: string | undefined;
  /** Set in the embedded default: the in-process Ashby sandbox. */
  sandbox?: RunningSandbox;
  close(): Promise<void>;
}

/**
 * Ashby itself when ASHBY_API_KEY is set; otherwise the embedded default, an in-process Ashby sandbox
 * with the configured seed, so Skima runs on a fresh clone with nothing to configure.
 */
export async function connectAshby(config: Config, log: Logger, db: Db): Promise<AshbyConnection> {
  const logger = log.child({ component: 'ashby' });
  if (config.ashby.apiKey) {
    const { apiKey, requestsPerSecond } = config.ashby;
    const gate = new RequestGate({
      requestsPerSecond,
      burst: requestsPerSecond,
      maxConcurrency: config.ashby.maxConcurrency,
      // Ashby limits per organisation: every Skima process with this key takes from one budget.
      budget: new SharedAshbyBudget(new RateWindows(db), apiKey, requestsPerSecond),
    });
    return {
      client: new AshbyClient({ apiKey, baseUrl: config.ashby.baseUrl, logger, gate }),
      webhookSecret: config.ashby.webhookSecret,
      close: async () => {},
    };
  }
  // Loaded only here: the sandbox (its seed data, pdfkit for its resumes) stays out of every process
  // that talks to Ashby itself or to no Ashby at all (most CLI commands).
  const { startSandbox } = await import('../ashby/sandbox/index.ts');
  const sandbox = await startSandbox({ port: 0, seed: config.ashby.sandboxSeed });
  log.info({ sandbox: sandbox.url, seed: config.ashby.sandboxSeed }, 'no ASHBY_API_KEY: using the local Ashby sandbox');
  // The local sandbox has no API budget to respect: only a concurrency bound.
  const gate = new RequestGate({ requestsPerSecond: 10_000, burst: 10_000, maxConcurrency: 16 });
  return {
    client: new AshbyClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url, logger, gate }),
    webhookSecret: undefined,
    sandbox,
    close: () => sandbox.close(),
  };
}

/** Subscribes the embedded sandbox's webhooks to Skima's intake, as an admin would in Ashby. */
export async function subscribeSandboxWebhooks(connection: AshbyConnection, intakeUrl: string): Promise<void> {
  const secret = randomBytes(32).toString('hex');
  const { SANDBOX_WEBHOOK_TYPES } = await import('../ashby/sandbox/index.ts');
  for (const webhookType of SANDBOX_WEBHOOK_TYPES) {
    await connection.client.webhook.create({ webhookType, requestUrl: intakeUrl, secretToken: secret });
  }
  connection.webhookSecret = secret;
}
