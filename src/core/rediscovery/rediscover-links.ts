import type { AshbyClient } from '../../ashby/index.ts';
import type { Config } from '../../config/schema.ts';
import type { Db } from '../../db/client.ts';
import { type LinkKind, mintLink } from '../links/links.ts';
import { LinkScopeError } from '../links/reviewer-links.ts';
import { findMember, hiringTeamOf, memberName } from '../people/hiring-team.ts';
import { reportReader, ReportAccessError } from '../report/report-links.ts';
import { queryOfFilterWords } from './rediscover-query.ts';

/** The rediscovery page's path for a token: /rd/<token>. */
export const rediscoverPath = (token: string) => `/rd/${token}`;

export interface RediscoverLink {
  url: string;
  expiresAt: Date;
  jobTitle: string;
  reader: { id: string; name: string };
  /** "rediscover" (may add to the job) or "rediscover-view" (reads only). */
  kind: Extract<LinkKind, 'rediscover' | 'rediscover-view'>;
}

/**
 * A personal link to a job's rediscovery page. A recruiter or admin gets a link that may add past
 * candidates to the job; a member of the job's hiring team who recruits for nothing gets one that
 * reads only, without the recruiter-only filters; anyone else is refused. The filter words go into the
 * URL as query parameters (no personal data); the kind is fixed now, from the person's role now.
 */
export async function createRediscoverLink(
  deps: { db: Db; config: Pick<Config, 'publicBaseUrl' | 'linkTtlMs'>; ashby?: AshbyClient },
  input: {
    jobId: string;
    /** An Ashby user id or email, looked up here; or, from chat, the person as the front door resolved them. */
    person: string | { id: string; name: string; recruiter: boolean };
    mintedBy: string;
    words?: readonly string[];
    ttlMs?: number;
  },
  now = new Date(),
): Promise<RediscoverLink> {
  const job = await deps.db.job.findUnique({
    where: { id: input.jobId },
    select: { id: true, title: true, hiringTeam: true },
  });
  if (!job) throw new LinkScopeError(`no job ${input.jobId} is known to Skima (run skima sync first?)`);
  const { reader, kind } = await readerOf(deps, job, input.person);
  const ttl = Math.min(input.ttlMs ?? deps.config.linkTtlMs, deps.config.linkTtlMs);
  const { token, expiresAt } = await mintLink(
    deps.db,
    { kind, jobId: job.id, reviewerId: reader.id, mintedBy: input.mintedBy },
    ttl,
    now,
  );
  const url = `${deps.config.publicBaseUrl}${rediscoverPath(token)}${queryOfFilterWords(input.words ?? [])}`;
  return { url, expiresAt, jobTitle: job.title, reader, kind };
}

async function readerOf(
  deps: { db: Db; ashby?: AshbyClient },
  job: { title: string; hiringTeam: unknown },
  person: string | { id: string; name: string; recruiter: boolean },
): Promise<{ reader: { id: string; name: string }; kind: RediscoverLink['kind'] }> {
  if (typeof person !== 'string') {
    if (person.recruiter) return { reader: { id: person.id, name: person.name }, kind: 'rediscover' };
  } else {
    try {
      const recruiter = await reportReader(deps, person);
      return { reader: { id: recruiter.userId, name: recruiter.name }, kind: 'rediscover' };
    } catch (err) {
      if (!(err instanceof ReportAccessError)) throw err;
    }
  }
  const named = typeof person === 'string' ? person : person.id;
  const member = findMember(hiringTeamOf(job), named);
  if (!member) {
    throw new LinkScopeError(
      `${named} is neither a recruiter or admin nor on the hiring team of "${job.title}": rediscovery is for recruiters, admins and the job's hiring team`,
    );
  }
  return { reader: { id: member.userId, name: memberName(member, member.userId) }, kind: 'rediscover-view' };
}
