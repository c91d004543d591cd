import type { JobSummary, ResumeDropOutcome, ResumeDropPreview } from '../../ports.ts';
import { type AcNode, adaptiveCard, type AdaptiveCardJson, clip, execute, line, para, run } from '../card-json.ts';
import type { DroppedFile } from '../drops/attachments.ts';
import { RESUME_INPUT_JOB, RESUME_VERB } from '../drops/resume-actions.ts';

// The cards of a resume dropped into Skima's 1:1 chat. They go to the recruiter who sent it, alone:
// what the file says about the person may be shown there, never in a channel. Resume text (a name, an
// email) is drawn in text runs, never as markdown. The buttons carry the file's name and Teams' link
// to it (Action.Execute data, not shown), so nothing of the resume is kept by Skima between the steps.

/** Most jobs a menu offers (an organisation with more types the job's name instead). */
const MAX_CHOICES = 100;

const fileData = (file: DroppedFile) => ({ fileName: file.name, fileUrl: file.url, fileType: file.type });

/** A one-line card: what is happening, or how it ended (it replaces the card that was clicked). */
export function resumeNoticeCard(text: string, tone: 'plain' | 'attention' = 'plain'): AdaptiveCardJson {
  return adaptiveCard([line(clip(text, 1000), tone === 'attention' ? { color: 'attention' } : {})], [], text);
}

/** "Which job is it for?": the open jobs the recruiter may see, to pick one. */
export function resumeJobMenuCard(file: DroppedFile, jobs: JobSummary[], asked?: string): AdaptiveCardJson {
  const got = run(`Got ${clip(file.name, 200)}. `, { weight: 'bolder' });
  if (!jobs.length) {
    return adaptiveCard([para([got, run('But you may add candidates to no open job. Nothing was created.')])], [], 'No open job to add this resume to');
  }
  const why = asked
    ? `No single open job matches "${clip(asked, 100)}": pick it here.`
    : 'Name the job with the file ("for Senior Backend Engineer"), or pick it here.';
  const body: AcNode[] = [
    para([got, run(why)]),
    {
      type: 'Input.ChoiceSet',
      id: RESUME_INPUT_JOB,
      style: 'compact',
      isRequired: true,
      errorMessage: 'Pick the job this resume is for.',
      placeholder: 'Which job is it for?',
      choices: jobs.slice(0, MAX_CHOICES).map((j) => ({ title: clip(j.title, 120), value: j.id })),
      ...(jobs.length === 1 ? { value: jobs[0]!.id } : {}),
    },
  ];
  const actions = [
    execute('Read the resume', RESUME_VERB.pickJob, fileData(file), { style: 'positive', associatedInputs: 'auto' }),
    execute('Cancel', RESUME_VERB.cancel, {}, { associatedInputs: 'none' }),
  ];
  return adaptiveCard(body, actions, 'Which job is this resume for?');
}

/** What Skima read and found, with Add and Cancel. Nothing is created before Add. */
export function resumePreviewCard(preview: ResumeDropPreview, file: DroppedFile): AdaptiveCardJson {
  const f = preview.found;
  const facts = [f.name, f.email, f.phone, f.profileUrl].filter((x): x is string => Boolean(x)).join(' · ');
  const job = clip(preview.jobTitle, 200);
  const plan = preview.existing
    ? [run('Ashby has '), run(clip(preview.existing.name, 120), { weight: 'bolder' }), run(` already (matched by ${preview.existing.matchedBy}): Add puts them on `), run(job, { weight: 'bolder' }), run('.')]
    : [run('Not in Ashby yet: Add creates the candidate with this resume and their application for '), run(job, { weight: 'bolder' }), run('.')];
  const body: AcNode[] = [
    para([run(`From ${clip(file.name, 200)}: `, { isSubtle: true }), run(clip(facts || 'no name or email found', 600), { weight: 'bolder' })]),
    para(plan, { spacing: 'small' }),
  ];
  const actions = [
    execute(clip(`Add to ${preview.jobTitle}`, 80), RESUME_VERB.add, { jobId: preview.jobId, ...fileData(file) }, { style: 'positive', associatedInputs: 'none' }),
    execute('Cancel', RESUME_VERB.cancel, {}, { associatedInputs: 'none' }),
  ];
  return adaptiveCard(body, actions, `Add this resume to ${clip(preview.jobTitle, 200)}?`);
}

/** After Add: what was created, and that the score follows. Plain words (drawn as a text run). */
export function resumeOutcomeText(outcome: ResumeDropOutcome): string {
  if (outcome.status === 'refused') return outcome.message;
  const { candidateName: who, jobTitle: job } = outcome;
  if (!outcome.applicationCreated) return `${who} is on ${job} already: nothing new was created. The score follows here.`;
  const made = outcome.candidateCreated ? 'created in Ashby with this resume, and' : 'found in Ashby and';
  return `${who} ${made} added to ${job}. Skima is screening the resume; the score follows here.`;
}
