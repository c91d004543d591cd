import { loadConfigOrThrow } from '../config/load.ts';
import { closeContext, createContext } from '../core/context.ts';
import { lastWeek } from '../core/ops/digest.ts';
import { type DigestWithTrends, digestWithTrends } from '../core/report/digest-trends.ts';
import { trendChange } from '../bot/chat-words.ts';
import { skipsByReasonLine, waitingOnLine } from '../bot/ports.ts';
import { createProcessLogger } from '../core/logger.ts';
import { offlineAshby } from '../core/ashby-link/offline-ashby.ts';
import { runCommand } from './args.ts';
import { duration, parseDateArg, percent, when } from './format.ts';

const usage = `Usage: skima digest [--from DATE --to DATE]

Prints the digest Skima posts to channels each week: applications screened, time to screen, manager
response time, decisions, interviews from the top-10, hires, per job. No personal data. Without dates,
the last full week (Monday to Monday, UTC). DATE is YYYY-MM-DD or an ISO time; --to is exclusive.
Definitions: docs/digest.md.`;

export function formatDigest(d: DigestWithTrends): string {
  const trend = (figure: string) => {
    const change = trendChange(d, figure);
    return change ? ` (${change})` : '';
  };
  const lines = [
    `Skima digest, ${when(d.from)} to ${when(d.to)}`,
    `  applications screened: ${d.applicationsScreened}${trend('applicationsScreened')} (could not be scored: ${d.unscorable})`,
    `  median time to screen: ${duration(d.medianTimeToScreenMs)}${trend('medianTimeToScreenMs')}`,
    `  median manager response: ${duration(d.medianManagerResponseMs)}${trend('medianManagerResponseMs')}`,
    `  decisions: ${d.decisions.approve} approved, ${d.decisions.maybe} maybe, ${d.decisions.skip} skipped${trend('decisions')}`,
    `  followed the ranking: ${percent(d.followedRankingShare)}${trend('followedRankingShare')}`,
    `  interviews from the top-10: ${d.interviewsFromTopTen}`,
    `  hires: ${d.hires}${trend('hires')}`,
  ];
  const skips = skipsByReasonLine(d);
  if (skips) lines.push(`  ${skips.charAt(0).toLowerCase()}${skips.slice(1)}`);
  if (d.jobs.length) {
    lines.push('  per job:');
    for (const j of d.jobs) lines.push(`    ${j.title}: ${j.screened} screened, ${j.approvals} approved`);
  }
  if (d.waitingOn?.length) {
    lines.push('  waiting on:');
    for (const w of d.waitingOn) lines.push(`    ${waitingOnLine(w)}`);
  }
  return lines.join('\n');
}

export async function run(argv: string[]): Promise<number> {
  return runCommand(argv, usage, { from: { type: 'string' }, to: { type: 'string' } }, async (values) => {
    let range = lastWeek();
    try {
      if ((values.from === undefined) !== (values.to === undefined)) throw new Error('give both --from and --to, or neither');
      if (values.from !== undefined && values.to !== undefined) {
        range = { from: parseDateArg('--from', values.from), to: parseDateArg('--to', values.to) };
        if (range.to <= range.from) throw new Error('--to must be after --from');
      }
    } catch (err) {
      console.error(`${(err as Error).message}\n\n${usage}`);
      return 2;
    }
    const config = loadConfigOrThrow();
    const log = createProcessLogger(config, 'stderr', config.logLevel === 'info' ? 'warn' : config.logLevel);
    const ctx = await createContext(config, log, { ashby: offlineAshby(config), brief: true });
    try {
      console.log(formatDigest(await digestWithTrends(ctx, range)));
      return 0;
    } finally {
      await closeContext(ctx);
    }
  });
}
