import type { TurnContext } from 'botbuilder';
import type { TeamsDeps } from '../deps.ts';
import { cardInvokeResponse, messageInvokeResponse, NOT_MATCHED } from '../messages.ts';
import { resumeNoticeCard } from '../render/resume-drop.ts';
import { parseResumeAction, RESUME_INPUT_JOB, RESUME_VERB, type ResumeAction } from './resume-actions.ts';
import { resumeAddAction } from './resume-add.ts';
import { RESUME_RECRUITERS_ONLY } from './resume-dropped.ts';
import { resumeJobPicked } from './resume-job-picked.ts';

/**
 * A click on a dropped resume's card (the job picked, Add, Cancel). Recruiters and admins only, as the
 * drop itself; a replay of the same click (Teams retries an invoke it thinks failed) is answered
 * without doing the work twice. The invoke is always answered, since Teams shows an error otherwise.
 */
export async function onResumeAction(
  context: TurnContext,
  deps: TeamsDeps,
  verb: string,
  data: unknown,
): Promise<void> {
  const action: ResumeAction | null = parseResumeAction(verb, data);
  if (!action) {
    const unpicked = verb === RESUME_VERB.pickJob && !(data as Record<string, unknown> | null)?.[RESUME_INPUT_JOB];
    await context.sendActivity(messageInvokeResponse(unpicked ? 'Pick the job this resume is for first.' : 'This card is out of date: send the resume again.'));
    return;
  }
  if (action.kind === 'cancel') {
    await context.sendActivity(cardInvokeResponse(resumeNoticeCard('Cancelled: nothing was added to Ashby.')));
    return;
  }
  const { person, reviewer } = await deps.reviewers.of(context);
  if (!reviewer || !person) return void (await context.sendActivity(messageInvokeResponse(NOT_MATCHED)));
  if (!reviewer.recruiter) return void (await context.sendActivity(messageInvokeResponse(RESUME_RECRUITERS_ONLY)));
  const a = context.activity;
  if (a.id && !(await deps.services.firstDelivery(`teams:${a.conversation.id}:${a.id}`))) {
    await context.sendActivity(messageInvokeResponse('Already received: Skima is on it, and the answer replaces the card.'));
    return;
  }
  if (action.kind === 'pick-job') return resumeJobPicked(context, deps, reviewer, action);
  return resumeAddAction(context, deps, { reviewer, person }, action);
}
