import type { DispositionChoices, DispositionPlan } from '../../../core/disposition/index.ts';
import type { PageActTarget, PageChoice } from '../../../core/shortlist/page-disposition.ts';
import type { DispositionProgress } from '../../../core/disposition/index.ts';
import { html, type Html } from '../html.ts';
import { layout } from './layout.ts';

// The advance/archive steps of the shortlist page: pick (a stage, or a reason and an optional email),
// confirm once (how many, which stage or reason), then watch the batch until its final count.
// Server-rendered like the page; the progress page refreshes itself with a meta refresh, no script.

export interface ActUrls {
  page: string;
  confirm: string;
  start: string;
}

const VERB = { advance: 'Advance', archive: 'Archive' } as const;
const plural = (n: number, one = 'candidate') => `${n} ${one}${n === 1 ? '' : 's'}`;

function frame(title: string, body: Html, head: Html | '' = ''): string {
  return layout(`${title} - Skima`, html`<main id="main" class="wrap act">
<p class="brand">Skima shortlist</p>
${body}
</main>`, undefined, head).value;
}

/** The selection, carried from step to step in hidden fields (references only, never ids or names). */
function selectionFields(t: PageActTarget, csrf: string): Html {
  const s = t.selection;
  return html`<input type="hidden" name="csrf" value="${csrf}">
<input type="hidden" name="action" value="${s.action}">
${s.skipped ? html`<input type="hidden" name="skipped" value="1">` : s.refs.map((r) => html`<input type="hidden" name="sel[]" value="${r}">`)}`;
}

function whom(t: PageActTarget): Html {
  const what = t.selection.skipped
    ? html`<p>Every skipped candidate of this job that is still active: <strong>${plural(t.labels.length)}</strong>.</p>`
    : html`<p><strong>${plural(t.labels.length)}</strong>:</p>`;
  return html`${what}<ul class="who-list">${t.labels.map((l) => html`<li>${l}</li>`)}</ul>`;
}

/** Step 1: what to pick. Advance: a stage of their plan, or the next one; archive: a reason (required)
 * and an email template (none unless the person picks one). */
export function actOptionsPage(t: PageActTarget, choices: DispositionChoices, csrf: string, urls: ActUrls): string {
  const action = t.selection.action;
  const fields = action === 'advance'
    ? html`<label for="stage">Move to</label>
<select id="stage" name="stage">
<option value="">The next stage of each one's interview plan</option>
${choices.stages.map((s) => html`<option value="${s.id}">${s.title}</option>`)}
</select>
${choices.stages.length ? '' : html`<p class="small">They are not all on one interview plan, so each moves to its own next stage.</p>`}`
    : html`<label for="reason">Archive reason <span class="small">(from Ashby)</span></label>
<select id="reason" name="reason" required>
<option value="">Pick a reason…</option>
${choices.reasons.map((r) => html`<option value="${r.id}">${r.text}</option>`)}
</select>
<label for="template">Rejection email <span class="small">(optional: Ashby sends it only if you pick one)</span></label>
<select id="template" name="template">
<option value="">No email</option>
${choices.templates.map((tpl) => html`<option value="${tpl.id}">${tpl.title}</option>`)}
</select>`;
  return frame(`${VERB[action]} candidates`, html`<h1>${VERB[action]} ${plural(t.labels.length)}</h1>
${whom(t)}
<form class="act-form" method="post" action="${urls.confirm}">
${selectionFields(t, csrf)}
${fields}
<div class="buttons"><button type="submit" class="primary">Continue</button>
<a href="${urls.page}">Cancel and go back</a></div>
</form>
<p class="small">Nothing changes in Ashby until you confirm on the next page.</p>`);
}

/** Step 2: the one confirmation, naming how many and which stage or reason, and who was left out. */
export function actConfirmPage(
  t: PageActTarget & { plan: DispositionPlan },
  choice: PageChoice,
  csrf: string,
  nonce: string,
  urls: ActUrls,
): string {
  const { plan } = t;
  const label = new Map(t.applicationIds.map((id, i) => [id, t.labels[i]!]));
  const action = t.selection.action;
  return frame('Confirm', html`<h1>Confirm</h1>
<p class="question" role="status"><strong>${plan.question}</strong></p>
${plan.refused.length
  ? html`<div class="notice info"><p>Left out:</p><ul>${plan.refused.map((r) => html`<li>${label.get(r.applicationId) ?? 'A candidate'}: ${r.why}</li>`)}</ul></div>`
  : ''}
<form class="act-form" method="post" action="${urls.start}">
${selectionFields(t, csrf)}
${choice.stageId ? html`<input type="hidden" name="stage" value="${choice.stageId}">` : ''}
${choice.archiveReasonId ? html`<input type="hidden" name="reason" value="${choice.archiveReasonId}">` : ''}
${choice.emailTemplateId ? html`<input type="hidden" name="template" value="${choice.emailTemplateId}">` : ''}
<input type="hidden" name="key" value="${nonce}">
<div class="buttons"><button type="submit" class="${action === 'archive' ? 'danger' : 'primary'}">Yes, ${action} ${plural(plan.items.length)}</button>
<a href="${urls.page}">Cancel and go back</a></div>
</form>
<p class="small">Skima makes each change in Ashby as its own job, records it in the audit log with your name, and shows the progress next.</p>`);
}

/** Step 3: done, failed and why, still pending; refreshes every two seconds until the final count. */
export function actProgressPage(
  p: DispositionProgress & { named: Array<{ label: string; why: string }> },
  summary: string,
  pageUrl: string,
): string {
  const verb = p.action === 'archive' ? 'Archived' : 'Advanced';
  const head = p.finished ? '' : html`<meta http-equiv="refresh" content="2">\n`;
  return frame(p.finished ? 'Done' : 'Working…', html`<h1>${p.finished ? 'Done' : 'Working…'}</h1>
<p class="final" role="status" aria-live="polite"><strong>${summary}</strong></p>
<dl class="counts">
<div><dt>${verb}</dt><dd class="n-done">${p.done}</dd></div>
<div><dt>Unchanged</dt><dd class="n-unchanged">${p.unchanged}</dd></div>
<div><dt>Failed</dt><dd class="n-failed">${p.failed}</dd></div>
<div><dt>Pending</dt><dd class="n-pending">${p.queued}</dd></div>
</dl>
${p.named.length ? html`<h2>Failed, and why</h2><ul class="failures">${p.named.map((f) => html`<li>${f.label}: ${f.why}</li>`)}</ul>` : ''}
${p.finished ? '' : html`<p class="small">This page refreshes by itself until every change is made.</p>`}
<p><a href="${pageUrl}">Back to the shortlist</a></p>`, head);
}

/** Why the person may not do it, or what to fix: names no job and no candidate. */
export function actRefusedPage(title: string, why: string, pageUrl: string): string {
  return frame(title, html`<h1>${title}</h1><p>${why}</p><p><a href="${pageUrl}">Back to the shortlist</a></p>`);
}
