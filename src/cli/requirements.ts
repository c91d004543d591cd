import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadConfigOrThrow } from '../config/load.ts';
import { type AppContext, closeContext, createContext } from '../core/context.ts';
import { resolveActor } from '../core/disposition/index.ts';
import { createLogger } from '../core/logger.ts';
import {
  editorOfActor,
  interviewNotes,
  RequirementEditError,
  RequirementsAccessError,
  requirementRows,
  requirementsPanel,
  saveJobRequirements,
} from '../core/requirements/index.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { jobNamedBy } from './job-arg.ts';

const usage = `Usage: skima requirements JOB [--json]
       skima requirements JOB --set FILE.json --as YOU

Prints the requirements Skima scores the job's applications against: each one must-have, essential
or nice-to-have (or removed by a person), with the rule that made it; the version, who changed it last,
and how many applications are still being re-scored. JOB is a job id or words of its title.

--set saves a new version from FILE.json: the edits on top of the job description as Skima reads it,
the "edits" list --json prints, e.g.
  [{"op": "set", "label": "PostgreSQL", "mustHave": false},
   {"op": "set", "label": "Kubernetes and Terraform", "essential": true},
   {"op": "remove", "label": "Relational databases"},
   {"op": "add", "label": "5+ years of Go", "mustHave": true, "terms": ["Go", "Golang"]}]
It replaces the previous version's edits, is recorded in the audit log, and re-scores every application
of the job in the background. YOU is your Ashby email or user id: recruiters and admins, or the job's
hiring manager.`;

const STATUS: Record<string, string> = { must: 'must-have', essential: 'essential', nice: 'nice-to-have', remove: 'removed' };

export async function run(argv: string[]): Promise<number> {
  let values: { json?: boolean; set?: string; as?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: { json: { type: 'boolean' }, set: { type: 'string' }, as: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${usage}`);
    return 2;
  }
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (positionals.length === 0 || (values.set && !values.as)) {
    console.error(usage);
    return 2;
  }
  let edits: unknown;
  if (values.set) {
    try {
      edits = JSON.parse(await readFile(values.set, 'utf8'));
    } catch (err) {
      console.error(`Cannot read ${values.set}: ${(err as Error).message}`);
      return 2;
    }
  }
  const config = loadConfigOrThrow();
  await migrateDatabase(config.databaseUrl);
  const ctx = await createContext(config, createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel));
  try {
    const named = await jobNamedBy(ctx.db, positionals.join(' '));
    if ('problem' in named) {
      console.error(named.problem);
      return 1;
    }
    const jobId = named.job.id;
    if (values.set) {
      const saved = await save(ctx, jobId, values.as!, edits);
      if (saved !== 0) return saved;
    }
    return await print(ctx, jobId, named.job.title, values.json === true);
  } finally {
    await closeContext(ctx);
  }
}

async function save(ctx: AppContext, jobId: string, as: string, edits: unknown): Promise<number> {
  const actor = await resolveActor(ctx, as);
  if (!actor) {
    console.error(`No active Ashby user is ${as}.`);
    return 1;
  }
  try {
    const saved = await saveJobRequirements(ctx, { jobId, editor: editorOfActor(actor), channel: 'cli', edits });
    console.log(saved.created
      ? `Saved as version ${saved.version}: ${saved.changes.map((c) => `${c.label} ${c.before} -> ${c.after}`).join('; ') || 'no requirement changed'}.`
      : `Version ${saved.version} already has these edits; nothing saved.`);
    return 0;
  } catch (err) {
    if (err instanceof RequirementsAccessError || err instanceof RequirementEditError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }
}

async function print(ctx: AppContext, jobId: string, title: string, json: boolean): Promise<number> {
  const panel = await requirementsPanel(ctx.db, jobId);
  const job = await ctx.db.job.findUnique({ where: { id: jobId }, select: { descriptionText: true } });
  if (!panel || !job) return 1;
  const rows = requirementRows(job.descriptionText, panel.edits);
  if (json) {
    const { version, lastEdit, edits, notApplying, rescoring } = panel;
    const out = { jobId, title, version, lastEdit, requirements: rows, edits, notApplying, rescoring };
    console.log(JSON.stringify(out, null, 2));
    return 0;
  }
  console.log(`${title} (${jobId})`);
  console.log(panel.lastEdit
    ? `Version ${panel.version}, last changed by ${panel.lastEdit.by} via ${panel.lastEdit.channel} at ${panel.lastEdit.at.toISOString()}.`
    : 'As Skima read them from the job description; nobody has changed them.');
  if (rows.length === 0) console.log('No requirement read from the job description yet.');
  for (const r of rows) {
    const why = r.added ? `added by a person${r.terms.length ? `; met by any of: ${r.terms.join(', ')}` : ''}` : r.rule;
    const notes = [why];
    if (r.edited && !r.added) notes.push('changed by a person');
    notes.push(...interviewNotes(r));
    console.log(`  ${STATUS[r.status]!.padEnd(12)} ${r.label}  (${notes.join('; ')})`);
  }
  if (panel.notApplying.length) console.log(`No longer in the description (kept, not applied): ${panel.notApplying.join('; ')}`);
  if (panel.rescoring) console.log(`Re-scoring ${panel.rescoring} application${panel.rescoring === 1 ? '' : 's'} against these requirements.`);
  return 0;
}
