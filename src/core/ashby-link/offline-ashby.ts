import { AshbyClient } from '../../ashby/index.ts';
import type { Config } from '../../config/schema.ts';
import type { AshbyConnection } from './ashby-connection.ts';

/**
 * For commands that only read Skima's own database (digest, status, rediscover): a client that is never
 * called, so no embedded sandbox starts and no Ashby request is made.
 */
export function offlineAshby(config: Config): AshbyConnection {
  return {
    client: new AshbyClient({ apiKey: config.ashby.apiKey ?? 'offline', baseUrl: config.ashby.baseUrl }),
    webhookSecret: config.ashby.webhookSecret,
    close: async () => {},
  };
}
