// `skima advance` and `skima archive`: a person confirms once, then each application is a queued job
// that this process works (a running `skima start` works them too: they share the queue).
import { randomUUID } from 'node:crypto';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { AppContext } from '../core/context.ts';
import {
  type DispositionAction,
  type DispositionRequest,
  DispositionRequestError,
  dispositionProgress,
  prepareDisposition,
  progressSummary,
  registerDispositionWorker,
  skippedApplicationIds,
  startDisposition,
} from '../core/disposition/index.ts';
import { actingAs } from './acting.ts';
import { confirm } from './confirm.ts';
import { bar, Progress } from './progress.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

async function waitForBatch(ctx: AppContext, batchId: string, total: number) {
  const progress = new Progress();
  for (;;) {
    const p = await dispositionProgress(ctx.db, batchId);
    if (!p) throw new Error(`batch ${batchId} disappeared`);
    progress.update(`${bar(p.total - p.queued, total)} ${progressSummary(p)}`);
    if (p.finished) {
      progress.done(`${bar(total, total)} ${progressSummary(p)}`);
      return p;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Parses, asks for the confirmation (or takes --yes), starts the batch and reports its final count. */
export async function runDisposition(
  action: DispositionAction,
  argv: string[],
  usage: string,
  options: Options,
  toRequest: (values: Record<string, string | boolean | undefined>, positionals: string[]) => Omit<
    DispositionRequest,
    'actor' | 'channel' | 'applicationIds' | 'action'
  > & { applicationIds?: string[] },
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...options, as: { type: 'string' }, yes: { type: 'boolean', short: 'y' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: true,
    });
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${usage}`);
    return 2;
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (typeof values.as !== 'string') {
    console.error(`Say who is acting: --as YOUR_ASHBY_EMAIL (it is checked against your role in Ashby).\n\n${usage}`);
    return 2;
  }
  let partial;
  try {
    partial = toRequest(values, parsed.positionals);
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${usage}`);
    return 2;
  }
  return actingAs(values.as, async (ctx, actor) => {
    const { jobId } = partial;
    const applicationIds = partial.applicationIds ?? (jobId ? await skippedApplicationIds(ctx, jobId) : []);
    const plan = await prepareDisposition(ctx, { ...partial, action, applicationIds, actor, channel: 'cli' });
    for (const r of plan.refused) console.error(`  left out ${r.applicationId}: ${r.why}`);
    if (plan.items.length === 0) {
      console.error('Nothing to do.');
      return 1;
    }
    if (!values.yes && !(await confirm(plan.question))) {
      const why = process.stdin.isTTY ? 'Not confirmed' : `${plan.question} Confirm with --yes`;
      console.error(`${why}; nothing changed.`);
      return 1;
    }
    const { batchId } = await startDisposition(ctx, plan, randomUUID());
    await registerDispositionWorker(ctx);
    await ctx.queue.start();
    const result = await waitForBatch(ctx, batchId, plan.items.length);
    for (const f of result.failures) console.log(`  failed ${f.applicationId}: ${f.why}`);
    console.log(`${action === 'archive' ? 'Archive' : 'Advance'} ${batchId}: ${progressSummary(result)}.`);
    return result.failed ? 1 : 0;
  }).catch((err: unknown) => {
    if (!(err instanceof DispositionRequestError)) throw err;
    console.error(err.message);
    return 1;
  });
}
