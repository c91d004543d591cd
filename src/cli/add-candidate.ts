// `skima add-candidate --job J FILE…`: resumes found elsewhere, added to Ashby for a job after one
// confirmation, each to the existing candidate when Ashby has them, never twice.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { commitIntake, IntakeError, type IntakeInput, type IntakePreview, previewIntake } from '../core/intake/index.ts';
import { actingAs } from './acting.ts';
import { confirm } from './confirm.ts';
import { bar, Progress } from './progress.ts';

const usage = `Usage: skima add-candidate --job JOB_ID --as YOU [--yes] FILE...

Adds each PDF or DOCX resume to Ashby for the job: Skima reads it, looks for the person in Ashby by
email, then phone, then profile URL, and after one confirmation (--yes confirms without asking) adds
the existing candidate to the job, or creates the candidate with the resume and their application
(source "Skima" where Ashby has one). The same file or person twice gives one candidate and one
application. A file Skima cannot read is reported and nothing is created for it. YOU is your Ashby
email or user id (a recruiting role is needed). Exits 1 if any file could not be added.`;

export async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        job: { type: 'string' },
        as: { type: 'string' },
        yes: { type: 'boolean', short: 'y' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${usage}`);
    return 2;
  }
  const { values, positionals: files } = parsed;
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (!values.job || !values.as || files.length === 0) {
    console.error(`add-candidate needs --job, --as and at least one file\n\n${usage}`);
    return 2;
  }
  const jobId = values.job;
  return actingAs(values.as, async (ctx, actor) => {
    const progress = new Progress();
    const ready: Array<{ input: IntakeInput; preview: IntakePreview }> = [];
    let problems = 0;
    for (const [n, file] of files.entries()) {
      progress.update(`reading ${bar(n, files.length)}`);
      const name = path.basename(file);
      try {
        const input = { jobId, filename: name, bytes: await readFile(file), actor, channel: 'cli' as const };
        const preview = await previewIntake(ctx, input);
        ready.push({ input, preview });
      } catch (err) {
        if (!(err instanceof IntakeError) && (err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
        problems++;
        console.error(`  ${name}: ${err instanceof IntakeError ? err.message : 'no such file. Nothing was created.'}`);
      }
    }
    progress.done(`read ${bar(files.length, files.length)}`);
    for (const { input, preview } of ready) {
      const who = preview.existing
        ? `already in Ashby as ${preview.existing.name} (found by ${preview.existing.matchedBy})`
        : `new candidate ${preview.contact.name ?? preview.contact.email}`;
      console.log(`  ${input.filename}: ${who}`);
    }
    if (ready.length === 0) return 1;
    const existing = ready.filter((r) => r.preview.existing).length;
    const resumes = `${ready.length} resume${ready.length === 1 ? '' : 's'}`;
    const question = `Add ${resumes} to "${ready[0]!.preview.jobTitle}" (${existing} already in Ashby, ${ready.length - existing} new)?`;
    if (!values.yes) {
      if (!(await confirm(question))) {
        console.error(`${process.stdin.isTTY ? 'Not confirmed' : `${question} Confirm with --yes`}; nothing was created.`);
        return 1;
      }
    }
    let created = 0;
    let attached = 0;
    for (const [n, { input, preview }] of ready.entries()) {
      progress.update(`adding ${bar(n, ready.length)}`, n === 0); // a log shows when adding starts
      try {
        const result = await commitIntake(ctx, input, preview);
        if (result.candidateCreated) created++;
        else attached++;
        if (!result.applicationCreated) console.log(`  ${input.filename}: already an application for this job; nothing new.`);
      } catch (err) {
        if (!(err instanceof IntakeError)) throw err;
        problems++;
        console.error(`  ${input.filename}: ${err.message}`);
      }
    }
    progress.done(`added ${bar(ready.length, ready.length)}`);
    console.log(`${created} new candidate${created === 1 ? '' : 's'}, ${attached} existing; ${problems} could not be added.`);
    return problems ? 1 : 0;
  });
}
