import { loadConfigOrThrow } from '../config/load.ts';
import { closeContext, createContext } from '../core/context.ts';
import { findJobs } from '../core/job-lookup.ts';
import { createProcessLogger } from '../core/logger.ts';
import { offlineAshby } from '../core/offline-ashby.ts';
import {
  parseRediscoverFilters,
  REDISCOVER_FILTER_HELP,
  rediscover,
  type RediscoverResult,
  RediscoverUsageError,
  splitRediscoverArgs,
} from '../core/rediscover.ts';
import { when } from './format.ts';

const usage = `Usage: skima rediscover <job id or title words> [filters] [--redact]

Scores the stored resumes of people who applied to other jobs (archived, hired or leads) against this
job's description and lists the best. Nothing is written anywhere: a person decides what to do.

${REDISCOVER_FILTER_HELP}

  --redact    hide names (on by default with REDACTION_MODE=on)`;

export function formatRediscovery(r: RediscoverResult): string {
  const lines = [`Past candidates for ${r.job.title} (${r.job.id}): ${r.candidates.length} of ${r.considered} considered`];
  if (r.limitedTo) lines.push(`  (only the ${r.limitedTo} most recently active past candidates were scored)`);
  r.candidates.forEach((c, i) => {
    const who = c.candidateName ?? `Candidate ${i + 1}`;
    const reason = c.archiveReason ? `, ${c.archiveReason}` : '';
    lines.push(`${i + 1}. ${who}: ${c.score}/100 (${c.band})`);
    lines.push(`   was: ${c.pastJobTitle}, ${c.pastStatus}${reason}; last active ${when(c.lastActivityAt)}`);
    for (const reasonLine of c.reasons) lines.push(`   • ${reasonLine.text}`);
    if (c.missing.length) lines.push(`   missing: ${c.missing.join('; ')}`);
  });
  return lines.join('\n');
}

/** Positional words (the job and its filters) do not suit parseArgs' strict mode: read them here. */
export async function run(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(usage);
    return 0;
  }
  const unknownFlag = argv.find((a) => a.startsWith('-') && a !== '--redact');
  const { jobQuery, filterWords } = splitRediscoverArgs(argv.filter((a) => a !== '--redact'));
  let filters;
  try {
    if (unknownFlag) throw new RediscoverUsageError(`Unknown option "${unknownFlag}".`);
    if (!jobQuery) throw new RediscoverUsageError('Name the job: its id or words of its title.');
    filters = parseRediscoverFilters(filterWords);
  } catch (err) {
    if (!(err instanceof RediscoverUsageError)) throw err;
    console.error(`${err.message}\n\n${usage}`);
    return 2;
  }
  const config = loadConfigOrThrow();
  const log = createProcessLogger(config, 'stderr', config.logLevel === 'info' ? 'warn' : config.logLevel);
  const ctx = await createContext(config, log, { ashby: offlineAshby(config) });
  try {
    const jobs = await findJobs(ctx.db, jobQuery, 6);
    if (jobs.length !== 1) {
      const list = jobs.map((j) => `  ${j.id}  ${j.title} (${j.status})`).join('\n');
      console.error(
        jobs.length
          ? `"${jobQuery}" matches several jobs; name one by its id:\n${list}`
          : `No job known to Skima matches "${jobQuery}" (run skima sync if it is new).`,
      );
      return 2;
    }
    const result = await rediscover(ctx, jobs[0]!.id, filters, { redact: argv.includes('--redact') || config.redact });
    console.log(formatRediscovery(result));
    return 0;
  } finally {
    await closeContext(ctx);
  }
}
