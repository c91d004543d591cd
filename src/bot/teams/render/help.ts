import { type AdaptiveCardJson, adaptiveCard, clip, heading, line, para, run } from '../card-json.ts';
import { TEAMS_COMMANDS } from '../command-list.ts';

/** The commands, led by what went wrong when a message was not understood. */
export function helpAdaptiveCard(problem?: string): AdaptiveCardJson {
  const body = [heading('Skima — AI screening for Ashby, in Teams')];
  if (problem) body.push(line(clip(problem, 1500), { color: 'attention' }));
  body.push(line('Type a command to me in a chat, or @mention me first in a channel:', { isSubtle: true }));
  for (const c of TEAMS_COMMANDS) {
    body.push(para([run(c.usage, { weight: 'bolder' }), run(` — ${c.description}`)], { spacing: 'small' }));
  }
  return adaptiveCard(body, [], problem ? clip(problem, 300) : 'Skima commands');
}
