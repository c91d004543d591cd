import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import type { HandoffConfig } from './handoff.ts';

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

const wholeNumber = (fallback: number) =>
  z
    .string()
    .default(String(fallback))
    .refine((v) => /^\d+$/.test(v), { message: 'must be a whole number (0 or more)' })
    .transform(Number);

/** A whole number: 0 (the setting is off), or from `min` to `max`. */
const offOrBetween = (fallback: number, min: number, max: number, unit: string) =>
  z
    .string()
    .default(String(fallback))
    .refine((v) => /^\d+$/.test(v) && (Number(v) === 0 || (Number(v) >= min && Number(v) <= max)), {
      message: `must be 0 (off) or a whole number of ${unit} from ${min} to ${max}`,
    })
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

/** An IPv4 or IPv6 address, optionally a CIDR range. */
const isAddressOrRange = (v: string) => {
  const [address = '', bits, ...rest] = v.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
};

/**
 * Which proxies may tell the client's address in X-Forwarded-For. Off by default: believing any
 * client would let each request claim a fresh address and walk past the per-address limits.
 */
const trustProxy = z
  .string()
  .default('off')
  .refine(
    (v) => v === 'off' || /^\d+$/.test(v) || v.split(',').every((part) => isAddressOrRange(part.trim())),
    { message: 'must be off, a hop count (1 for one proxy in front) or proxy addresses and ranges, comma-separated' },
  )
  .transform((v): false | number | string[] => {
    if (v === 'off' || v === '0') return false;
    if (/^\d+$/.test(v)) return Number(v);
    return v.split(',').map((part) => part.trim());
  });

/** Azure app (client) ids and tenant ids are GUIDs; a typo caught here beats a token error at the first message. */
const guid = z.string().refine((v) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v), {
  message: 'must be a GUID (00000000-0000-0000-0000-000000000000), as Azure shows it',
});

const httpUrl = z.string().refine((v) => /^https?:\/\/[^\s]+$/.test(v), { message: 'must be an http(s) URL' });

/**
 * Every environment variable Skima reads. Keep .env.example and the README's configuration table in
 * step with this schema (a test checks that each one is documented).
 */
