import type { ChatServices } from '../ports.ts';

/** Where a Teams card was posted, to update it in place (PUT /v3/conversations/{id}/activities/{activityId}). */
export interface TeamsCardRef {
  conversationId: string;
  activityId: string;
  serviceUrl: string;
}

/** The core's services as the Teams front door sees them: card refs are Teams activities. */
export type TeamsServices = ChatServices<TeamsCardRef>;

/** A stored card ref, or null when it is not a Teams activity's (damaged, or written by another version). */
export function parseTeamsCardRef(json: unknown): TeamsCardRef | null {
  const ref = json as Partial<TeamsCardRef> | null;
  return typeof ref?.conversationId === 'string' && typeof ref.activityId === 'string' && typeof ref.serviceUrl === 'string'
    ? { conversationId: ref.conversationId, activityId: ref.activityId, serviceUrl: ref.serviceUrl }
    : null;
}
