import { loadConfigOrThrow } from '../config/load.ts';
import { closeContext, createContext } from '../core/context.ts';
import { createProcessLogger } from '../core/logger.ts';
import { runSetupChecks, type SetupCheck } from '../core/setup-checks.ts';
import { runCommand } from './args.ts';

const usage = `Usage: skima setup [--fix] [--webhook-url URL]

Checks what Skima needs: the Ashby API key and its permissions, the SKIMA custom fields and the
"SKIMA Screened" tag, the webhooks and their secret, and the database migrations. Every problem comes
with what to do about it. Exits 1 when a check fails.

  --fix              create what is missing and the API key may create (fields, tag, webhooks);
                     nothing that exists is changed or deleted
  --webhook-url URL  where Ashby should send webhooks: Skima's public address, e.g.
                     https://skima.example.com (the /webhooks/ashby path is added when left out)`;

const MARK: Record<SetupCheck['status'], string> = { ok: '✔', fixed: '✚', warn: '!', fail: '✖' };

/** The checks as a person reads them in a terminal. */
export function formatSetupChecks(checks: SetupCheck[]): string {
  const lines: string[] = [];
  for (const c of checks) {
    lines.push(`${MARK[c.status]} ${c.title}: ${c.detail}`);
    if (c.fix) lines.push(`    fix: ${c.fix}`);
  }
  const count = (s: SetupCheck['status']) => checks.filter((c) => c.status === s).length;
  const parts = [`${count('ok')} ok`];
  if (count('fixed')) parts.push(`${count('fixed')} fixed`);
  if (count('warn')) parts.push(`${count('warn')} to look at`);
  if (count('fail')) parts.push(`${count('fail')} failing`);
  lines.push('', `${parts.join(', ')}.`);
  return lines.join('\n');
}

export function setupExitCode(checks: SetupCheck[]): number {
  return checks.some((c) => c.status === 'fail') ? 1 : 0;
}

export async function run(argv: string[]): Promise<number> {
  return runCommand(argv, usage, { 'fix': { type: 'boolean' }, 'webhook-url': { type: 'string' } }, async (values) => {
    const webhookUrl = values['webhook-url'];
    if (webhookUrl !== undefined && !/^https?:\/\/\S+$/.test(webhookUrl)) {
      console.error(`--webhook-url must be an http(s) URL, not "${webhookUrl}"\n\n${usage}`);
      return 2;
    }
    const config = loadConfigOrThrow();
    const log = createProcessLogger(config, 'stderr', config.logLevel === 'info' ? 'warn' : config.logLevel);
    const ctx = await createContext(config, log);
    try {
      const checks = await runSetupChecks(ctx, { fix: values.fix === true, ...(webhookUrl ? { webhookUrl } : {}) });
      console.log(formatSetupChecks(checks));
      return setupExitCode(checks);
    } finally {
      await closeContext(ctx);
    }
  });
}
