import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, loadConfigOrThrow } from '../../src/config/load.ts';
import { envSchema } from '../../src/config/schema.ts';

describe('configuration', () => {
  it('runs on SQLite with nothing configured', () => {
    const result = loadConfig({});
    expect(result).toMatchObject({
      ok: true,
      config: {
        port: 3000,
        host: '127.0.0.1',
        databaseUrl: 'file:./data/skima.db',
        publicBaseUrl: 'http://127.0.0.1:3000',
        queue: { driver: 'embedded', concurrency: 4, maxAttempts: 8, visibilityTimeoutMs: 300_000 },
      },
    });
  });

  it('names every bad variable at once', () => {
    const result = loadConfig({
      PORT: '80a',
      DATABASE_URL: 'mysql://db/skima',
      LOG_LEVEL: 'loud',
      QUEUE_CONCURRENCY: '0',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(4);
    expect(result.problems.join('\n')).toMatch(/PORT: must be a whole number.*"80a"/);
    expect(result.problems.join('\n')).toMatch(/DATABASE_URL: must be a SQLite file URL.*"mysql:\/\/db\/skima"/);
    expect(result.problems.join('\n')).toMatch(/LOG_LEVEL/);
    expect(result.problems.join('\n')).toMatch(/QUEUE_CONCURRENCY: must be a whole number above 0/);
  });

  it('never echoes a secret in an error', () => {
    const result = loadConfig({ ASHBY_BASE_URL: 'not a url', ASHBY_API_KEY: 'sk_live_secret' });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('sk_live_secret');
  });

  it('reminds hiring managers after 2 working days unless told otherwise, and lets only recruiters archive unless allowed', () => {
    expect(loadConfigOrThrow({}, '/nonexistent/.env')).toMatchObject({ nudgeAfterWorkingDays: 2, hiringManagersMayArchive: false });
    const set = loadConfigOrThrow({ NUDGE_AFTER_WORKING_DAYS: '5', HIRING_MANAGERS_MAY_ARCHIVE: 'on' }, '/nonexistent/.env');
    expect(set).toMatchObject({ nudgeAfterWorkingDays: 5, hiringManagersMayArchive: true });
    expect(loadConfigOrThrow({ NUDGE_AFTER_WORKING_DAYS: '0' }, '/nonexistent/.env').nudgeAfterWorkingDays).toBe(0);
    const bad = loadConfig({ NUDGE_AFTER_WORKING_DAYS: 'two', HIRING_MANAGERS_MAY_ARCHIVE: 'yes' });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems.join('\n')).toMatch(/NUDGE_AFTER_WORKING_DAYS: must be a whole number/);
    expect(bad.problems.join('\n')).toMatch(/HIRING_MANAGERS_MAY_ARCHIVE/);
  });

  it('bounds heap growth at 100 % and each scoring thread at 512 MB unless told otherwise, 0 turning either off', () => {
    expect(loadConfigOrThrow({}, '/nonexistent/.env')).toMatchObject({ heapGrowthPercent: 100, scoringThreadHeapMb: 512 });
    const set = loadConfigOrThrow({ HEAP_GROWTH_PERCENT: '30', SCORING_THREAD_HEAP_MB: '1024' }, '/nonexistent/.env');
    expect(set).toMatchObject({ heapGrowthPercent: 30, scoringThreadHeapMb: 1024 });
    const off = loadConfigOrThrow({ HEAP_GROWTH_PERCENT: '0', SCORING_THREAD_HEAP_MB: '0' }, '/nonexistent/.env');
    expect(off).toMatchObject({ heapGrowthPercent: 0, scoringThreadHeapMb: 0 });
    for (const [name, value, range] of [
      ['HEAP_GROWTH_PERCENT', '5', 'percent from 10 to 300'],
      ['HEAP_GROWTH_PERCENT', '30%', 'percent from 10 to 300'],
      ['SCORING_THREAD_HEAP_MB', '32', 'MB from 64 to 16384'],
      ['SCORING_THREAD_HEAP_MB', '1.5', 'MB from 64 to 16384'],
    ] as const) {
      const bad = loadConfig({ [name]: value });
      expect(bad).toEqual({ ok: false, problems: [`${name}: must be 0 (off) or a whole number of ${range} (got "${value}")`] });
    }
  });

  it('refuses pg-boss on SQLite', () => {
    const result = loadConfig({ QUEUE_DRIVER: 'pg-boss' });
    expect(result).toEqual({
      ok: false,
      problems: [expect.stringMatching(/QUEUE_DRIVER: pg-boss needs .*PostgreSQL/)],
    });
  });

  it('reads .env, and the environment wins over it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'skima-env-'));
    const file = path.join(dir, '.env');
    writeFileSync(file, 'PORT=4321\nLOG_LEVEL=debug\n');
    const config = loadConfigOrThrow({ LOG_LEVEL: 'warn' }, file);
    expect(config.port).toBe(4321);
    expect(config.logLevel).toBe('warn');
    writeFileSync(file, 'PORT=http\nDATABASE_URL=redis://x\n');
    expect(() => loadConfigOrThrow({}, file)).toThrow(ConfigError);
  });

  it('turns Slack on only with both the bot token and the signing secret, and never echoes them', () => {
    expect(loadConfigOrThrow({}, '/nonexistent/.env').slack).toBeUndefined();
    const on = loadConfigOrThrow({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's3cret' }, '/nonexistent/.env');
    expect(on.slack).toEqual({
      botToken: 'xoxb-1', signingSecret: 's3cret', appToken: undefined, apiUrl: 'https://slack.com/api/', digestChannel: undefined,
      hiresChannel: undefined,
    });
    const proxied = loadConfigOrThrow(
      { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's3cret', SLACK_API_URL: 'http://127.0.0.1:9/api', SLACK_DIGEST_CHANNEL: 'C1' },
      '/nonexistent/.env',
    );
    expect(proxied.slack).toMatchObject({ apiUrl: 'http://127.0.0.1:9/api/', digestChannel: 'C1' });
    const half = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-secret-value' });
    expect(half.ok).toBe(false);
    expect(JSON.stringify(half)).toContain('set both');
    expect(JSON.stringify(half)).not.toContain('xoxb-secret-value');
  });

  it('turns Slack on over Socket Mode with the bot token and an app-level token instead of the signing secret', () => {
    const socket = loadConfigOrThrow({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1-A1-secret' }, '/nonexistent/.env');
    expect(socket.slack).toMatchObject({ botToken: 'xoxb-1', appToken: 'xapp-1-A1-secret', signingSecret: undefined });
    const notAppToken = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-not-an-app-token' });
    expect(JSON.stringify(notAppToken)).toContain('SLACK_APP_TOKEN');
    expect(JSON.stringify(notAppToken)).not.toContain('xoxb-not-an-app-token');
    expect(loadConfig({ SLACK_APP_TOKEN: 'xapp-1-A1-secret' }).ok).toBe(false); // no bot token to send with
  });

  it('documents every variable in .env.example and the README', () => {
    const example = readFileSync('.env.example', 'utf-8');
    const readme = readFileSync('README.md', 'utf-8');
    for (const name of Object.keys(envSchema.shape)) {
      expect(example, `.env.example lacks ${name}`).toMatch(new RegExp(`^#? ?${name}=`, 'm'));
      expect(readme, `README lacks ${name}`).toContain(`\`${name}\``);
    }
  });
});
