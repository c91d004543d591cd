import { type Block, checkMessage, clip, escapeMrkdwn, LIMITS, type SlackMessage } from '../block-kit.ts';
import { ACTION, encodeResumeDrop } from '../ids.ts';
import type { JobSummary, ResumeDropOutcome, ResumeDropPreview } from '../../ports.ts';

// The messages of a resume dropped into Skima's DM. They go to the recruiter who dropped it, alone:
// what the file says about the person may be shown there, never in a channel.

const option = (job: JobSummary, fileId: string) => ({
  text: { type: 'plain_text' as const, text: clip(job.title, LIMITS.optionText) },
  value: encodeResumeDrop(job.id, fileId),
});

/** "Which job is it for?": a menu of the open jobs the recruiter may see. */
export function jobMenuMessage(filename: string, jobs: JobSummary[], fileId: string, asked?: string): SlackMessage {
  const why = asked
    ? `No single job matches "${escapeMrkdwn(clip(asked, 100))}".`
    : 'Name the job in the message ("for Senior Backend Engineer"), or pick it here.';
  if (!jobs.length) {
    const text = `Got *${escapeMrkdwn(clip(filename, 200))}*, but you may add candidates to no open job. Nothing was created.`;
    return checkMessage({ text: 'No open job to add this resume to', blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] });
  }
  const blocks: Block[] = [
    { type: 'section', text: { type: 'mrkdwn', text: `Got *${escapeMrkdwn(clip(filename, 200))}*. ${why}` } },
    {
      type: 'actions',
      elements: [{
        type: 'static_select',
        action_id: ACTION.resumeJob,
        placeholder: { type: 'plain_text', text: 'Which job is it for?' },
        options: jobs.slice(0, LIMITS.selectOptions).map((j) => option(j, fileId)),
      }],
    },
  ];
  return checkMessage({ text: 'Which job is this resume for?', blocks });
}

/** What Skima read and found, with Add and Cancel. Nothing is created before Add. */
export function previewMessage(preview: ResumeDropPreview, fileId: string, filename: string): SlackMessage {
  const f = preview.found;
  const facts = [
    f.name && `*${escapeMrkdwn(f.name)}*`,
    f.email && escapeMrkdwn(f.email),
    f.phone && escapeMrkdwn(f.phone),
    f.profileUrl && escapeMrkdwn(f.profileUrl),
  ].filter(Boolean).join(' · ');
  const job = escapeMrkdwn(preview.jobTitle);
  const plan = preview.existing
    ? `Ashby has *${escapeMrkdwn(preview.existing.name)}* already (matched by ${escapeMrkdwn(preview.existing.matchedBy)}): Add puts them on *${job}*.`
    : `Not in Ashby yet: Add creates the candidate with this resume and their application for *${job}*.`;
  const value = encodeResumeDrop(preview.jobId, fileId);
  const blocks: Block[] = [
    { type: 'section', text: { type: 'mrkdwn', text: clip(`From *${escapeMrkdwn(filename)}*: ${facts || 'no name or email found'}`, LIMITS.sectionText) } },
    { type: 'section', text: { type: 'mrkdwn', text: clip(plan, LIMITS.sectionText) } },
    {
      type: 'actions',
      elements: [
        { type: 'button', action_id: ACTION.resumeAdd, style: 'primary', text: { type: 'plain_text', text: clip(`Add to ${preview.jobTitle}`, LIMITS.buttonText) }, value },
        { type: 'button', action_id: ACTION.resumeCancel, text: { type: 'plain_text', text: 'Cancel' }, value },
      ],
    },
  ];
  return checkMessage({ text: `Add this resume to ${clip(preview.jobTitle, 200)}?`, blocks });
}

/** After Add: what was created, and that the score follows. */
export function outcomeText(outcome: ResumeDropOutcome): string {
  if (outcome.status === 'refused') return outcome.message;
  const who = escapeMrkdwn(outcome.candidateName);
  const job = escapeMrkdwn(outcome.jobTitle);
  if (!outcome.applicationCreated) return `*${who}* is on *${job}* already: nothing new was created. The score follows here.`;
  const made = outcome.candidateCreated ? 'created in Ashby with this resume, and' : 'found in Ashby and';
  return `*${who}* ${made} added to *${job}*. Skima is screening the resume; the score follows here.`;
}
