/** What `/skima rediscover <job> [filters]` accepts, and how a mistyped filter is explained. */
export interface RediscoverFilters {
  /** Lowest score shown (0-100; default 60). */
  minScore?: number;
  /** Only past candidates whose past application saw activity in the last N days. */
  sinceDays?: number;
  /** How many to show (1-50; default 10). */
  limit?: number;
  /** Also candidates whose application on another job is still active (off by default: another team owns them). */
  includeActiveElsewhere?: boolean;
  /** Also people hired elsewhere in the company (off by default: they work here now). */
  includeHired?: boolean;
  /** Words of the past job's title, its department, the archive reason, the source, the job's
   * location (each matched case-insensitively within the stored text). */
  pastJob?: string;
  department?: string;
  archiveReason?: string;
  source?: string;
  location?: string;
  /** The Ashby user id the past application is credited to. */
  recruiterId?: string;
  /** Words of a stage the past application entered at some point (its history in Ashby): stage reached. */
  stage?: string;
  /** Words of one of the candidate's tags in Ashby. */
  tag?: string;
  /** Also people flagged do-not-contact in Ashby (off by default: a tag says not to reach out). */
  includeDoNotContact?: boolean;
}

/** The filters that narrow the past application by a piece of its text, and where each is stored. */
export const TEXT_FILTERS = ['pastJob', 'department', 'archiveReason', 'source', 'location', 'stage', 'tag'] as const;
export type TextFilter = (typeof TEXT_FILTERS)[number];

export const REDISCOVER_DEFAULTS = { minScore: 60, limit: 10 } as const;
export const REDISCOVER_MAX_LIMIT = 50;

export class RediscoverUsageError extends Error {
  constructor(problem: string) {
    super(`${problem}\n${REDISCOVER_FILTER_HELP}`);
    this.name = 'RediscoverUsageError';
  }
}

export const REDISCOVER_FILTER_HELP = [
  'Filters (all optional, in any order):',
  '  min:70      only scores of 70 or more (0-100, default 60)',
  '  since:180d  only candidates active in Ashby in the last 180 days (also 26w, 6m, 1y)',
  '  limit:20    show up to 20 (1-50, default 10)',
  '  active      include candidates still active on another job',
  '  hired       include people hired elsewhere in the company',
  '  job:cashier         past job title contains "cashier" (write spaces as -: job:store-manager)',
  '  dept:operations     past job\'s department',
  '  reason:withdrew     archive reason (reason:position-filled)',
  '  source:referral     where the past application came from',
  '  location:denver     past job\'s location',
  '  recruiter:<id>      credited to this Ashby user id',
  '  stage:onsite        the past application reached a stage named so (stage:phone-screen)',
  '  tag:silver-medalist one of the candidate\'s tags in Ashby',
  '  dnc                 include people tagged do-not-contact in Ashby',
].join('\n');

/** Keys of the text filters, with their aliases. */
const TEXT_KEYS: Record<string, TextFilter> = {
  'job': 'pastJob',
  'past-job': 'pastJob',
  'dept': 'department',
  'department': 'department',
  'reason': 'archiveReason',
  'archive-reason': 'archiveReason',
  'source': 'source',
  'location': 'location',
  'stage': 'stage',
  'stage-reached': 'stage',
  'tag': 'tag',
};

const EXAMPLES: Record<TextFilter, string> = {
  pastJob: 'cashier',
  department: 'operations',
  archiveReason: 'withdrew',
  source: 'referral',
  location: 'denver',
  stage: 'onsite',
  tag: 'silver-medalist',
};

/** The word that lets people flagged do-not-contact through, and its spellings. */
const DNC_WORDS = new Set(['dnc', 'include-dnc', 'do-not-contact', 'dnc:yes']);

const DAYS_PER_UNIT: Record<string, number> = { d: 1, w: 7, m: 30, y: 365 };

function wholeNumber(word: string, value: string): number {
  if (!/^\d{1,6}$/.test(value)) throw new RediscoverUsageError(`"${word}": "${value}" is not a whole number.`);
  return Number(value);
}

