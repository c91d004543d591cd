import { type Activity, CardFactory, MessageFactory } from 'botbuilder';
import type { AdaptiveCardJson } from './adaptive-card.ts';

/** A message holding one Adaptive Card; its fallback text is what notifications show. */
export function cardMessage(card: AdaptiveCardJson): Partial<Activity> {
  const message = MessageFactory.attachment(CardFactory.adaptiveCard(card));
  if (card.fallbackText) message.summary = card.fallbackText;
  return message;
}

export function textMessage(text: string): Partial<Activity> {
  return MessageFactory.text(text);
}

/** The answer to an `adaptiveCard/action` invoke that replaces the clicked card (Universal Actions). */
export function cardInvokeResponse(card: AdaptiveCardJson): Partial<Activity> {
  return invokeResponse({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card });
}

/** The answer to an `adaptiveCard/action` invoke that leaves the card as it is and shows a short message. */
export function messageInvokeResponse(text: string): Partial<Activity> {
  return invokeResponse({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text });
}

function invokeResponse(body: object): Partial<Activity> {
  return { type: 'invokeResponse', value: { status: 200, body } };
}

/** Said to anyone who may not see a job, and for jobs that do not exist: the two are indistinguishable. */
export const NO_ACCESS =
  'I can\'t show you that. If you think you should see this job\'s shortlist, ask its recruiter to add you to the hiring team in Ashby.';
export const NOT_MATCHED =
  'I couldn\'t match your Teams account to an Ashby user by email, so I can\'t show you shortlists. '
  + 'Ask your Ashby admin to check that your Microsoft 365 email is the one on your Ashby account.';
export const RECRUITERS_ONLY = 'Only Ashby users with a recruiting or admin role can do that.';
export const NO_PERSONAL_CHAT =
  'I can only send shortlists in our 1:1 chat, and we have none yet: open Skima from the Teams apps (Apps → Skima → Open) '
  + 'or send me a message there, then ask again.';
