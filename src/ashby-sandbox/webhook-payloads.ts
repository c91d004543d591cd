import type { OrgState } from './org-state.ts';
import { applicationJson } from './serialize.ts';

/** Webhook `application` payloads use the list shape (no resume handle, no history). */
export function serializeForWebhook(org: OrgState, applicationIndex: number) {
  return applicationJson(org, applicationIndex);
}
