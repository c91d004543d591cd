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

/** What setup checks when ASHBY_API_KEY is not set, and what a real key changes. */
export function withoutKey(fix: boolean): string {
  return [
    'No ASHBY_API_KEY is set, so these checks run against Skima\'s built-in Ashby sandbox: a demo company',
    'made for this command and gone when it ends. With a real key (ASHBY_API_KEY, from Ashby\'s admin',
    'settings) setup checks your Ashby account instead: the key\'s permissions, the SKIMA custom fields',
    'and tag, and the webhooks, and --fix creates what is missing there.',
    ...(fix ? ['--fix changes nothing without a key: what it created would vanish with the sandbox.'] : []),
    '',
  ].join('\n');
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
      // Without a key Skima talks to a sandbox made for this command alone: say so, and fix nothing in it.
      const throwaway = ctx.ashby.sandbox !== undefined;
      if (throwaway) console.log(withoutKey(values.fix === true));
      const fix = values.fix === true && !throwaway;
      const checks = await runSetupChecks(ctx, { fix, ...(webhookUrl ? { webhookUrl } : {}) });
      console.log(formatSetupChecks(checks));
      return setupExitCode(checks);
    } finally {
      await closeContext(ctx);
    }
  });
}
