import { createLogger, type Logger } from '../../src/core/logger.ts';

/** A real pino logger that writes nowhere unless SKIMA_TEST_LOG is set (then at that level). */
export function testLogger(): Logger {
  return createLogger(process.env.SKIMA_TEST_LOG ?? 'silent');
}
