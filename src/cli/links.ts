import { loadConfigOrThrow } from '../config/load.ts';
import { AshbyClient } from '../ashby/index.ts';
import { revokeLinks } from '../core/links/links.ts';
import { createReviewerLink, LinkScopeError } from '../core/links/reviewer-links.ts';
import { createReportLink, ReportAccessError } from '../core/report/report-links.ts';
import { createDb } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { runCommand } from './args.ts';
import { jobNamedBy } from './job-arg.ts';
import { createRediscoverLink } from '../core/rediscovery/rediscover-links.ts';
import { parseRediscoverFilters, RediscoverUsageError } from '../core/rediscovery/rediscover-filters.ts';

const usage = `Usage: skima links create --job JOB --reviewer ASHBY_USER_ID_OR_EMAIL
       skima links report --reviewer ASHBY_USER_ID_OR_EMAIL
       skima links rediscover --job JOB --reviewer ASHBY_USER_ID_OR_EMAIL [--filters "min:70 dept:ops"]
       skima links revoke (--token TOKEN | --job JOB_ID | --reviewer ASHBY_USER_ID)

create   prints a personal link to the job's shortlist for a member of its hiring team. It lets its
         holder Approve, Skip or say Maybe in their name, and works for LINK_TTL_DAYS days. JOB is the
         job's id or words of its title ("store manager").
report   prints a personal link to the organisation's ROI report for a recruiter (a recruiting role on a
         hiring team) or an Ashby organisation admin; it works for LINK_TTL_DAYS days.
rediscover
         prints a personal link to the job's rediscovery page (past candidates, with the filters as a
         form, "Add to job" and downloads). A recruiter or admin may add candidates to the job from it;
         a member of the job's hiring team gets a link that reads only. --filters opens it with those
         filter words (as in skima rediscover). It works for LINK_TTL_DAYS days.
revoke   withdraws links at once: one (its token, or the whole URL), every link of a job, or every
         link of a reviewer (give several to revoke only the links matching all of them).`;

const tokenOf = (value: string) => value.replace(/^.*\/(s|r|rd)\//, '').replace(/[/?#].*$/, '');

export async function run(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'create' && sub !== 'report' && sub !== 'rediscover' && sub !== 'revoke') {
    const help = sub === '--help' || sub === '-h';
    (help ? console.log : console.error)(usage);
    return help ? 0 : 2;
  }
  const options = {
    job: { type: 'string' },
    reviewer: { type: 'string' },
    token: { type: 'string' },
    filters: { type: 'string' },
  } as const;
  return runCommand(rest, usage, options, async (values) => {
    if (sub === 'create' && (!values.job || !values.reviewer || values.token)) {
      console.error(`links create needs --job and --reviewer\n\n${usage}`);
      return 2;
    }
    if (sub !== 'rediscover' && values.filters !== undefined) {
      console.error(`--filters is for links rediscover only\n\n${usage}`);
      return 2;
    }
    if (sub === 'rediscover' && (!values.job || !values.reviewer || values.token)) {
      console.error(`links rediscover needs --job and --reviewer\n\n${usage}`);
      return 2;
    }
    let words: string[] = [];
    if (sub === 'rediscover') {
      words = (values.filters ?? '').split(/\s+/).filter(Boolean);
      try {
        parseRediscoverFilters(words);
      } catch (err) {
        if (!(err instanceof RediscoverUsageError)) throw err;
        console.error(err.message);
        return 2;
      }
    }
    if (sub === 'report' && (!values.reviewer || values.job || values.token)) {
      console.error(`links report needs --reviewer (and nothing else)\n\n${usage}`);
      return 2;
    }
    if (sub === 'revoke' && !values.job && !values.reviewer && !values.token) {
      console.error(`links revoke needs --token, --job or --reviewer\n\n${usage}`);
      return 2;
    }
    const config = loadConfigOrThrow();
    await migrateDatabase(config.databaseUrl);
    const db = await createDb(config.databaseUrl);
    try {
      if (sub === 'create') {
        const named = await jobNamedBy(db, values.job!);
        if ('problem' in named) {
          console.error(named.problem);
          return 2;
        }
        const link = await createReviewerLink({ db, config }, named.job.id, values.reviewer!);
        console.log(`Shortlist link for ${link.reviewer.name} on "${link.jobTitle}", valid until ${link.expiresAt.toISOString()}:`);
        console.log(link.url);
        return 0;
      }
      if (sub === 'rediscover') {
        const named = await jobNamedBy(db, values.job!);
        if ('problem' in named) {
          console.error(named.problem);
          return 2;
        }
        const ashby = config.ashby.apiKey
          ? new AshbyClient({ apiKey: config.ashby.apiKey, baseUrl: config.ashby.baseUrl })
          : undefined;
        const link = await createRediscoverLink(
          { db, config, ...(ashby ? { ashby } : {}) },
          { jobId: named.job.id, person: values.reviewer!, mintedBy: 'cli', words },
        );
        const reads = link.kind === 'rediscover' ? 'may add candidates to the job' : 'reads only';
        console.log(`Rediscovery link for ${link.reader.name} on "${link.jobTitle}" (${reads}), valid until ${link.expiresAt.toISOString()}:`);
        console.log(link.url);
        return 0;
      }
      if (sub === 'report') {
        // Admins are known only to Ashby; without an API key only recruiters on stored hiring teams qualify.
        const ashby = config.ashby.apiKey
          ? new AshbyClient({ apiKey: config.ashby.apiKey, baseUrl: config.ashby.baseUrl })
          : undefined;
        const link = await createReportLink({ db, config, ...(ashby ? { ashby } : {}) }, values.reviewer!, 'cli');
        console.log(`Report link for ${link.reader.name} (${link.reader.as}), valid until ${link.expiresAt.toISOString()}:`);
        console.log(link.url);
        return 0;
      }
      const count = await revokeLinks(db, {
        ...(values.token ? { token: tokenOf(values.token) } : {}),
        ...(values.job ? { jobId: values.job } : {}),
        ...(values.reviewer ? { reviewerId: values.reviewer } : {}),
      });
      console.log(`revoked ${count} link${count === 1 ? '' : 's'}`);
      return 0;
    } catch (err) {
      if (err instanceof LinkScopeError || err instanceof ReportAccessError) {
        console.error(err.message);
        return 1;
      }
      throw err;
    } finally {
      await db.$disconnect();
    }
  });
}
