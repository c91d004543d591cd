import type { PageCandidate, RediscoverPage } from '../../core/rediscovery/rediscover-page.ts';
import { FLAG_PARAMS, formValuesOf, TEXT_PARAMS, type TextParam } from '../../core/rediscovery/rediscover-query.ts';
import { REPORT_STYLESHEET } from '../report-page/styles.ts';
import { html, type Html } from '../shortlist-page/html.ts';
import { date, dateTime, layout } from '../shortlist-page/views/layout.ts';

// The rediscovery page: server-rendered, no script. Built on the report page's stylesheet.
export const REDISCOVER_STYLESHEET_PATH = '/assets/rediscover.css';
export const REDISCOVER_STYLESHEET = `${REPORT_STYLESHEET}
form.range input[type=checkbox]{width:auto}
form.range label.flag{flex-direction:row;gap:.35rem;align-items:center}
ol.results{list-style:none;padding:0;margin:1rem 0}
ol.results>li{background:var(--card);border:1px solid var(--line);border-radius:.5rem;padding:.75rem 1rem;margin:0 0 .75rem}
ol.results h2{margin:0;font-size:1.1rem}
.score{font-weight:650}
ul.reasons{margin:.5rem 0;padding-left:1.25rem}
ul.reasons q{color:var(--muted)}
dl.past{display:grid;grid-template-columns:max-content 1fr;gap:.15rem .75rem;font-size:.9rem;margin:.5rem 0}
dl.past dt{color:var(--muted)}
dl.past dd{margin:0;overflow-wrap:anywhere}
form.add button,form.confirm button{font:inherit;padding:.4rem 1rem;border:0;border-radius:.35rem;background:var(--accent);color:#fff}
.done{border-radius:.5rem;padding:.75rem 1rem;margin:1rem 0;border:1px solid #a8d5b5;background:#e8f5ec}
`;

export interface PageUrls {
  /** The page itself, the filter form's target. */
  page: string;
  /** The page with the current filters: where "back" goes. */
  back: string;
  add: string;
  /** A download of the same results (csv or xlsx), with the page's filters. */
  download: (format: 'csv' | 'xlsx') => string;
}

const LABELS: Record<TextParam, string> = {
  min: 'Lowest score',
  since: 'Active within',
  limit: 'How many',
  job: 'Past job',
  dept: 'Department',
  stage: 'Stage reached',
  tag: 'Tag',
  reason: 'Archive reason',
  source: 'Source',
  location: 'Location',
  recruiter: 'Recruiter (Ashby user id)',
};
const PLACEHOLDERS: Record<TextParam, string> = {
  min: '60',
  since: '180d',
  limit: '10',
  job: 'cashier',
  dept: 'operations',
  stage: 'onsite',
  tag: 'silver medalist',
  reason: 'withdrew',
  source: 'referral',
  location: 'denver',
  recruiter: '',
};
const FLAG_LABELS: Record<(typeof FLAG_PARAMS)[number], string> = {
  active: 'Include people active on another job',
  hired: 'Include people hired elsewhere in the company',
  dnc: 'Include people tagged do-not-contact',
};

function document(title: string, body: Html): string {
  return layout(title, body, REDISCOVER_STYLESHEET_PATH).value;
}

function filterForm(page: RediscoverPage, urls: PageUrls): Html {
  const { text, flags } = formValuesOf(page.words);
  const flagNames = page.canAdd ? FLAG_PARAMS : [];
  return html`<form class="range" method="get" action="${urls.page}" aria-label="Filters">
${TEXT_PARAMS.map((name) => html`<label>${LABELS[name]} <input type="text" name="${name}" value="${text[name] ?? ''}" placeholder="${PLACEHOLDERS[name]}" maxlength="100"></label>`)}
${flagNames.map((name) => html`<label class="flag"><input type="checkbox" name="${name}" value="on"${flags.has(name) ? html` checked` : ''}> ${FLAG_LABELS[name]}</label>`)}
<button type="submit">Search</button>
</form>`;
}

function reasons(c: PageCandidate): Html {
  return html`<ul class="reasons">${c.reasons.map((r) => html`<li>${r.text}${r.quote ? html` <q>${r.quote}</q>` : ''}</li>`)}</ul>`;
}

/** The page's filters, carried through "Add to job" so that "back" returns to the same results. */
function filterFields(words: readonly string[]): Html {
  const { text, flags } = formValuesOf(words);
  return html`${TEXT_PARAMS.filter((n) => text[n]).map((n) => html`<input type="hidden" name="${n}" value="${text[n]}">`)}${[...flags].map((n) => html`<input type="hidden" name="${n}" value="on">`)}`;
}

function addForm(c: PageCandidate, csrf: string, urls: PageUrls, title: string, words: readonly string[]): Html {
  return html`<form class="add" method="post" action="${urls.add}">
<input type="hidden" name="csrf" value="${csrf}">
<input type="hidden" name="ref" value="${c.ref}">
${filterFields(words)}
<button type="submit" aria-label="Add ${title} to the job">Add to job…</button>
</form>`;
}

