import { readFileSync } from 'node:fs';
import { z } from 'zod';

// A sandbox company read from a file (`jsonl:PATH`), so pools can be built from real data: one JSON
// object a line, jobs and candidates. Each candidate has one application, to the job it names.

const jobLine = z.object({
  type: z.literal('job'),
  id: z.string().min(1).max(200),
  title: z.string().min(1).max(500),
  description: z.string().max(200_000),
});

const candidateLine = z.object({
  type: z.literal('candidate'),
  id: z.string().min(1).max(200),
  name: z.string().min(1).max(500),
  email: z.string().max(500).optional(),
  resume: z.string().max(500_000),
  appliedTo: z.string().min(1),
  status: z.enum(['Active', 'Archived', 'Hired']),
});

const seedLine = z.discriminatedUnion('type', [jobLine, candidateLine]);

export type FileJob = z.infer<typeof jobLine>;
export type FileCandidate = z.infer<typeof candidateLine> & { email: string; jobIndex: number };

export interface FileSeed {
  path: string;
  jobs: FileJob[];
  candidates: FileCandidate[];
}

export class FileSeedError extends Error {}

function problem(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'line'}: ${issue.message}` : 'not a job or candidate';
}

/** Reads and checks a seed file; a bad line is refused with its number and what is wrong with it. */
export function readFileSeed(path: string): FileSeed {
  let text: string;
  try {
    text = readFileSync(path, 'utf-8');
  } catch (err) {
    throw new FileSeedError(`cannot read the seed file ${path}: ${(err as Error).message}`);
  }
  const jobs: FileJob[] = [];
  const pending: { line: number; candidate: z.infer<typeof candidateLine> }[] = [];
  const ids = { job: new Set<string>(), candidate: new Set<string>() };
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new FileSeedError(`${path} line ${line}: not valid JSON`);
    }
    const parsed = seedLine.safeParse(json);
    if (!parsed.success) throw new FileSeedError(`${path} line ${line}: ${problem(parsed.error)}`);
    const entry = parsed.data;
    if (ids[entry.type].has(entry.id)) throw new FileSeedError(`${path} line ${line}: ${entry.type} ${entry.id} is given twice`);
    ids[entry.type].add(entry.id);
    if (entry.type === 'job') jobs.push(entry);
    else pending.push({ line, candidate: entry });
  });
  if (jobs.length === 0) throw new FileSeedError(`${path}: no job in the file (a line {"type":"job",...} is needed)`);
  const jobIndex = new Map(jobs.map((j, i) => [j.id, i]));
  const candidates = pending.map(({ line, candidate }, i) => {
    const index = jobIndex.get(candidate.appliedTo);
    if (index === undefined) {
      throw new FileSeedError(`${path} line ${line}: candidate ${candidate.id} applied to ${candidate.appliedTo}, which is no job of the file`);
    }
    return { ...candidate, email: candidate.email ?? `candidate${i}@example.com`, jobIndex: index };
  });
  return { path, jobs, candidates };
}
