import type { TurnContext } from 'botbuilder';
import { parseCardAction } from '../card-actions.ts';
import type { TeamsDeps } from '../deps.ts';
import { isResumeVerb } from '../drops/resume-actions.ts';
import { onResumeAction } from '../drops/on-resume-action.ts';
import { messageInvokeResponse } from '../messages.ts';
import { addToJobAction } from './add-to-job.ts';
import { decideAction } from './decide.ts';
import { dispositionChooseAction } from './disposition-choose.ts';
import { dispositionConfirmAction } from './disposition-confirm.ts';
import { dispositionOpenAction } from './disposition-open.ts';
import { dispositionProgressAction } from './disposition-progress.ts';
import { openShortlistAction } from './open-shortlist.ts';
import { showShortlistAction } from './show-shortlist.ts';

/** The `adaptiveCard/action` invoke's value: the verb and data of an Action.Execute, inputs merged into data. */
interface ActionValue {
  action?: { type?: string; verb?: string; data?: unknown };
}

/**
 * A click on one of Skima's cards (Universal Actions): parsed and checked, then handled; the invoke is
 * always answered (with the updated card, or a short message), since Teams shows an error otherwise.
 * A replay of the same click is answered with the card as it is, without deciding twice.
 */
export async function onCardAction(context: TurnContext, deps: TeamsDeps): Promise<void> {
  const value = (context.activity.value ?? {}) as ActionValue;
  if (isResumeVerb(value.action?.verb ?? '')) return onResumeAction(context, deps, value.action!.verb!, value.action?.data ?? {});
  const action = parseCardAction(value.action?.verb ?? '', value.action?.data ?? {});
  if (!action) {
    deps.log.warn({ verb: String(value.action?.verb ?? '').slice(0, 60) }, 'ignored an Adaptive Card action Skima does not know');
    await context.sendActivity(messageInvokeResponse('This card is out of date: ask me for a fresh one with "shortlist <job>".'));
    return;
  }
  const a = context.activity;
  const first = !a.id || (await deps.services.firstDelivery(`teams:${a.conversation.id}:${a.id}`));
  switch (action.kind) {
    case 'decide':
      return decideAction(context, deps, action, first);
    case 'open-shortlist':
      return openShortlistAction(context, deps, action);
    case 'add-to-job':
      return addToJobAction(context, deps, action, first);
    case 'disposition-open':
      return dispositionOpenAction(context, deps, action);
    case 'disposition-choose':
      return dispositionChooseAction(context, deps, action);
    case 'disposition-confirm':
      // Replayed or not, the confirmation's key makes it one batch: answered with its progress.
      return dispositionConfirmAction(context, deps, action);
    case 'disposition-progress':
      return dispositionProgressAction(context, deps, action);
    case 'show-shortlist':
      return showShortlistAction(context, deps, action);
  }
}