/** Parses command words like ["min:70", "since:180d", "limit:20", "active"]. */
export function parseRediscoverFilters(words: string[]): RediscoverFilters {
  const filters: RediscoverFilters = {};
  const seen = new Set<string>();
  const once = (key: string, word: string) => {
    if (seen.has(key)) throw new RediscoverUsageError(`"${word}": the ${key} filter is given twice.`);
    seen.add(key);
  };
  for (const raw of words) {
    const word = raw.trim();
    if (!word) continue;
    const lower = word.toLowerCase();
    if (lower === 'active' || lower === 'include-active' || lower === 'active:yes') {
      once('active', word);
      filters.includeActiveElsewhere = true;
      continue;
    }
    if (DNC_WORDS.has(lower)) {
      once('dnc', word);
      filters.includeDoNotContact = true;
      continue;
    }
    if (lower === 'hired' || lower === 'include-hired' || lower === 'hired:yes') {
      once('hired', word);
      filters.includeHired = true;
      continue;
    }
    const m = /^([a-z-]+)[:=](.*)$/.exec(lower);
    if (!m) throw new RediscoverUsageError(`"${word}" is not a filter Skima knows.`);
    const [, key = '', value = ''] = m;
    const textFilter = TEXT_KEYS[key];
    if (textFilter) {
      once(textFilter, word);
      const text = value.replace(/[-_]+/g, ' ').trim();
      if (!text) throw new RediscoverUsageError(`"${word}": say what to look for, such as ${key}:${EXAMPLES[textFilter]}.`);
      filters[textFilter] = text;
      continue;
    }
    switch (key) {
      case 'min':
      case 'min-score': {
        once('min', word);
        const n = wholeNumber(word, value);
        if (n > 100) throw new RediscoverUsageError(`"${word}": scores run from 0 to 100.`);
        filters.minScore = n;
        break;
      }
      case 'since': {
        once('since', word);
        const s = /^(\d{1,5})([dwmy]?)$/.exec(value);
        if (!s) throw new RediscoverUsageError(`"${word}": write a period such as since:90d, since:12w or since:1y.`);
        const days = Number(s[1]) * (DAYS_PER_UNIT[s[2] || 'd'] ?? 1);
        if (days < 1) throw new RediscoverUsageError(`"${word}": the period must be at least one day.`);
        filters.sinceDays = days;
        break;
      }
      case 'limit': {
        once('limit', word);
        const n = wholeNumber(word, value);
        if (n < 1 || n > REDISCOVER_MAX_LIMIT) {
          throw new RediscoverUsageError(`"${word}": the limit runs from 1 to ${REDISCOVER_MAX_LIMIT}.`);
        }
        filters.limit = n;
        break;
      }
      case 'recruiter': {
        once('recruiter', word);
        // Ids keep their case: read it from the word as written.
        const id = word.slice(word.search(/[:=]/) + 1).trim();
        if (!/^[\w-]{1,64}$/.test(id)) throw new RediscoverUsageError(`"${word}": give the recruiter's Ashby user id.`);
        filters.recruiterId = id;
        break;
      }
      default:
        throw new RediscoverUsageError(`"${word}" is not a filter Skima knows.`);
    }
  }
  return filters;
}

/** A word that is a filter rather than part of the job's title. */
export function isRediscoverFilterWord(word: string): boolean {
  return /^[a-z-]+[:=]/i.test(word) || /^(active|include-active|hired|include-hired|dnc|include-dnc|do-not-contact)$/i.test(word);
}

/** Splits `/skima rediscover <job id or title words> [filters]` into the job query and the filter words. */
export function splitRediscoverArgs(words: string[]): { jobQuery: string; filterWords: string[] } {
  const filterWords = words.filter(isRediscoverFilterWord);
  const jobQuery = words.filter((w) => !isRediscoverFilterWord(w)).join(' ').trim();
  return { jobQuery, filterWords };
}
