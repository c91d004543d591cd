import { type StatusReport, waitingOnLine } from '../../ports.ts';
import { ago } from '../../chat-words.ts';
import { type AcNode, type AdaptiveCardJson, adaptiveCard, clip, heading, line } from '../card-json.ts';

const section = (title: string, lines: string[]): AcNode[] => [
  line(title, { weight: 'bolder' }, { separator: true }),
  ...lines.map((text) => line(text, {}, { spacing: 'none' })),
];

/** `status`: sync health, queue depth, the last webhook and recent errors (no personal data). */
export function statusAdaptiveCard(s: StatusReport, now = new Date()): AdaptiveCardJson {
  const sync = s.sync.length
    ? s.sync.map((r) => `${r.stale ? '⚠️' : '✅'} ${r.resource}: ${ago(r.lastSyncAt, now)}`)
    : ['No sync has run yet.'];
  const queues = Object.entries(s.queue)
    .filter(([, q]) => q.queued + q.running + q.failed + q.dead > 0)
    .map(([name, q]) => `${q.dead ? '⚠️' : '•'} ${name}: ${q.queued} queued, ${q.running} running, ${q.failed} retrying, ${q.dead} dead`);
  const errors = s.errors.slice(0, 10).map((e) => `• ${clip(e.source, 80)}: ${clip(e.message, 200)} (${e.count}×, last ${ago(e.at, now)})`);
  const body: AcNode[] = [
    heading('Skima status'),
    ...section('Ashby sync', sync.slice(0, 30)),
    ...section('Queue', queues.length ? queues.slice(0, 30) : ['Idle: nothing queued.']),
    ...section('Last Ashby webhook', [ago(s.lastWebhookAt, now)]),
    ...section('Recent errors', errors.length ? errors : ['None.']),
  ];
  if (s.waiting?.length) {
    const waiting = s.waiting.slice(0, 15).map((w) => `• ${clip(waitingOnLine(w), 300)}`);
    if (s.waiting.length > 15) waiting.push(`…and ${s.waiting.length - 15} more`);
    body.push(...section('Waiting on', waiting));
  }
  if (s.applications) {
    const a = s.applications;
    body.push(line(`${a.screened} screened · ${a.pending} pending · ${a.unscorable} could not be scored`, { isSubtle: true }, { separator: true }));
  }
  if (s.pool) body.push(line(`Rediscovery pool: ${s.pool.indexed} of ${s.pool.candidates} candidates indexed`, { isSubtle: true }));
  const healthy = !s.errors.length && s.sync.every((r) => !r.stale);
  return adaptiveCard(body, [], healthy ? 'Skima status: healthy' : 'Skima status: needs attention');
}