function result(c: PageCandidate, rank: number, page: RediscoverPage, csrf: string, urls: PageUrls): Html {
  const title = c.candidateName ?? `Past candidate #${rank}`;
  return html`<li id="c-${rank}">
<h2>${rank}. ${title} <span class="score">${c.score}/100</span> <small>(${c.band})</small></h2>
${reasons(c)}
${c.missing.length ? html`<p class="meta">Missing: ${c.missing.join('; ')}</p>` : null}
<dl class="past">
<dt>Past job</dt><dd>${c.pastJobTitle}</dd>
<dt>Status</dt><dd>${c.pastStatus}${c.pastStage ? ` (${c.pastStage})` : ''}</dd>
${c.archiveReason ? html`<dt>Archive reason</dt><dd>${c.archiveReason}</dd>` : null}
${c.source ? html`<dt>Source</dt><dd>${c.source}</dd>` : null}
<dt>Last activity</dt><dd>${date(c.lastActivityAt)}</dd>
</dl>
${page.canAdd ? addForm(c, csrf, urls, title, page.words) : null}
</li>`;
}

function resultsSection(page: RediscoverPage, csrf: string, urls: PageUrls): Html {
  if (page.problem) return html`<p class="notice" role="alert">${page.problem}</p>`;
  if (page.filterError) return html`<p class="notice" role="alert">${page.filterError}</p>`;
  const list = page.candidates.length
    ? html`<ol class="results">${page.candidates.map((c, i) => result(c, i + 1, page, csrf, urls))}</ol>`
    : html`<p>No qualified past candidate found with these filters.</p>`;
  return html`<p class="meta" id="summary">${page.candidates.length} qualified past candidates out of ${page.considered} considered</p>
${list}
<h2>Downloads</h2>
<ul class="exports"><li><a href="${urls.download('csv')}">These results (CSV)</a></li><li><a href="${urls.download('xlsx')}">These results (XLSX)</a></li></ul>`;
}

/** The whole rediscovery page. */
export function rediscoverPage(page: RediscoverPage, csrf: string, urls: PageUrls): string {
  const who = page.canAdd
    ? html`For ${page.reader.name}.`
    : html`For ${page.reader.name}, on the hiring team: this link reads only; a recruiter adds candidates to the job.`;
  return document(
    `Rediscovery: ${page.job.title} - Skima`,
    html`<main id="main">
<p class="brand">Skima</p>
<h1>Past candidates for ${page.job.title}</h1>
<p class="meta">${who} This link works until ${dateTime(page.expiresAt)}; please don't forward it.</p>
${filterForm(page, urls)}
${page.dropped.length ? html`<p class="notice" role="status">Left out: ${page.dropped.join(', ')} (for recruiters and admins only).</p>` : null}
${resultsSection(page, csrf, urls)}
</main>`,
  );
}

/** "Add to job" asks once more before anything is written to Ashby. */
export function confirmPage(
  input: { candidateLabel: string; jobTitle: string; ref: string; words: readonly string[] },
  csrf: string,
  urls: PageUrls,
): string {
  return document(
    'Add to job? - Skima',
    html`<main id="main">
<p class="brand">Skima</p>
<h1>Add ${input.candidateLabel} to ${input.jobTitle}?</h1>
<p>Skima creates their application on this job in Ashby, with a note saying why (the score and its reasons), and screens it like any other.</p>
<form class="confirm" method="post" action="${urls.add}">
<input type="hidden" name="csrf" value="${csrf}">
<input type="hidden" name="ref" value="${input.ref}">
<input type="hidden" name="confirm" value="yes">
${filterFields(input.words)}
<button type="submit">Yes, add to ${input.jobTitle}</button>
</form>
<p><a href="${urls.back}">Cancel, back to the results</a></p>
</main>`,
  );
}

/** What "Add to job" did. */
export function addedPage(outcome: { status: 'added' | 'already'; jobTitle: string; score?: number | null }, urls: PageUrls): string {
  const message = outcome.status === 'added'
    ? `Added to ${outcome.jobTitle} in Ashby, with a note saying why${outcome.score === null || outcome.score === undefined ? '' : ` (${outcome.score}/100)`}. Skima screens the new application now.`
    : `Already added: there is an application on ${outcome.jobTitle} in Ashby. Nothing changed.`;
  return document(
    `${outcome.status === 'added' ? 'Added' : 'Already added'} - Skima`,
    html`<main id="main">
<p class="brand">Skima</p>
<h1>${outcome.status === 'added' ? 'Added to the job' : 'Already added'}</h1>
<p class="done" role="status">${message}</p>
<p><a href="${urls.back}">Back to the results</a></p>
</main>`,
  );
}

/** A page that cannot show results: what happened, what to do. Nothing about any job or candidate. */
export function plainRediscoverPage(title: string, message: string): string {
  return document(
    `${title} - Skima`,
    html`<main id="main"><p class="brand">Skima</p><h1>${title}</h1><p>${message}</p>
<p>To get a new link, run <code>/skima rediscover</code> in Slack and press "Open in browser", or ask an admin (<code>skima links rediscover</code>).</p></main>`,
  );
}
