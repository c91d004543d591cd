import { JOB_TEMPLATES, type JobTemplate } from './catalog-jobs.ts';
import { CITIES, COMPANIES, DEGREES, GENERIC_SKILLS, SCHOOLS } from './catalog-people.ts';
import { type Rng, rngFor } from './prng.ts';

export type ResumeLayout = 'classic' | 'two-column' | 'compact' | 'docx' | 'docx-table';
/** Files a real ATS receives that a parser must survive. */
export type ResumeDefect = 'corrupt' | 'empty' | 'password-protected' | 'image-only';

export interface ResumeModel {
  name: string;
  email: string;
  phone: string;
  city: string;
  headline: string;
  summary: string;
  experiences: Array<{ title: string; company: string; start: number; end: number | null; bullets: string[] }>;
  education: Array<{ degree: string; school: string; year: number }>;
  skills: string[];
  layout: ResumeLayout;
  defect: ResumeDefect | undefined;
}

const BULLETS = [
  'Used {skill} daily to deliver work for a team of {n}',
  'Improved turnaround time by {p}% by introducing {skill}',
  'Trained {n} new colleagues on {skill} and {skill2}',
  'Owned {skill} for the {area}, working closely with the {skill2} lead',
  'Led a project combining {skill} and {skill2} that saved USD {k}K a year',
  'Recognised as top performer of the quarter for results in {skill}',
  'Handled {n}+ requests a week with {skill} while keeping quality above {q}%',
  'Cut errors by {p}% after reworking our {skill} process',
];
const AREAS = ['region', 'flagship location', 'online store', 'west coast business', 'new product line', 'company'];

const LAYOUTS: ResumeLayout[] = ['classic', 'two-column', 'compact', 'docx', 'docx-table'];

/** Chosen apart from the content so file names can be listed without building whole resumes. */
export function resumeLayoutFor(seed: number, index: number): ResumeLayout {
  // Encryption and scans are PDF matters: those defects always come as PDFs.
  const defect = defectFor(index);
  if (defect === 'password-protected' || defect === 'image-only') return 'classic';
  return rngFor(seed, 'layout', index).pick(LAYOUTS);
}

export function resumeFileName(name: string, layout: ResumeLayout): string {
  const base = name.toLowerCase().replace(/[^a-z]+/g, '_');
  return `${base}_resume.${layout.startsWith('docx') ? 'docx' : 'pdf'}`;
}

function defectFor(index: number): ResumeDefect | undefined {
  // A few bad files, spread out and deterministic: about 1 in 15 candidates.
  if (index % 43 === 7) return 'corrupt';
  if (index % 53 === 11) return 'empty';
  if (index % 59 === 13) return 'password-protected';
  if (index % 47 === 17) return 'image-only';
  return undefined;
}

function bullet(rng: Rng, skills: string[]): string {
  const [skill, skill2] = rng.sample(skills, 2);
  return rng
    .pick(BULLETS)
    .replace('{skill}', skill ?? 'the team')
    .replace('{skill2}', skill2 ?? skill ?? 'operations')
    .replace('{n}', String(rng.int(3, 60)))
    .replace('{p}', String(rng.int(8, 45)))
    .replace('{q}', String(rng.int(90, 99)))
    .replace('{k}', String(rng.int(20, 400)))
    .replace('{area}', rng.pick(AREAS));
}

/**
 * A candidate's resume content, derived from the seed and the candidate's index alone. About two in
 * three candidates come from the job's own field; the rest from another, so rankings have signal.
 */
export function buildResume(args: {
  seed: number;
  index: number;
  name: string;
  email: string;
  phone: string;
  appliedTemplate: JobTemplate;
  now: number;
}): ResumeModel {
  const rng = rngFor(args.seed, 'resume', args.index);
  const template = rng.chance(0.65) ? args.appliedTemplate : rng.pick(JOB_TEMPLATES);
  const years = rng.int(0, 16);
  const currentYear = new Date(args.now).getUTCFullYear();
  // Bullets draw on the field's own skills; the skills section adds a few generic ones.
  const fieldSkills = rng.sample(template.skills, rng.int(3, Math.min(8, template.skills.length)));
  const skills = [...fieldSkills, ...rng.sample(GENERIC_SKILLS, rng.int(0, 3))];

  const experiences: ResumeModel['experiences'] = [];
  let end: number | null = null;
  let remaining = years;
  const jobs = years === 0 ? 0 : Math.min(4, rng.int(1, Math.ceil(years / 3) + 1));
  for (let j = 0; j < jobs && remaining > 0; j++) {
    const span = j === jobs - 1 ? remaining : rng.int(1, Math.max(1, remaining - (jobs - j - 1)));
    const stop: number = end ?? currentYear;
    const start: number = stop - span;
    const level = Math.min(
      template.careerTitles.length - 1,
      Math.floor((remaining / 16) * template.careerTitles.length),
    );
    experiences.push({
      title: template.careerTitles[level] ?? template.careerTitles[0] ?? 'Associate',
      company: rng.pick(COMPANIES),
      start,
      end,
      bullets: Array.from({ length: rng.int(2, 5) }, () => bullet(rng, fieldSkills)),
    });
    end = start;
    remaining -= span;
  }

  const seniority = years >= 8 ? 'Senior' : years >= 3 ? 'Experienced' : years > 0 ? 'Early-career' : 'Entry-level';
  const title = experiences[0]?.title ?? template.careerTitles[0] ?? 'Associate';
  // "Senior Senior Software Engineer" reads as a typo on the page; a title of rank keeps its own word.
  const ranked = /^(senior|sr\.?|lead|principal|staff|head|chief|junior|jr\.?)\b/i.test(title);
  const described = ranked ? title : `${seniority} ${title.toLowerCase()}`;
  return {
    name: args.name,
    email: args.email,
    phone: args.phone,
    city: rng.pick(CITIES),
    headline: ranked ? title : `${seniority} ${title}`,
    summary: `${described} with ${years} year${years === 1 ? '' : 's'} of experience in ${skills.slice(0, 3).join(', ')}.`,
    experiences,
    education: rng.chance(0.85)
      ? [{ degree: rng.pick(DEGREES), school: rng.pick(SCHOOLS), year: currentYear - years - rng.int(0, 3) }]
      : [],
    skills,
    layout: resumeLayoutFor(args.seed, args.index),
    defect: defectFor(args.index),
  };
}
