import type { TurnContext } from 'botbuilder';
import type { Reviewer } from '../../ports.ts';
import type { TeamsDeps } from '../deps.ts';
import { recipientOf, type TeamsPerson } from '../identity.ts';
import { resumeNoticeCard, resumeOutcomeText } from '../render/resume-drop.ts';
import { downloadDroppedFile } from './download.ts';
import { replaceCardLater } from './replace-later.ts';
import type { ResumeAction } from './resume-actions.ts';

/**
 * "Add to <job>" under a dropped resume's preview: the file is read from Teams again and the core adds
 * the person (one candidate and one application however often the file is sent or Add clicked, even
 * at once), then the card says what was created. The score follows in this chat once the screening is
 * done: the core is told to answer this person (their Entra id, under which their 1:1 chat is stored).
 */
export async function resumeAddAction(
  context: TurnContext,
  deps: TeamsDeps,
  who: { reviewer: Reviewer; person: TeamsPerson },
  action: Extract<ResumeAction, { kind: 'add' }>,
): Promise<void> {
  await replaceCardLater(context, deps, 'resume-add', 'Adding the candidate to Ashby…', async () => {
    const file = await downloadDroppedFile(action.file);
    if ('problem' in file) return resumeNoticeCard(file.problem, 'attention');
    const drop = { jobId: action.jobId, ...file };
    const outcome = await deps.services.addResume(who.reviewer, drop, recipientOf(who.person));
    return resumeNoticeCard(resumeOutcomeText(outcome), outcome.status === 'refused' ? 'attention' : 'plain');
  });
}
