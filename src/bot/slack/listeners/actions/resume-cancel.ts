import { blockActionSchema, clickedMessage } from '../../payloads.ts';
import { textMessage } from '../../render/help.ts';
import type { ActionArgs, ListenerDeps } from '../deps.ts';

/** "Cancel" under a dropped resume's preview: nothing is created, and the buttons go. */
export async function resumeCancelAction({ body, ack }: ActionArgs, deps: ListenerDeps) {
  await ack();
  const payload = blockActionSchema.safeParse(body);
  if (!payload.success) return;
  const where = clickedMessage(payload.data);
  if (!where) return;
  await deps.slack.updateMessage(where, textMessage('Cancelled: nothing was added to Ashby.')).catch((err: unknown) => {
    deps.log.warn({ err }, 'could not update a cancelled resume preview');
  });
}
