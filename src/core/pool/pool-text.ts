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
/** Parsing only (no scoring), so the lexical scorer serves whatever scorer the pipeline uses. */
function textParser(): DefaultScorer {
  parser ??= createScorer({ jobCacheSize: 4 });
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

/**
 * The words a job asks for, most telling first: its title, its must-have requirements and their
 * skills, then the rest. Lower-case words of letters and digits only, so no query syntax gets in.
 */
export function jobSearchTerms(jobDescription: string): string[] {
  const job: ParsedJob = textParser().parseJob(jobDescription);
  const must = job.requirements.filter((r) => r.mustHave);
  const rest = job.requirements.filter((r) => !r.mustHave);
  const texts = [
    job.title,
    ...must.map((r) => r.label),
    ...skillLabels(must.flatMap((r) => r.skillIds)),
    ...rest.map((r) => r.label),
    ...skillLabels(rest.flatMap((r) => r.skillIds)),
  ];
  const terms = new Set<string>();
  for (const text of texts) {
    for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
      if (word.length < 2 || STOP_WORDS.has(word) || FRAMING.has(word) || /^\d+$/.test(word)) continue;
      terms.add(word);
      if (terms.size === MAX_TERMS) return [...terms];
    }
  }
  return [...terms];
}
