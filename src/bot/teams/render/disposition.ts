import type { DispositionChoiceList, DispositionStatus } from '../../ports.ts';
import { DISPOSITION_INPUT, type DispositionPicked, NEXT_STAGE, NO_EMAIL, VERB } from '../card-actions.ts';
import { type AcNode, adaptiveCard, type AdaptiveCardJson, clip, execute, line } from '../card-json.ts';

// Advance… / Archive… on the Teams card, as three cards that replace the clicked one in turn: the
// choices, the one confirmation, then the batch's progress and final count. Each keeps a way back to
// the shortlist. Names and the core's words are text runs (no markdown).

const choice = (title: string, value: string) => ({ title: clip(title, 120), value });
const verbOf = (action: 'advance' | 'archive') => (action === 'advance' ? 'Advance' : 'Archive');

function backToShortlist(jobId: string, title = 'Back to the shortlist'): AcNode {
  return execute(title, VERB.showShortlist, { jobId }, { associatedInputs: 'none' });
}

/**
 * What to pick. Advance: the stage (the next one of its plan preselected, or one of the plan's stages).
 * Archive: one of Ashby's archive reasons (required) and a rejection email template, "No email" unless
 * the person picks one. Continuing leads to the confirmation, not to the change.
 */
export function dispositionChooseCard(
  target: { jobId: string; applicationId: string; action: 'advance' | 'archive' },
  label: string,
  choices: DispositionChoiceList,
  problem?: string,
): AdaptiveCardJson {
  const body: AcNode[] = [line(clip(`${verbOf(target.action)} ${label} in Ashby`, 200), { weight: 'bolder', size: 'medium' })];
  if (problem) body.push(line(clip(problem, 500), { color: 'attention' }));
  if (target.action === 'advance') {
    body.push({
      type: 'Input.ChoiceSet',
      id: DISPOSITION_INPUT.stage,
      label: 'Move to',
      style: 'compact',
      isRequired: true,
      errorMessage: 'Pick a stage.',
      value: NEXT_STAGE,
      choices: [
        choice('The next stage of its interview plan', NEXT_STAGE),
        ...choices.stages.slice(0, 99).map((s) => choice(s.title, s.id)),
      ],
    });
  } else {
    body.push({
      type: 'Input.ChoiceSet',
      id: DISPOSITION_INPUT.reason,
      label: 'Archive reason (from Ashby)',
      style: 'compact',
      isRequired: true,
      errorMessage: 'Pick one of Ashby\'s archive reasons.',
      placeholder: 'Pick a reason',
      choices: choices.reasons.slice(0, 100).map((r) => choice(r.text, r.id)),
    });
    body.push({
      type: 'Input.ChoiceSet',
      id: DISPOSITION_INPUT.template,
      label: 'Rejection email (Ashby sends one only if you pick a template)',
      style: 'compact',
      value: NO_EMAIL,
      choices: [choice('No email', NO_EMAIL), ...choices.templates.slice(0, 99).map((t) => choice(t.title, t.id))],
    });
  }
  const { jobId, applicationId, action } = target;
  return adaptiveCard(
    body,
    [
      execute('Continue', VERB.dispositionChoose, { jobId, applicationId, action }, { associatedInputs: 'auto' }),
      backToShortlist(jobId, 'Cancel'),
    ],
    `${verbOf(action)} ${label}: pick what happens`,
  );
}

/** The one confirmation: the core's question (how many, which stage or reason); `key` names it. */
export function dispositionConfirmCard(picked: DispositionPicked, question: string, key: string): AdaptiveCardJson {
  const { jobId, applicationId, action } = picked;
  const data: Record<string, string> = { jobId, applicationId, action, key };
  if (picked.stageId) data.stageId = picked.stageId;
  if (picked.archiveReasonId) data.archiveReasonId = picked.archiveReasonId;
  if (picked.emailTemplateId) data.emailTemplateId = picked.emailTemplateId;
  return adaptiveCard(
    [
      line(clip(question, 500), { weight: 'bolder', size: 'medium' }),
      line('Skima makes the change in Ashby as a queued job, records it in the audit log with your name, and shows the final count on this card.', { isSubtle: true }),
    ],
    [
      execute(picked.action === 'advance' ? 'Yes, advance' : 'Yes, archive', VERB.dispositionConfirm, data, {
        associatedInputs: 'none',
        ...(picked.action === 'archive' ? { style: 'destructive' as const } : { style: 'positive' as const }),
      }),
      backToShortlist(picked.jobId, 'Cancel'),
    ],
    question,
  );
}

/** A batch's progress, then its final count and why anything failed (the core's words, no candidate named). */
export function dispositionProgressCard(
  b: { jobId: string; batchId: string; action: 'advance' | 'archive' },
  p: DispositionStatus | null,
): AdaptiveCardJson {
  const doing = b.action === 'advance' ? 'Advancing' : 'Archiving';
  const head = !p
    ? `${doing} in Ashby…`
    : p.finished
      ? `${p.failed ? '⚠️' : '✅'} ${p.summary}`
      : `⏳ ${doing}: ${p.total - p.queued} of ${p.total} done (${p.summary})`;
  const body: AcNode[] = [line(clip(head, 300), { weight: 'bolder', size: 'medium' })];
  for (const why of p?.failures.slice(0, 10) ?? []) body.push(line(clip(`• ${why}`, 300), { isSubtle: true }, { spacing: 'none' }));
  if ((p?.failures.length ?? 0) > 10) body.push(line(`…and ${p!.failures.length - 10} more`, { isSubtle: true }, { spacing: 'none' }));
  const actions: AcNode[] = [];
  if (!p?.finished) actions.push(execute('Refresh', VERB.dispositionProgress, { jobId: b.jobId, batchId: b.batchId, action: b.action }, { associatedInputs: 'none' }));
  actions.push(backToShortlist(b.jobId));
  return adaptiveCard(body, actions, head);
}
