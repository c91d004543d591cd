import { loadConfigOrThrow } from '../config/load.ts';
import { closeContext, createContext } from '../core/context.ts';
import { createProcessLogger } from '../core/logger.ts';
import { offlineAshby } from '../core/ashby-link/offline-ashby.ts';
import { collectStatus, type SkimaStatus } from '../core/ops/status.ts';
import type { Db } from '../db/client.ts';
import { describeDatabase } from '../db/describe.ts';
import { checkDatabase } from '../db/health.ts';
import { providerOf } from '../db/paths.ts';
import { runCommand } from './args.ts';
import { when } from './format.ts';
import { waitingOnLine } from '../bot/ports.ts';

const usage = `Usage: skima status

What \`/skima status\` shows: when each Ashby resource was last synced (and whether that is stale), the
job queues, the last webhook received, how many applications are screened, pending or unscorable, and
recent problems (failed jobs, Slack/Teams delivery errors), the hiring managers shortlists wait on
(undecided for NUDGE_AFTER_WORKING_DAYS), and the latest hand-offs of hires to the HR
system with their last attempt (\`skima handoff retry ID\` sends one again). Exits 1 when a job has
failed for good.`;

export function formatStatus(s: SkimaStatus): string {
  const lines = ['Sync with Ashby:'];
  for (const r of s.sync) {
    lines.push(`  ${r.resource}: last ${when(r.lastSyncAt)}, last full ${when(r.lastFullSyncAt)}${r.stale ? ' (STALE)' : ''}`);
  }
  lines.push(`Last webhook: ${when(s.lastWebhookAt)}`);
  const a = s.applications;
  lines.push(`Applications: ${a.screened} screened, ${a.pending} pending, ${a.unscorable} could not be scored`);
  lines.push(`Rediscovery pool: ${s.pool.indexed} of ${s.pool.candidates} candidates have a readable resume indexed`);
  const queues = Object.entries(s.queue).sort(([x], [y]) => x.localeCompare(y));
  lines.push('Queues:');
  if (!queues.length) lines.push('  (empty)');
  for (const [name, q] of queues) {
    lines.push(`  ${name}: ${q.queued} queued (${q.failed} retrying), ${q.running} running, ${q.dead} failed for good`);
  }
  const h = s.handoffs;
  if (h.recent.length) {
    lines.push(`Hand-offs to HR: ${h.delivered} delivered, ${h.pending} pending, ${h.failed} failed`);
    for (const d of h.recent) {
      const last = d.lastError ? `: ${d.lastError}` : '';
      lines.push(`  ${d.id} ${d.endpoint} ${d.state} after ${d.attempts} attempt${d.attempts === 1 ? '' : 's'}, last ${when(d.lastAttemptAt)}${last}`);
    }
  }
  lines.push(s.waiting.length ? 'Waiting on:' : 'Waiting on: nobody');
  for (const w of s.waiting) lines.push(`  ${waitingOnLine(w)}`);
  lines.push(s.errors.length ? 'Recent problems:' : 'Recent problems: none');
  for (const e of s.errors) lines.push(`  ${e.source}: ${e.message} (${e.count}×, last ${when(e.at)})`);
  return lines.join('\n');
}

/** One line when the database cannot answer for the status: unreachable, or not migrated. */
async function databaseProblem(db: Db, url: string): Promise<string | undefined> {
  const health = await checkDatabase(db, providerOf(url));
  if (!health.reachable) return `database unreachable (${describeDatabase(url)}): ${health.error}`;
  if (health.pendingMigrations.length) {
    return `the database (${describeDatabase(url)}) lacks ${health.pendingMigrations.length} migration(s); run skima migrate`;
  }
  return undefined;
}

export async function run(argv: string[]): Promise<number> {
  return runCommand(argv, usage, {}, async () => {
    const config = loadConfigOrThrow();
    const log = createProcessLogger(config, 'stderr', config.logLevel === 'info' ? 'warn' : config.logLevel);
    const ctx = await createContext(config, log, { ashby: offlineAshby(config), brief: true });
    try {
      const problem = await databaseProblem(ctx.db, config.databaseUrl);
      if (problem) {
        console.error(`skima status: ${problem}`);
        return 1;
      }
      const status = await collectStatus(ctx);
      console.log(formatStatus(status));
      return Object.values(status.queue).some((q) => q.dead > 0) ? 1 : 0;
    } finally {
      await closeContext(ctx);
    }
  });
}
