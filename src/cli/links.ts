import { loadConfigOrThrow } from '../config/load.ts';
import { revokeLinks } from '../core/links.ts';
import { createReviewerLink, LinkScopeError } from '../core/reviewer-links.ts';
import { createDb } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { runCommand } from './args.ts';

const usage = `Usage: skima links create --job JOB_ID --reviewer ASHBY_USER_ID_OR_EMAIL
       skima links revoke (--token TOKEN | --job JOB_ID | --reviewer ASHBY_USER_ID)

create   prints a personal link to the job's shortlist for a member of its hiring team. It lets its
         holder Approve, Skip or say Maybe in their name, and works for LINK_TTL_DAYS days.
revoke   withdraws links at once: one (its token, or the whole URL), every link of a job, or every
         link of a reviewer (give several to revoke only the links matching all of them).`;

const tokenOf = (value: string) => value.replace(/^.*\/s\//, '').replace(/[/?#].*$/, '');

export async function run(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'create' && sub !== 'revoke') {
    const help = sub === '--help' || sub === '-h';
    (help ? console.log : console.error)(usage);
    return help ? 0 : 2;
  }
  const options = { job: { type: 'string' }, reviewer: { type: 'string' }, token: { type: 'string' } } as const;
  return runCommand(rest, usage, options, async (values) => {
    if (sub === 'create' && (!values.job || !values.reviewer || values.token)) {
      console.error(`links create needs --job and --reviewer\n\n${usage}`);
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
        const link = await createReviewerLink({ db, config }, values.job!, values.reviewer!);
        console.log(`Shortlist link for ${link.reviewer.name} on "${link.jobTitle}", valid until ${link.expiresAt.toISOString()}:`);
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
      if (err instanceof LinkScopeError) {
        console.error(err.message);
        return 1;
      }
      throw err;
    } finally {
      await db.$disconnect();
    }
  });
}
