import { type Block, checkMessage, clip, escapeMrkdwn, type SlackMessage } from '../block-kit.ts';
import { type StatusReport, type WaitingOnManager, waitingOnLine } from '../../ports.ts';
import { ago } from '../../chat-words.ts';

/** `/skima status`: sync health, queue depth, the last webhook and recent errors (no personal data). */
export function statusMessage(s: StatusReport, now = new Date()): SlackMessage {
  const sync = s.sync.length
    ? s.sync.map((r) => `${r.stale ? '⚠️' : '✅'} ${escapeMrkdwn(r.resource)}: ${ago(r.lastSyncAt, now)}`).join('\n')
    : 'No sync has run yet.';
  const queues = Object.entries(s.queue)
    .filter(([, q]) => q.queued + q.running + q.failed + q.dead > 0)
    .map(([name, q]) => `${q.dead ? '⚠️' : '•'} ${escapeMrkdwn(name)}: ${q.queued} queued, ${q.running} running, ${q.failed} retrying, ${q.dead} dead`);
  const errors = s.errors.slice(0, 10).map(
    (e) => `• ${escapeMrkdwn(e.source)}: ${escapeMrkdwn(clip(e.message, 200))} (${e.count}×, last ${ago(e.at, now)})`,
  );
  // Sync and queue are a line per resource and per queue (a few dozen at most): clipped shorter than the
  // rest so every section together stays inside a message's text budget (block-kit.ts).
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Skima status' } },
    { type: 'section', text: { type: 'mrkdwn', text: clip(`*Ashby sync*\n${sync}`, 1500) } },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: clip(`*Queue*\n${queues.length ? queues.join('\n') : 'Idle: nothing queued.'}`, 1500) },
    },
    { type: 'section', text: { type: 'mrkdwn', text: `*Last Ashby webhook*: ${ago(s.lastWebhookAt, now)}` } },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: clip(`*Recent errors*\n${errors.length ? errors.join('\n') : 'None.'}`, 3000) },
    },
  ];
  if (s.waiting?.length) {
    // Names and titles clipped so fifteen lines and the count of the rest fit one section.
    const line = (w: WaitingOnManager) =>
      waitingOnLine({ ...w, managerName: clip(w.managerName, 60), jobTitle: clip(w.jobTitle, 100) });
    const waiting = s.waiting.slice(0, 15).map((w) => `• ${escapeMrkdwn(line(w))}`);
    if (s.waiting.length > 15) waiting.push(`…and ${s.waiting.length - 15} more`);
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(`*Waiting on*\n${waiting.join('\n')}`, 3000) } });
  }
  if (s.applications) {
    const a = s.applications;
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `${a.screened} screened · ${a.pending} pending · ${a.unscorable} could not be scored` }],
    });
  }
  if (s.pool) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `Rediscovery pool: ${s.pool.indexed} of ${s.pool.candidates} candidates indexed` }],
    });
  }
  const healthy = !s.errors.length && s.sync.every((r) => !r.stale);
  return checkMessage({ text: healthy ? 'Skima status: healthy' : 'Skima status: needs attention', blocks });
}
