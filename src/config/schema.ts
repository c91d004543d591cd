import { z } from 'zod';

const DEFAULT_DATABASE_URL = 'file:./data/skima.db';

const port = (fallback: number) =>
  z
    .string()
    .default(String(fallback))
    .refine((v) => /^\d+$/.test(v) && Number(v) >= 0 && Number(v) <= 65535, {
      message: 'must be a whole number from 0 to 65535',
    })
    .transform(Number);

const positiveInt = (fallback: number) =>
  z
    .string()
    .default(String(fallback))
    .refine((v) => /^\d+$/.test(v) && Number(v) > 0, { message: 'must be a whole number above 0' })
    .transform(Number);

const databaseUrl = z
  .string()
  .default(DEFAULT_DATABASE_URL)
  .refine((v) => /^file:.+/.test(v) || /^postgres(ql)?:\/\/.+/.test(v), {
    message: 'must be a SQLite file URL (file:./data/skima.db) or a PostgreSQL URL (postgresql://user@host:5432/db)',
  });

const optionalSecret = z
  .string()
  .optional()
  .transform((v) => (v === '' ? undefined : v));

const httpUrl = z.string().refine((v) => /^https?:\/\/[^\s]+$/.test(v), { message: 'must be an http(s) URL' });

/**
 * Every environment variable Skima reads. Keep .env.example and the README's configuration table in
 * step with this schema (a test checks that each one is documented).
 */
export const envSchema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: port(3000),
  PUBLIC_BASE_URL: httpUrl.optional(),
  DATABASE_URL: databaseUrl,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  QUEUE_DRIVER: z.enum(['embedded', 'pg-boss']).default('embedded'),
  QUEUE_CONCURRENCY: positiveInt(4),
  QUEUE_MAX_ATTEMPTS: positiveInt(8),
  QUEUE_VISIBILITY_TIMEOUT_SECONDS: positiveInt(300),
  SHUTDOWN_TIMEOUT_SECONDS: positiveInt(30),
  ASHBY_API_KEY: optionalSecret,
  ASHBY_WEBHOOK_SECRET: optionalSecret,
  ASHBY_BASE_URL: httpUrl.default('https://api.ashbyhq.com'),
});

export type Env = z.input<typeof envSchema>;

export interface Config {
  host: string;
  port: number;
  publicBaseUrl: string;
  databaseUrl: string;
  logLevel: z.output<typeof envSchema>['LOG_LEVEL'];
  queue: {
    driver: 'embedded' | 'pg-boss';
    concurrency: number;
    maxAttempts: number;
    visibilityTimeoutMs: number;
  };
  shutdownTimeoutMs: number;
  ashby: { apiKey?: string; webhookSecret?: string; baseUrl: string };
}

export function toConfig(env: z.output<typeof envSchema>): Config {
  return {
    host: env.HOST,
    port: env.PORT,
    publicBaseUrl: (env.PUBLIC_BASE_URL ?? `http://${env.HOST}:${env.PORT}`).replace(/\/$/, ''),
    databaseUrl: env.DATABASE_URL,
    logLevel: env.LOG_LEVEL,
    queue: {
      driver: env.QUEUE_DRIVER,
      concurrency: env.QUEUE_CONCURRENCY,
      maxAttempts: env.QUEUE_MAX_ATTEMPTS,
      visibilityTimeoutMs: env.QUEUE_VISIBILITY_TIMEOUT_SECONDS * 1000,
    },
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    ashby: { apiKey: env.ASHBY_API_KEY, webhookSecret: env.ASHBY_WEBHOOK_SECRET, baseUrl: env.ASHBY_BASE_URL },
  };
}
