// The Ashby sandbox in a process of its own (so its work is not billed to Skima), and what it counted.
import { type ChildProcess, spawn } from 'node:child_process';
import { fmt } from '../_support.ts';

export const BENCH_ASHBY_KEY = 'bench-key-0123456789abcdef0123456789';
export const BENCH_WEBHOOK_SECRET = 'bench-webhook-secret-0123456789abcdef';

export async function startSandboxProcess(
  port: number,
  options: { seed: string; webhookUrl: string; nodeFlags?: string[] },
): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [...(options.nodeFlags ?? []), 'bin/skima.js', 'sandbox', '--port', String(port), '--seed', options.seed,
      '--api-key', BENCH_ASHBY_KEY, '--webhook-url', options.webhookUrl, '--webhook-secret', BENCH_WEBHOOK_SECRET],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => d.toString().includes('listening') && resolve());
    child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
  });
  return child;
}

/** Ashby's documented budget Skima is configured for by default (ASHBY_REQUESTS_PER_SECOND). */
const REQUESTS_PER_SECOND = 5;

/**
 * Every Ashby API call the sandbox received (each one counts against the rate limit; downloads from
 * a file URL do not), per screened application and endpoint, and the hours a backfill of 100,000
 * would take at 5 requests a second if Skima's own work were free.
 */
export async function reportAshbyBudget(sandboxUrl: string, screened: number, label: string): Promise<number> {
  const counts = (await (await fetch(`${sandboxUrl}/_sandbox/requests`)).json()) as Record<string, number>;
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const perApp = total / Math.max(1, screened);
  const byEndpoint = Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([endpoint, n]) => `${endpoint} ${fmt(n / Math.max(1, screened), 3)}`)
    .join(', ');
  const hours = (100_000 * perApp) / REQUESTS_PER_SECOND / 3600;
  console.log(`Ashby calls per application (${label}): ${fmt(perApp, 2)} = ${byEndpoint}; a backfill of 100,000`
    + ` at ${REQUESTS_PER_SECOND} requests/s: ${fmt(hours, 1)} h`);
  return perApp;
}