export const envSchema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: port(3000),
  PUBLIC_BASE_URL: httpUrl.optional(),
  TRUST_PROXY: trustProxy,
  DATABASE_URL: databaseUrl,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
  QUEUE_DRIVER: z.enum(['embedded', 'pg-boss']).default('embedded'),
  QUEUE_CONCURRENCY: positiveInt(4),
  QUEUE_MAX_ATTEMPTS: positiveInt(8),
  QUEUE_VISIBILITY_TIMEOUT_SECONDS: positiveInt(300),
  SHUTDOWN_TIMEOUT_SECONDS: positiveInt(30),
  WORKER_PROCESSES: wholeNumber(0),
  SCORING_THREADS: wholeNumber(Math.min(4, availableParallelism() - 1)),
  HEAP_GROWTH_PERCENT: offOrBetween(100, 10, 300, 'percent'),
  SCORING_THREAD_HEAP_MB: offOrBetween(512, 64, 16384, 'MB'),
  ASHBY_API_KEY: optionalSecret,
  ASHBY_WEBHOOK_SECRET: optionalSecret,
  ASHBY_BASE_URL: httpUrl.default('https://api.ashbyhq.com'),
  ASHBY_REQUESTS_PER_SECOND: positiveInt(5),
  ASHBY_MAX_CONCURRENCY: positiveInt(4),
  ASHBY_TAG: z.enum(['on', 'off']).default('on'),
  ASHBY_SANDBOX_SEED: z
    .string()
    .default('demo')
    .refine((v) => /^(small|demo|large:\d+|jsonl:.+)$/.test(v), { message: 'must be small, demo, large:N or jsonl:PATH' }),
  POLL_INTERVAL_MINUTES: positiveInt(10),
  SHORTLIST_SIZE: positiveInt(10),
  LINK_TTL_DAYS: positiveInt(7),
  LINK_RATE_LIMIT_PER_MINUTE: positiveInt(60),
  LINK_RATE_LIMIT_PER_IP_PER_MINUTE: positiveInt(300),
  AUDIT_RETENTION_DAYS: positiveInt(365),
  APPROVE_STAGE_ID: z.string().optional(),
  REPORT_TIME_ZONE: z.string().default('UTC').refine((v) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: v });
      return true;
    } catch {
      return false;
    }
  }, { message: 'must be an IANA time zone such as Europe/Berlin or America/New_York' }),
  REPORT_MINUTES_PER_SCREEN: positiveInt(6),
  BIAS_AUDIT_MIN_GROUP: positiveInt(10),
  ASHBY_DEMOGRAPHICS_REPORT_ID: z.string().optional(),
  HIRING_MANAGERS_MAY_ARCHIVE: z.enum(['off', 'on']).default('off'),
  HANDOFF_CONFIG: z.string().optional(),
  REDACTION_MODE: z.enum(['off', 'on']).default('off'),
  LLM_PROVIDER: z.enum(['off', 'openai', 'anthropic']).default('off'),
  LLM_BASE_URL: httpUrl.optional(),
  LLM_API_KEY: optionalSecret,
  LLM_MODEL: z.string().optional(),
  LLM_TIMEOUT_SECONDS: positiveInt(30),
  LLM_MAX_TOKENS: positiveInt(1500),
  SLACK_BOT_TOKEN: optionalSecret,
  SLACK_SIGNING_SECRET: optionalSecret,
  SLACK_APP_TOKEN: optionalSecret.refine((v) => v === undefined || v.startsWith('xapp-'), {
    message: 'must be an app-level token (xapp-…) with the connections:write scope',
  }),
  SLACK_API_URL: httpUrl.default('https://slack.com/api/'),
  SLACK_DIGEST_CHANNEL: z.string().optional(),
  SLACK_HIRES_CHANNEL: z.string().optional(),
  NUDGE_AFTER_WORKING_DAYS: wholeNumber(2),
  TEAMS_APP_ID: guid.optional(),
  TEAMS_APP_PASSWORD: optionalSecret,
  TEAMS_TENANT_ID: guid.optional(),
  TEAMS_MULTI_TENANT: z.enum(['false', 'true']).default('false'),
  TEAMS_DIGEST_CONVERSATION_ID: z.string().optional(),
  SKIMA_SECRET: optionalSecret.refine((v) => v === undefined || v.length >= 32, {
    message: 'must be at least 32 characters (for example: openssl rand -hex 32)',
  }),
});

export type Env = z.input<typeof envSchema>;

