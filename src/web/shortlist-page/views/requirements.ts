import { interviewNotes, type RequirementRow, ROW_STATUS_LABEL, ROW_STATUSES, type RowStatus } from '../../../core/requirements/rows.ts';
import type { ShortlistPage } from '../../../core/shortlist/shortlist-page.ts';
import { html, type Html } from '../html.ts';
import { dateTime } from './layout.ts';

const CHANNEL_LABEL: Record<string, string> = { slack: 'Slack', teams: 'Teams', web: 'the web page', cli: 'the CLI' };

/** The most rows the form draws: the parser keeps at most 40 requirements, people add a few. */
export const MAX_FORM_ROWS = 60;

export interface RequirementsUrls {
  /** Where the form posts. */
  save: string;
  /** The page itself, to reload while re-scoring. */
  page: string;
}

function statusSelect(name: string, id: string, selected: RowStatus, label: string, statuses = ROW_STATUSES): Html {
  return html`<select name="${name}" id="${id}" aria-label="${label}">${statuses.map((s) =>
    html`<option value="${s}"${s === selected ? html` selected` : ''}>${ROW_STATUS_LABEL[s]}</option>`)}</select>`;
}

function ruleNote(r: RequirementRow): string {
  const parts = [r.added ? 'added by a person' : r.rule];
  if (r.edited && !r.added) parts.push('changed by a person');
  parts.push(...interviewNotes(r));
  if (r.terms.length) parts.push(`met by any of: ${r.terms.join(', ')}`);
  return parts.join('; ');
}

function versionLine(page: ShortlistPage): Html {
  const r = page.requirementsEdit;
  if (!r.lastEdit) return html`<p class="small">As Skima read them from the job description; nobody has changed them.</p>`;
  return html`<p class="small">Version ${r.version}, last changed by ${r.lastEdit.by} via
${CHANNEL_LABEL[r.lastEdit.channel] ?? r.lastEdit.channel}, ${dateTime(r.lastEdit.at)}.</p>`;
}

function progress(page: ShortlistPage, urls: RequirementsUrls): Html | '' {
  const n = page.requirementsEdit.rescoring;
  if (n === 0) return '';
  return html`<div class="notice info" role="status" id="rescoring">Re-scoring ${n} application${n === 1 ? '' : 's'}
against these requirements: the shortlist below follows as they are done. <a href="${urls.page}#requirements">Reload</a></div>`;
}

function notApplying(page: ShortlistPage): Html | '' {
  const labels = page.requirementsEdit.notApplying;
  if (labels.length === 0) return '';
  return html`<div class="notice" role="note">The job description changed in Ashby since these were edited:
${labels.join('; ')} ${labels.length === 1 ? 'is' : 'are'} no longer in it, so ${labels.length === 1 ? 'that edit does' : 'those edits do'}
not apply (${labels.length === 1 ? 'it applies' : 'they apply'} again if the description names ${labels.length === 1 ? 'it' : 'them'}).</div>`;
}

function readOnly(page: ShortlistPage): Html {
  const item = (r: ShortlistPage['requirements'][number]) => html`<li>${r.label} <span class="small">(${r.rule}${
    r.edited ? '; changed by a person' : ''}${r.essential ? '; essential' : ''}${interviewNotes(r).map((n) => `; ${n}`).join('')})</span></li>`;
  const must = page.requirements.filter((r) => r.mustHave);
  const nice = page.requirements.filter((r) => !r.mustHave);
  return html`<h3>Must-haves</h3><ul>${must.map(item)}</ul>
${nice.length ? html`<h3>Nice-to-haves</h3><ul>${nice.map(item)}</ul>` : ''}`;
}

function editForm(page: ShortlistPage, csrf: string, urls: RequirementsUrls): Html {
  const rows = page.requirementsEdit.rows.slice(0, MAX_FORM_ROWS);
  return html`<form class="reqs" method="post" action="${urls.save}">
<input type="hidden" name="csrf" value="${csrf}">
<input type="hidden" name="version" value="${page.requirementsEdit.version}">
<table><thead><tr><th scope="col">Requirement</th><th scope="col">Counts as</th></tr></thead><tbody>
${rows.map((r, i) => html`<tr class="${r.status === 'remove' ? 'removed' : ''}"><td><label for="req-${i}">${r.label}</label>
<span class="small">${ruleNote(r)}</span><input type="hidden" name="label_${i}" value="${r.label}"></td>
<td>${statusSelect(`status_${i}`, `req-${i}`, r.status, `How ${r.label} counts`)}</td></tr>`)}
</tbody></table>
<fieldset><legend>Add a requirement</legend>
<label for="add-label">Requirement <span class="small">(as you would write it: "Kubernetes", "5+ years of Go")</span></label>
<input type="text" id="add-label" name="add_label" maxlength="120">
<label for="add-terms">Met by any of <span class="small">(optional, comma-separated: "AWS, GCP, Azure")</span></label>
<input type="text" id="add-terms" name="add_terms" maxlength="400">
<label for="add-status">Counts as</label>
${statusSelect('add_status', 'add-status', 'must', 'How the new requirement counts', ['must', 'essential', 'nice'])}
</fieldset>
<div class="buttons"><button type="submit" class="approve">Save requirements and re-score</button></div>
<p class="small">Saving re-scores every application of this job against these requirements. Your name and the change are
recorded.</p>
</form>`;
}

/** The job's requirements as Skima scores against them; editable for its recruiters and hiring manager. */
export function requirementsSection(page: ShortlistPage, csrf: string, urls: RequirementsUrls, saved: boolean): Html | '' {
  const edit = page.requirementsEdit;
  if (page.requirements.length === 0 && edit.rows.length === 0) return '';
  const must = page.requirements.filter((r) => r.mustHave).length;
  const nice = page.requirements.length - must;
  return html`<section class="reqs-panel" id="requirements" aria-labelledby="req-h">
<h2 id="req-h">Requirements Skima scores against</h2>
${versionLine(page)}
${saved ? html`<div class="notice saved" role="status">Requirements saved as version ${edit.version}.</div>` : ''}
${progress(page, urls)}
${notApplying(page)}
<details class="requirements"><summary>What Skima reads as this job's requirements: ${must} must-have${must === 1 ? '' : 's'}, ${
  nice} nice-to-have${nice === 1 ? '' : 's'}</summary>${readOnly(page)}</details>
${edit.canEdit
  ? html`<details class="edit"${saved || edit.rescoring ? html` open` : ''}><summary>Edit the requirements</summary>
<p class="small">Correct them if Skima read the description wrongly.</p>${editForm(page, csrf, urls)}</details>`
  : ''}
</section>`;
}
