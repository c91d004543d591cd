/** Where a batch's progress card is (the message whose card turned into it), and what it shows: given to
 * the core by `followDisposition` and handed back to the front door to draw the final count. */
export interface TeamsProgressRef {
  conversationId: string;
  activityId: string;
  serviceUrl: string;
  jobId: string;
  batchId: string;
  action: 'advance' | 'archive';
}

/** A stored progress ref, or null when it is not one of these (damaged, or from another version). */
export function parseTeamsProgressRef(json: unknown): TeamsProgressRef | null {
  const r = json as Partial<TeamsProgressRef> | null;
  const text = (v: unknown) => typeof v === 'string' && v.length > 0;
  if (!r || ![r.conversationId, r.activityId, r.serviceUrl, r.jobId, r.batchId].every(text)) return null;
  if (r.action !== 'advance' && r.action !== 'archive') return null;
  const { conversationId, activityId, serviceUrl, jobId, batchId, action } = r as TeamsProgressRef;
  return { conversationId, activityId, serviceUrl, jobId, batchId, action };
}