export interface Config {
  host: string;
  port: number;
  publicBaseUrl: string;
  /** X-Forwarded-For is believed from this many proxy hops, or from these addresses; false: never. */
  trustProxy: false | number | string[];
  databaseUrl: string;
  logLevel: z.output<typeof envSchema>['LOG_LEVEL'];
  /** JSON lines, readable lines, or (auto) readable on a terminal. */
  logFormat: z.output<typeof envSchema>['LOG_FORMAT'];
  queue: {
    driver: 'embedded' | 'pg-boss';
    concurrency: number;
    maxAttempts: number;
    visibilityTimeoutMs: number;
  };
  shutdownTimeoutMs: number;
  /** Extra processes `skima start` forks to work screening jobs (each one more core). */
  workerProcesses: number;
  /** Worker threads per process for resume extraction and scoring; 0 runs them on the main thread. */
  scoringThreads: number;
  /** How much V8 lets a heap grow past what survived its last full collection, in percent, for every
   * thread of the process; 0 leaves it to V8 (which lets a fast-allocating heap grow up to 4 times). */
  heapGrowthPercent: number;
  /** Each scoring thread's old generation limit in MB; 0 for V8's default. */
  scoringThreadHeapMb: number;
  ashby: {
    apiKey?: string;
    webhookSecret?: string;
    baseUrl: string;
    sandboxSeed: string;
    /** Shared by every call this process makes with the key: Ashby's API budget is the bottleneck. */
    requestsPerSecond: number;
    maxConcurrency: number;
    /** Tag screened candidates "SKIMA Screened" (ASHBY_TAG=off saves one Ashby call per candidate). */
    tag: boolean;
  };
  pollIntervalMinutes: number;
  shortlistSize: number;
  linkTtlMs: number;
  /** Requests per minute one shortlist link may make, and one client address, before a 429. */
  linkRateLimitPerMinute: number;
  linkRateLimitPerIpPerMinute: number;
  auditRetentionDays: number;
  /** Interview stage an Approve moves the application to; undefined: decisions never move stages. */
  approveStageId?: string;
  /** The ROI report and the bias audit (docs/report.md, docs/bias-audit.md). */
  report: {
    /** IANA time zone the report's weeks and dates are read in. */
    timeZone: string;
    /** The assumed minutes a recruiter spends screening one application by hand. */
    minutesPerScreen: number;
    /** Categories with fewer people are shown as too small, never as a ratio. */
    biasMinGroup: number;
    /** The Ashby report (built by the organisation) whose rows are application ids and demographic answers. */
    demographicsReportId?: string;
  };
  /** Whether a job's hiring manager may archive its applications (HIRING_MANAGERS_MAY_ARCHIVE=on);
   * otherwise an archive needs a recruiting role. Advancing is open to the hiring manager either way. */
  hiringManagersMayArchive: boolean;
  /** Where hires are sent (HANDOFF_CONFIG, read and checked at start); undefined: hires go nowhere. */
  handoff?: HandoffConfig;
  /** Hide candidate names, contact details and photos on every card and page (REDACTION_MODE=on). */
  redact: boolean;
  /** Working days (weekends do not count) a shortlisted candidate waits undecided before the hiring
   * manager is reminded (NUDGE_AFTER_WORKING_DAYS); 0 turns reminders off. */
  nudgeAfterWorkingDays: number;
  /** Derives the links Skima writes into Ashby; generated into the data directory when unset. */
  secret?: string;
  /** The Slack front door: SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket
   * Mode); undefined keeps it off. */
  slack?: {
    botToken: string;
    /** HTTP: every request to /slack/events is verified with it. */
    signingSecret?: string;
    /** Socket Mode: Slack's events come over a WebSocket Skima opens, so no public URL is needed. */
    appToken?: string;
    /** Slack's Web API root (a proxy, or a test double). */
    apiUrl: string;
    /** Channel id the weekly digest goes to; unset: no weekly post (`/skima digest` still works). */
    digestChannel?: string;
    /** Channel id "hired" notices also go to (SLACK_HIRES_CHANNEL); unset: only the hiring managers. */
    hiresChannel?: string;
  };
  /** The Teams front door (Bot Framework): TEAMS_APP_ID with TEAMS_APP_PASSWORD; undefined keeps it off
   * (without an app id the Bot Framework would accept unauthenticated requests, so it is never served then). */
  teams?: {
    appId: string;
    appPassword: string;
    /** The Azure tenant of a single-tenant bot (required then). */
    tenantId?: string;
    /** A multi-tenant bot (TEAMS_MULTI_TENANT=true): tokens from any tenant. Single-tenant by default. */
    multiTenant: boolean;
    /** A channel conversation the weekly digest goes to; `digest here` in a channel stores one too. */
    digestConversationId?: string;
  };
  /** The optional LLM scorer; undefined (the default) keeps scoring offline. */
  llm?: {
    provider: 'openai' | 'anthropic';
    baseUrl?: string;
    apiKey: string;
    model: string;
    timeoutMs: number;
    maxTokens: number;
  };
}

