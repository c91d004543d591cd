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
  body.push(para([
    run('Recruiters and admins: ', { weight: 'bolder' }),
    run('send me a PDF or DOCX resume in this chat, "for <job>", to add the person to Ashby after you confirm.'),
  ], { spacing: 'medium' }));
  return adaptiveCard(body, [], problem ? clip(problem, 300) : 'Skima commands');
}
