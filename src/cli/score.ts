import { createReadStream } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import {
  createLlmScorer,
  createScorer,
  extractText,
  llmConfigFromEnv,
  type ScoreResult,
  scoreBand,
} from '../scoring/index.ts';

const usage = `Usage:
  skima score --jd FILE --resume FILE [--json]
  skima score --batch FILE.jsonl

Scores a resume against a job description: 0-100 (80+ strong, 60-79 worth a look, 40-59 partial,
under 40 weak), 3-5 reasons quoting the resume, and the must-haves that are missing.
Files may be PDF, DOCX, HTML or plain text.

--batch reads one JSON object per line, {"id", "jd", "resume"} with texts or {"id", "jdFile",
"resumeFile"} with paths (relative to the batch file), and writes one line per input:
{"id", "score", "reasons": [{"text", "quote", "start", "end"}], "missing", "scorer"}, or
{"id", "error"} when an input cannot be read; the batch goes on.

The default scorer runs offline. With LLM_PROVIDER=openai|anthropic (and LLM_API_KEY, LLM_MODEL,
optionally LLM_BASE_URL, LLM_TIMEOUT_SECONDS) the LLM scorer is used, falling back to the default.`;

const batchLineSchema = z.union([
  z.object({ id: z.union([z.string(), z.number()]), jd: z.string(), resume: z.string() }),
  z.object({ id: z.union([z.string(), z.number()]), jdFile: z.string(), resumeFile: z.string() }),
]);

type ScoreFn = (jd: string, resume: string) => Promise<ScoreResult>;

export interface ScoreIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly env: Record<string, string | undefined>;
}

const processIo: ScoreIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
};

export async function run(argv: string[]): Promise<number> {
  return runScore(argv, processIo);
}

export async function runScore(argv: string[], io: ScoreIo): Promise<number> {
  let values: { jd?: string; resume?: string; batch?: string; json?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        jd: { type: 'string' },
        resume: { type: 'string' },
        batch: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (err) {
    io.err(`${(err as Error).message}\n\n${usage}`);
    return 2;
  }
  if (values.help) {
    io.out(usage);
    return 0;
  }
  const single = values.jd !== undefined || values.resume !== undefined;
  if (values.batch ? single : !(values.jd && values.resume)) {
    io.err(`Give either --jd and --resume, or --batch.\n\n${usage}`);
    return 2;
  }

  let score: ScoreFn;
  try {
    score = makeScorer(io.env);
  } catch (err) {
    io.err(`LLM configuration: ${(err as Error).message}`);
    return 2;
  }
  if (values.batch) return runBatch(values.batch, score, io);
  return runSingle(values.jd!, values.resume!, Boolean(values.json), score, io);
}

function makeScorer(env: Record<string, string | undefined>): ScoreFn {
  const fallback = createScorer();
  const llm = llmConfigFromEnv(env);
  if (!llm) return async (jd, resume) => fallback.score(jd, resume);
  const scorer = createLlmScorer(llm, fallback);
  return (jd, resume) => scorer.score(jd, resume);
}

async function runSingle(jdPath: string, resumePath: string, json: boolean, score: ScoreFn, io: ScoreIo) {
  const jd = await readDocument(jdPath);
  const resume = await readDocument(resumePath);
  for (const [what, doc] of [
    ['job description', jd],
    ['resume', resume],
  ] as const) {
    if ('error' in doc) {
      io.err(`Cannot score: the ${what} ${doc.error}`);
      if (json) io.out(JSON.stringify({ error: `${what}: ${doc.error}` }));
      return 1;
    }
  }
  const result = await score((jd as { text: string }).text, (resume as { text: string }).text);
  if (json) {
    io.out(JSON.stringify(result));
    return 0;
  }
  io.out(`Score: ${result.score} (${scoreBand(result.score)})   scorer ${result.scorer}`);
  io.out('Reasons:');
  for (const r of result.reasons) io.out(`  - ${r.text}\n      "${r.quote}" [${r.start}-${r.end}]`);
  io.out(`Missing: ${result.missing.length ? result.missing.join('; ') : 'none'}`);
  if (result.flags?.length) io.out(`Flags: ${result.flags.join(', ')}`);
  return 0;
}

async function runBatch(path: string, score: ScoreFn, io: ScoreIo): Promise<number> {
  const base = dirname(resolve(path));
  let lines: AsyncIterable<string>;
  try {
    await access(path);
    lines = createInterface({ input: createReadStream(path), crlfDelay: Number.POSITIVE_INFINITY });
  } catch (err) {
    io.err(`Cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
    return 1;
  }
  let n = 0;
  for await (const raw of lines) {
    n += 1;
    if (!raw.trim()) continue;
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      io.out(JSON.stringify({ id: null, error: `line ${n}: not JSON` }));
      continue;
    }
    const parsed = batchLineSchema.safeParse(data);
    if (!parsed.success) {
      const id = (data as { id?: unknown } | null)?.id ?? null;
      io.out(JSON.stringify({ id, error: `line ${n}: expected {"id","jd","resume"} or {"id","jdFile","resumeFile"}` }));
      continue;
    }
    const line = parsed.data;
    let jd: string;
    let resume: string;
    if ('jd' in line) {
      jd = line.jd;
      resume = line.resume;
    } else {
      const jdDoc = await readDocument(resolve(base, line.jdFile));
      const resumeDoc = await readDocument(resolve(base, line.resumeFile));
      if ('error' in jdDoc || 'error' in resumeDoc) {
        const error =
          'error' in jdDoc ? `job description ${jdDoc.error}` : `resume ${(resumeDoc as { error: string }).error}`;
        io.out(JSON.stringify({ id: line.id, error }));
        continue;
      }
      jd = jdDoc.text;
      resume = resumeDoc.text;
    }
    if (!resume.trim() || !jd.trim()) {
      io.out(JSON.stringify({ id: line.id, error: `${resume.trim() ? 'job description' : 'resume'} is empty` }));
      continue;
    }
    const r = await score(jd, resume);
    io.out(JSON.stringify({ id: line.id, score: r.score, reasons: r.reasons, missing: r.missing, scorer: r.scorer }));
  }
  return 0;
}

async function readDocument(path: string): Promise<{ text: string } | { error: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    return { error: `file cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  const res = await extractText(bytes, { filename: path });
  return res.ok ? { text: res.text } : { error: `is unreadable (${res.reason}): ${res.message}` };
}
