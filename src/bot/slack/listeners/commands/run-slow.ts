import { SlackDeliveryError } from '../../errors.ts';
import { helpMessage, textMessage } from '../../render/help.ts';
import { UsageError } from '../../../ports.ts';
import type { SlackMessage } from '../../block-kit.ts';
import type { Ack, ListenerDeps, Respond } from '../deps.ts';

/**
 * A command whose work takes longer than Slack's 3-second ack window: answer at once with what is
 * happening, then replace that answer with the result (via response_url). Failures are answered too,
 * never left as a spinner: a usage error with the usage, anything else with a pointer to status.
 */
export async function runSlow(
  name: string,
  io: { ack: Ack; respond: Respond },
  deps: ListenerDeps,
  working: string,
  work: () => Promise<SlackMessage>,
): Promise<void> {
  await io.ack({ response_type: 'ephemeral', ...textMessage(working) });
  let result: SlackMessage;
  try {
    result = await work();
  } catch (err) {
    if (err instanceof UsageError) {
      result = helpMessage(err.message);
    } else {
      const code = err instanceof SlackDeliveryError ? err.failure.code : err instanceof Error ? err.name : 'error';
      deps.log.error({ err, command: name }, 'a /skima command failed');
      await deps.services.reportError({ source: `slack:/skima ${name}`, message: code }).catch(() => {});
      result = textMessage(`Sorry, \`/skima ${name}\` failed (${code}). \`/skima status\` lists recent errors.`);
    }
  }
  await io.respond({ response_type: 'ephemeral', replace_original: true, ...result });
}
