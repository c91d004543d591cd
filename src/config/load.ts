import { existsSync, readFileSync } from 'node:fs';
import { parse as parseDotenv } from 'dotenv';
import { loadHandoffConfig } from './handoff.ts';
import { type Config, envSchema, toConfig } from './schema.ts';

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** Thrown by loadConfigOrThrow; the CLI prints its message alone, never a stack trace. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(formatProblems(problems));
    this.name = 'ConfigError';
  }
}

export function formatProblems(problems: string[]): string {
  return [
    `Skima cannot start: the configuration has ${problems.length} problem${problems.length === 1 ? '' : 's'}.`,
    ...problems.map((p) => `  - ${p}`),
    'Fix them in the environment or in .env (see .env.example), then start again.',
  ].join('\n');
}

/** Reads `.env` when present; variables already in the environment win, as with dotenv. */
export function readDotenv(file = '.env'): Record<string, string> {
  return existsSync(file) ? parseDotenv(readFileSync(file)) : {};
}

/** Validates every variable at once, so one run reports every problem. */
export function loadConfig(env: Record<string, string | undefined>): ConfigResult {
  // Empty strings mean "not set" so `PORT=` in a .env falls back to the default.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = issue.path.join('.');
      const value = cleaned[name];
      const shown = value === undefined || /KEY|SECRET|TOKEN|PASSWORD/.test(name) ? '' : ` (got "${value}")`;
      return `${name}: ${issue.message}${shown}`;
    });
    return { ok: false, problems };
  }
  const config = toConfig(parsed.data);
  const problems: string[] = [];
  if (config.queue.driver === 'pg-boss' && !/^postgres(ql)?:/.test(config.databaseUrl)) {
    problems.push('QUEUE_DRIVER: pg-boss needs DATABASE_URL to be a PostgreSQL URL');
  }
  if (config.llm && !config.llm.apiKey) problems.push('LLM_API_KEY: required when LLM_PROVIDER is set');
  if (config.llm && !config.llm.model) problems.push('LLM_MODEL: required when LLM_PROVIDER is set');
  const slackReachable = Boolean(cleaned.SLACK_SIGNING_SECRET) || Boolean(cleaned.SLACK_APP_TOKEN);
  if (Boolean(cleaned.SLACK_BOT_TOKEN) !== slackReachable) {
    problems.push('SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET: set both to turn Slack on (or SLACK_BOT_TOKEN and'
      + ' SLACK_APP_TOKEN for Socket Mode), or none to leave it off');
  }
  if (Boolean(cleaned.TEAMS_APP_ID) !== Boolean(cleaned.TEAMS_APP_PASSWORD)) {
    problems.push('TEAMS_APP_ID, TEAMS_APP_PASSWORD: set both to turn Teams on (the Azure bot\'s app id and a client'
      + ' secret of it), or none to leave it off');
  }
  if (config.teams && !config.teams.multiTenant && !config.teams.tenantId) {
    problems.push('TEAMS_TENANT_ID: required for a single-tenant bot (the Directory (tenant) ID of the bot\'s app'
      + ' registration in Azure), or set TEAMS_MULTI_TENANT=true for a multi-tenant one');
  }
  if (parsed.data.HANDOFF_CONFIG) {
    const handoff = loadHandoffConfig(parsed.data.HANDOFF_CONFIG, cleaned);
    if (handoff.ok) config.handoff = handoff.config;
    else problems.push(handoff.problem);
  }
  return problems.length ? { ok: false, problems } : { ok: true, config };
}

export function loadConfigOrThrow(env: Record<string, string | undefined> = process.env, dotenvFile = '.env'): Config {
  const result = loadConfig({ ...readDotenv(dotenvFile), ...env });
  if (!result.ok) throw new ConfigError(result.problems);
  return result.config;
}
