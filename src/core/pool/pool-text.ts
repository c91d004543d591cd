import {
  bundledSkillDictionary,
  createScorer,
  type DefaultScorer,
  type ParsedJob,
  STOP_WORDS,
} from '../../scoring/index.ts';

// What the full-text index reads of a resume, and what it is asked for a job. Both sides name skills
// by their dictionary labels ("Kubernetes" for "k8s"), so a resume and a job that spell a skill
// differently still meet in the index.

let parser: DefaultScorer | undefined;
/** Parsing only (no scoring), so the lexical scorer serves whatever scorer the pipeline uses. It keeps
 * no parsed resume: each is indexed once, when its text is stored. */
function textParser(): DefaultScorer {
  parser ??= createScorer({ jobCacheSize: 4, resumeCacheSize: 0 });
  return parser;
}

function skillLabels(ids: Iterable<string>): string[] {
  const skills = bundledSkillDictionary().skills;
  return [...new Set([...ids].map((id) => skills.get(id)?.label ?? id))];
}

/** The indexed text of a resume: the text itself, then its role titles and the skills it names. */
export function poolBody(resumeText: string): string {
  const parsed = textParser().parseResume(resumeText);
  const titles = [...new Set(parsed.roles.map((r) => r.title))];
  const skills = skillLabels([...parsed.skills.keys(), ...parsed.titleSkills.keys()]);
  return [resumeText, titles.join('; '), skills.join('; ')].join('\n');
}

/** Words every posting and resume is full of: they would match the whole pool and rank nothing. */
const FRAMING = new Set(
  'yrs year years experience experienced skill skills knowledge ability abilities strong excellent good proven '
    .concat('working work demonstrated understanding proficiency proficient familiarity required preferred plus')
    .split(' '),
);

/** At most this many words in a job's query: the index ranks by them, the scorer decides. */
const MAX_TERMS = 48;
/** At most this many in its focused query: BM25 costs about the matches times the words. */
const MAX_FOCUSED = 8;
/** Title words of rank, not of trade: half of a pool's resumes say "senior". Left out of the focused query. */
const SENIORITY = new Set('senior sr junior jr principal staff lead mid level entry intern ii iii iv'.split(' '));

/** A job's words for the index: the focused few first, and all of them when those find too few. */
export interface JobSearch {
  /** The title and the skills its must-haves name (or, naming none, the must-haves' words): BM25
   * over a few telling words reads a few posting lists, where every word of a posting reads most of
   * the pool. */
  focused: string[];
  /** Title, must-haves and their skills, then the rest, most telling first. */
  full: string[];
}

function searchWords(texts: readonly string[], max: number, skip?: ReadonlySet<string>): string[] {
  const terms = new Set<string>();
  for (const text of texts) {
    for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
      if (word.length < 2 || STOP_WORDS.has(word) || FRAMING.has(word) || /^\d+$/.test(word) || skip?.has(word)) continue;
      terms.add(word);
      if (terms.size === max) return [...terms];
    }
  }
  return [...terms];
}

/**
 * The words a job asks for, most telling first: its title, its must-have requirements and their
 * skills, then the rest. Lower-case words of letters and digits only, so no query syntax gets in.
 */
export function jobSearchTerms(jobDescription: string): JobSearch {
  const job: ParsedJob = textParser().parseJob(jobDescription);
  const must = job.requirements.filter((r) => r.mustHave);
  const rest = job.requirements.filter((r) => !r.mustHave);
  const mustSkills = skillLabels(must.flatMap((r) => r.skillIds));
  const focusedTexts = [job.title, ...(mustSkills.length ? mustSkills : must.map((r) => r.label))];
  const focused = searchWords(focusedTexts, MAX_FOCUSED, SENIORITY);
  const full = searchWords(
    [
      job.title,
      ...must.map((r) => r.label),
      ...mustSkills,
      ...rest.map((r) => r.label),
      ...skillLabels(rest.flatMap((r) => r.skillIds)),
    ],
    MAX_TERMS,
  );
  return { focused, full };
}
