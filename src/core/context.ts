import type { Registry } from 'prom-client';
import type { ChatFrontDoor } from '../bot/ports.ts';
import type { Config } from '../config/schema.ts';
import { createDb, type Db } from '../db/client.ts';
import {
  createLlmScorer,
  createScorer,
  createScoringPool,
  DEFAULT_BASE_URLS,
  type ExtractOptions,
  type ExtractResult,
  extractText,
  type ScoreOptions,
  type ScoreResult,
  type ScoringPool,
} from '../scoring/index.ts';
import { type AshbyConnection, connectAshby } from './ashby-link/ashby-connection.ts';
import { AshbyProblemRecorder } from './ashby-problems.ts';
import type { Logger } from './logger.ts';
import { applyHeapGrowth } from './ops/heap-growth.ts';
import { createMetrics } from './ops/metrics.ts';
import { createQueue } from './queue/index.ts';
import type { JobQueue } from './queue/types.ts';
import { resolveSecret } from './secret.ts';

/** What the pipeline needs of a scorer: the default one is synchronous, an LLM one is not. */
export interface PipelineScorer {
  readonly version: string;
  /** `options.requirements`: the job's requirements as people corrected them (core/requirements/). */
  score(jd: string, resume: string, options?: ScoreOptions): ScoreResult | Promise<ScoreResult>;
}

/** Everything a part of Skima needs, passed in rather than imported as globals. */
export interface AppContext {
  config: Config;
  log: Logger;
  db: Db;
  queue: JobQueue;
  metrics: Registry;
  ashby: AshbyConnection;
  scorer: PipelineScorer;
  /** Resume text extraction: on the scoring threads when there are any, else on this thread. */
  extractText(bytes: Uint8Array, options?: ExtractOptions): Promise<ExtractResult>;
  /** The scoring threads (SCORING_THREADS), stopped with the context. */
  scoringPool?: ScoringPool;
  /** Skima's own secret (see secret.ts). */
  secret: string;
  /** Counts Ashby calls failing and retrying, for the status (absent in contexts built by hand). */
  ashbyProblems?: AshbyProblemRecorder;
  /** The chat front doors (Slack, Teams) that are configured; none in CLI commands and worker processes. */
  chat: ChatFrontDoor[];
}

export interface ContextOptions {
  /** Another Ashby (tests point this at a sandbox they control). */
  ashby?: AshbyConnection;
  scorer?: PipelineScorer;
  /** Where a generated secret is kept (default ./data). */
  dataDir?: string;
  /** A CLI command that reads or writes a little and exits: no background work of the database's own. */
  brief?: boolean;
}

/** The default scorer (on the scoring threads when there are any), or the LLM scorer in front of it
 * when LLM_PROVIDER is set. */
export function createPipelineScorer(config: Config, log: Logger, pool?: ScoringPool): PipelineScorer {
  if (!config.llm) return pool ?? createScorer();
  const fallback = createScorer();
  const { provider, baseUrl, ...rest } = config.llm;
  return createLlmScorer(
    { provider, baseUrl: (baseUrl ?? DEFAULT_BASE_URLS[provider]).replace(/\/+$/, ''), ...rest },
    fallback,
    { logger: log.child({ component: 'llm-scorer' }) },
  );
}

export async function createContext(config: Config, log: Logger, options: ContextOptions = {}): Promise<AppContext> {
  // Before the heaps grow with work, and before the scoring threads start (they inherit it).
  applyHeapGrowth(config.heapGrowthPercent);
  const db = await createDb(config.databaseUrl, { backgroundCheckpoints: !options.brief });
  const queue = createQueue(config, db, log);
  const ashby = options.ashby ?? (await connectAshby(config, log, db));
  // Threads start on first use, so a process that never screens (a CLI command) never starts one.
  const scoringPool =
    config.scoringThreads > 0
      ? createScoringPool({
          threads: config.scoringThreads,
          ...(config.scoringThreadHeapMb > 0 ? { heapMb: config.scoringThreadHeapMb } : {}),
          logger: log.child({ component: 'scoring-threads' }),
        })
      : undefined;
  const ctx: AppContext = {
    config,
    log,
    db,
    queue,
    metrics: createMetrics(queue, scoringPool),
    ashby,
    scorer: options.scorer ?? createPipelineScorer(config, log, scoringPool),
    extractText: scoringPool ? (bytes, o) => scoringPool.extractText(bytes, o) : extractText,
    ...(scoringPool ? { scoringPool } : {}),
    secret: resolveSecret(config, options.dataDir),
    ashbyProblems: new AshbyProblemRecorder(db, log, ashby.client.transport),
    // Connected by the composition root (src/app.ts), which knows the front doors; core does not.
    chat: [],
  };
  return ctx;
}

export async function closeContext(ctx: AppContext): Promise<void> {
  await ctx.queue.stop({ timeoutMs: ctx.config.shutdownTimeoutMs });
  await ctx.ashby.close();
  await ctx.ashbyProblems?.close();
  await ctx.scoringPool?.close();
  await ctx.db.$disconnect();
}
