import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from '../config/schema.ts';
import { logDestination } from './log-format.ts';

export type { Logger };

/**
 * Paths pino censors in every log line. Secrets, tokens, credentials and resume text never reach a
 * log: add a path here rather than trusting each call site.
 */
export const REDACTED_PATHS = [
  'authorization',
  'password',
  'secret',
  'token',
  'apiKey',
  'resumeText',
  'text',
  '*.authorization',
  '*.Authorization',
  '*.password',
  '*.secret',
  '*.token',
  '*.apiKey',
  '*.api_key',
  '*.resumeText',
  '*.extractedText',
  '*.signingSecret',
  '*.botToken',
  'config.slack.botToken',
  'config.slack.signingSecret',
  '*.webhookSecret',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["ashby-signature"]',
  'req.headers["x-slack-signature"]',
  'headers["x-slack-signature"]',
  'headers.authorization',
  'headers.cookie',
  'config.ashby.apiKey',
  'config.ashby.webhookSecret',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'skima' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

/**
 * A process's logger, at the configured level (or `level`) and in the configured format. The
 * long-running processes log to standard output; CLI commands to standard error, away from their
 * output.
 */
export function createProcessLogger(
  config: Pick<Config, 'logLevel' | 'logFormat'>,
  to: 'stdout' | 'stderr',
  level: string = config.logLevel,
): Logger {
  return createLogger(level, logDestination(config.logFormat, to));
}