export function toConfig(env: z.output<typeof envSchema>): Config {
  return {
    host: env.HOST,
    port: env.PORT,
    publicBaseUrl: (env.PUBLIC_BASE_URL ?? `http://${env.HOST}:${env.PORT}`).replace(/\/$/, ''),
    trustProxy: env.TRUST_PROXY,
    databaseUrl: env.DATABASE_URL,
    logLevel: env.LOG_LEVEL,
    logFormat: env.LOG_FORMAT,
    queue: {
      driver: env.QUEUE_DRIVER,
      concurrency: env.QUEUE_CONCURRENCY,
      maxAttempts: env.QUEUE_MAX_ATTEMPTS,
      visibilityTimeoutMs: env.QUEUE_VISIBILITY_TIMEOUT_SECONDS * 1000,
    },
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    workerProcesses: env.WORKER_PROCESSES,
    scoringThreads: env.SCORING_THREADS,
    heapGrowthPercent: env.HEAP_GROWTH_PERCENT,
    scoringThreadHeapMb: env.SCORING_THREAD_HEAP_MB,
    ashby: {
      apiKey: env.ASHBY_API_KEY,
      webhookSecret: env.ASHBY_WEBHOOK_SECRET,
      baseUrl: env.ASHBY_BASE_URL,
      sandboxSeed: env.ASHBY_SANDBOX_SEED,
      requestsPerSecond: env.ASHBY_REQUESTS_PER_SECOND,
      maxConcurrency: env.ASHBY_MAX_CONCURRENCY,
      tag: env.ASHBY_TAG === 'on',
    },
    pollIntervalMinutes: env.POLL_INTERVAL_MINUTES,
    shortlistSize: env.SHORTLIST_SIZE,
    linkTtlMs: env.LINK_TTL_DAYS * 24 * 3600 * 1000,
    linkRateLimitPerMinute: env.LINK_RATE_LIMIT_PER_MINUTE,
    linkRateLimitPerIpPerMinute: env.LINK_RATE_LIMIT_PER_IP_PER_MINUTE,
    auditRetentionDays: env.AUDIT_RETENTION_DAYS,
    approveStageId: env.APPROVE_STAGE_ID || undefined,
    report: {
      timeZone: env.REPORT_TIME_ZONE,
      minutesPerScreen: env.REPORT_MINUTES_PER_SCREEN,
      biasMinGroup: env.BIAS_AUDIT_MIN_GROUP,
      demographicsReportId: env.ASHBY_DEMOGRAPHICS_REPORT_ID || undefined,
    },
    hiringManagersMayArchive: env.HIRING_MANAGERS_MAY_ARCHIVE === 'on',
    redact: env.REDACTION_MODE === 'on',
    nudgeAfterWorkingDays: env.NUDGE_AFTER_WORKING_DAYS,
    secret: env.SKIMA_SECRET,
    slack:
      env.SLACK_BOT_TOKEN && (env.SLACK_SIGNING_SECRET || env.SLACK_APP_TOKEN)
        ? {
            botToken: env.SLACK_BOT_TOKEN,
            signingSecret: env.SLACK_SIGNING_SECRET,
            appToken: env.SLACK_APP_TOKEN,
            apiUrl: env.SLACK_API_URL.endsWith('/') ? env.SLACK_API_URL : `${env.SLACK_API_URL}/`,
            digestChannel: env.SLACK_DIGEST_CHANNEL || undefined,
            hiresChannel: env.SLACK_HIRES_CHANNEL || undefined,
          }
        : undefined,
    teams:
      env.TEAMS_APP_ID && env.TEAMS_APP_PASSWORD
        ? {
            appId: env.TEAMS_APP_ID,
            appPassword: env.TEAMS_APP_PASSWORD,
            ...(env.TEAMS_TENANT_ID ? { tenantId: env.TEAMS_TENANT_ID } : {}),
            multiTenant: env.TEAMS_MULTI_TENANT === 'true',
            ...(env.TEAMS_DIGEST_CONVERSATION_ID ? { digestConversationId: env.TEAMS_DIGEST_CONVERSATION_ID } : {}),
          }
        : undefined,
    llm:
      env.LLM_PROVIDER === 'off'
        ? undefined
        : {
            provider: env.LLM_PROVIDER,
            baseUrl: env.LLM_BASE_URL,
            apiKey: env.LLM_API_KEY ?? '',
            model: env.LLM_MODEL ?? '',
            timeoutMs: env.LLM_TIMEOUT_SECONDS * 1000,
            maxTokens: env.LLM_MAX_TOKENS,
          },
  };
}
