import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/core/logger.ts';

/** A real pino logger that writes nowhere unless SKIMA_TEST_LOG is set (then at that level). */
export function testLogger(): Logger {
  return createLogger(process.env.SKIMA_TEST_LOG ?? 'silent');
}

export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

/** A real pino logger (at `level`) whose lines are kept, parsed, for a test to read. */
export function capturingLogger(level = 'info'): { log: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)) as LogLine);
      done();
    },
  });
  return { log: createLogger(level, stream), lines };
}
