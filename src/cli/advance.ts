import { runDisposition } from './disposition.ts';

const usage = `Usage: skima advance --as YOU [--stage STAGE_ID] [--yes] APPLICATION_ID...

Moves each application to the next stage of its interview plan in Ashby, or to --stage (which must
belong to the application's plan), after one confirmation (--yes confirms without asking). YOU is your
Ashby email or user id: recruiters act on every job, hiring managers on their own jobs. An application
whose stage changed in Ashby since is reported, not overwritten. Exits 1 if any failed.`;

export function run(argv: string[]): Promise<number> {
  return runDisposition('advance', argv, usage, { stage: { type: 'string' } }, (values, positionals) => {
    if (positionals.length === 0) throw new Error('Name the applications to advance.');
    return { applicationIds: positionals, ...(typeof values.stage === 'string' ? { stageId: values.stage } : {}) };
  });
}
