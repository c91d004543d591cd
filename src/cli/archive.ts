import { runDisposition } from './disposition.ts';

const usage = `Usage: skima archive --as YOU --reason REASON [--email-template ID] [--yes] APPLICATION_ID...
       skima archive --as YOU --reason REASON --job JOB_ID --skipped [--yes]

Archives each application in Ashby with the archive reason given (its text or id, from Ashby's list),
after one confirmation that names how many and which reason (--yes confirms without asking). A
rejection email goes out only with --email-template. --job J --skipped archives every application of
the job that its hiring manager skipped. YOU is your Ashby email or user id: archiving needs a
recruiting role unless HIRING_MANAGERS_MAY_ARCHIVE=on. Already archived applications are left as they
are; one whose stage changed in Ashby since is reported, not overwritten. Exits 1 if any failed.`;

export function run(argv: string[]): Promise<number> {
  const options = {
    'reason': { type: 'string' },
    'email-template': { type: 'string' },
    'job': { type: 'string' },
    'skipped': { type: 'boolean' },
  } as const;
  return runDisposition('archive', argv, usage, options, (values, positionals) => {
    if (typeof values.reason !== 'string') throw new Error('An archive needs --reason.');
    const forJob = typeof values.job === 'string' && values.skipped === true;
    if (forJob === (positionals.length > 0)) throw new Error('Give application ids, or --job JOB_ID --skipped.');
    return {
      archiveReasonId: values.reason,
      ...(typeof values['email-template'] === 'string' ? { emailTemplateId: values['email-template'] } : {}),
      ...(forJob ? { jobId: values.job as string } : { applicationIds: positionals }),
    };
  });
}
