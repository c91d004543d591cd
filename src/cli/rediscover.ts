import { writeFile } from 'node:fs/promises';
import { loadConfigOrThrow } from '../config/load.ts';
import { closeContext, createContext } from '../core/context.ts';
import { createProcessLogger } from '../core/logger.ts';
import { offlineAshby } from '../core/ashby-link/offline-ashby.ts';
import { rediscoveryCsv, rediscoveryJson, rediscoveryXlsx } from '../core/rediscovery/rediscover-export.ts';
import {
  EmptyPoolError,
  NoJobDescriptionError,
  parseRediscoverFilters,
  REDISCOVER_FILTER_HELP,
  rediscover,
  type RediscoverResult,
  RediscoverUsageError,
  splitRediscoverArgs,
} from '../core/rediscovery/rediscover.ts';
import { when } from './format.ts';
import { jobNamedBy } from './job-arg.ts';

const usage = `Usage: skima rediscover <job id or title words> [filters] [--json] [--csv FILE] [--xlsx FILE] [--redact]

Searches every past candidate's resume (people who applied to other jobs: archived or leads; active
elsewhere or hired only when asked) for this job's requirements, scores the best matches against its
description and lists them. Nothing is written to Ashby: a person decides what to do.

${REDISCOVER_FILTER_HELP}

  --json        print the result as one JSON object instead of text
  --csv FILE    also write it to FILE as CSV
  --xlsx FILE   also write it to FILE as an Excel workbook (with the filters used and the date)
  --redact      hide names (on by default with REDACTION_MODE=on)`;

interface CliOptions {
  json: boolean;
  redact: boolean;
  csv?: string;
  xlsx?: string;
  words: string[];
}

/** Flags anywhere among the words; FILE follows its flag. */
function readOptions(argv: string[]): CliOptions {
  const options: CliOptions = { json: false, redact: false, words: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') options.json = true;
    else if (arg === '--redact') options.redact = true;
    else if (arg === '--csv' || arg === '--xlsx') {
      const file = argv[++i];
      if (!file || file.startsWith('-')) throw new RediscoverUsageError(`${arg} needs a file name.`);
      options[arg === '--csv' ? 'csv' : 'xlsx'] = file;
    } else if (arg.startsWith('-')) throw new RediscoverUsageError(`Unknown option "${arg}".`);
    else options.words.push(arg);
  }
  return options;
}

export function formatRediscovery(r: RediscoverResult): string {
  const lines = [`Past candidates for ${r.job.title} (${r.job.id}): ${r.candidates.length} of ${r.considered} considered`];
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
  let filters;
  let options: CliOptions;
  let jobQuery: string;
  let filterWords: string[];
  try {
    options = readOptions(argv);
    ({ jobQuery, filterWords } = splitRediscoverArgs(options.words));
    if (!jobQuery) throw new RediscoverUsageError('Name the job: its id or words of its title.');
    filters = parseRediscoverFilters(filterWords);
  } catch (err) {
    if (!(err instanceof RediscoverUsageError)) throw err;
    console.error(`${err.message}\n\n${usage}`);
    return 2;
  }
  const config = loadConfigOrThrow();
  const log = createProcessLogger(config, 'stderr', config.logLevel === 'info' ? 'warn' : config.logLevel);
  const ctx = await createContext(config, log, { ashby: offlineAshby(config), brief: true });
  try {
    const named = await jobNamedBy(ctx.db, jobQuery);
    if ('problem' in named) {
      console.error(named.problem);
      return 2;
    }
    let result;
    try {
      result = await rediscover(ctx, named.job.id, filters, { redact: options.redact || config.redact });
    } catch (err) {
      if (!(err instanceof NoJobDescriptionError || err instanceof EmptyPoolError)) throw err;
      console.error(`Cannot rediscover: ${err.message}.`);
      return 1;
    }
    const about = { filters: filterWords, generatedAt: new Date() };
    if (options.csv) await writeFile(options.csv, rediscoveryCsv(result));
    if (options.xlsx) await writeFile(options.xlsx, await rediscoveryXlsx(result, about));
    console.log(options.json ? JSON.stringify(rediscoveryJson(result, about), null, 2) : formatRediscovery(result));
    return 0;
  } finally {
    await closeContext(ctx);
  }
}
