// The `skima` commands: each one's summary, and its module, loaded only when the command runs.
export interface CliCommand {
  run(argv: string[]): Promise<number>;
}

// The summaries live here, so `skima --help` loads no command module.
export const COMMANDS: Record<string, { summary: string; load: () => Promise<CliCommand> }> = {
  'start': {
    summary: 'run Skima: migrate the database, then serve HTTP, run workers and the scheduler',
    load: () => import('./start.ts'),
  },
  'migrate': {
    summary: 'apply pending database migrations (skima start does this too)',
    load: () => import('./migrate.ts'),
  },
  'sandbox': {
    summary: 'Run a local Ashby look-alike (API, files, webhooks) with seeded data',
    load: () => import('./sandbox.ts'),
  },
  'score': {
    summary: 'score a resume against a job description (or a JSONL batch), offline by default',
    load: () => import('./score.ts'),
  },
  'sync': {
    summary: 'reconcile with Ashby now (delta sync; --full re-reads everything) and screen what changed',
    load: () => import('./sync.ts'),
  },
  'web': {
    summary: 'serve the front doors only (webhooks, pages, chat); `skima worker` does the work',
    load: () => import('./web.ts'),
  },
  'worker': {
    summary: 'work jobs from the shared queue (beside `skima web`, or forked by `skima start`)',
    load: () => import('./worker.ts'),
  },
  'setup': {
    summary: 'check the Ashby API key, permissions, custom fields, tag, webhooks and database (--fix creates)',
    load: () => import('./setup.ts'),
  },
  'status': {
    summary: 'show sync freshness, queues, the last webhook, screening counts and recent errors',
    load: () => import('./status.ts'),
  },
  'digest': {
    summary: 'print the weekly ROI digest (last full week, or --from DATE --to DATE)',
    load: () => import('./digest.ts'),
  },
  'rediscover': {
    summary: 'find qualified past candidates in the whole talent pool for a job (--json, --csv, --xlsx; read-only)',
    load: () => import('./rediscover.ts'),
  },
  'requirements': {
    summary: 'print the requirements a job is scored against; --set FILE.json --as YOU saves corrected ones',
    load: () => import('./requirements.ts'),
  },
  'links': {
    summary: 'create or revoke secure links (links create | links report | links revoke)',
    load: () => import('./links.ts'),
  },
  'advance': {
    summary: 'move applications to the next stage of their plan (or one you choose) in Ashby',
    load: () => import('./advance.ts'),
  },
  'archive': {
    summary: 'archive applications in Ashby with a reason, after one confirmation (recruiters)',
    load: () => import('./archive.ts'),
  },
  'add-candidate': {
    summary: 'add PDF or DOCX resumes to Ashby for a job (existing candidates found, never twice)',
    load: () => import('./add-candidate.ts'),
  },
  'handoff': {
    summary: 'send a hire to the HR system again (handoff retry ID; ids are in skima status)',
    load: () => import('./handoff.ts'),
  },
  'manifest': {
    summary: 'print the Slack app manifest (skima manifest slack --base-url URL) or write the Teams app package (skima manifest teams --app-id ID --base-url URL --out FILE.zip)',
    load: () => import('./manifest.ts'),
  },
};
