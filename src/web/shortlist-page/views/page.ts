import type { CardDecision, Verdict } from '../../../bot/card-model.ts';
import type { PageCandidate, PastDecision, ShortlistPage } from '../../../core/shortlist/shortlist-page.ts';
import { html, type Html } from '../html.ts';
import { date, dateTime, layout } from './layout.ts';
import { requirementsSection, type RequirementsUrls } from './requirements.ts';

const VERDICT_LABEL: Record<Verdict, string> = { approve: 'Approved', skip: 'Skipped', maybe: 'Maybe' };
const CHANNEL_LABEL: Record<string, string> = { slack: 'Slack', teams: 'Teams', web: 'the web page', cli: 'the CLI' };

export interface PageUrls extends RequirementsUrls {
  decide: string;
  /** Where the advance/archive forms post (their first step). */
  act: string;
  evidence: (ref: string) => string;
}

/** The candidate's heading: their name, or in redaction mode only their rank. */
function candidateTitle(c: PageCandidate): string {
  return c.candidateName ?? `Candidate #${c.rank}`;
}

function decisionLine(prefix: string, d: CardDecision, reviewerName: string | null): Html {
  return html`<p class="decision ${d.verdict}">${prefix}: <strong>${VERDICT_LABEL[d.verdict]}</strong>
${reviewerName ? html` by ${reviewerName}` : ''} via ${CHANNEL_LABEL[d.channel] ?? d.channel}, ${dateTime(d.at)}
${d.note ? html`<br>Note: “${d.note}”` : ''}</p>`;
}

function reasons(c: PageCandidate): Html {
  return html`<ul class="reasons">${c.reasons.map((r, i) => {
    const ctx = c.contexts[i]!;
    const short = ctx.quote.length > 90 ? `${ctx.quote.slice(0, 87).trimEnd()}…` : ctx.quote;
    return html`<li>${r.text}
<details><summary><span class="visually-hidden">Show in context the quote </span>“${short}”</summary>
<blockquote>${ctx.before ? html`…${ctx.before}` : ''}<mark>${ctx.quote}</mark>${ctx.after ? html`${ctx.after}…` : ''}</blockquote>
</details></li>`;
  })}</ul>`;
}

export interface Acting {
  /** Skipped candidates of the job still active ("Archive all N skipped…"). */
  skipped: number;
  /** The reasons a Skip may give (optional). */
  skipReasons: Array<{ id: string; text: string }>;
}

function decideForm(c: PageCandidate, csrf: string, urls: PageUrls, reasons: Acting['skipReasons']): Html {
  const id = `note-${c.ref}`;
  const reasonId = `skip-reason-${c.ref}`;
  const title = candidateTitle(c);
  return html`<form class="decide" method="post" action="${urls.decide}">
<input type="hidden" name="csrf" value="${csrf}">
<input type="hidden" name="ref" value="${c.ref}">
<label for="${id}">Note <span class="small">(optional, saved to Ashby)</span></label>
<textarea id="${id}" name="note" maxlength="2000" rows="2"></textarea>
${reasons.length
  ? html`<label for="${reasonId}">Reason, if you skip <span class="small">(optional, saved to Ashby)</span></label>
<select id="${reasonId}" name="skip_reason" class="skip-reason"><option value="">No reason</option>
${reasons.map((r) => html`<option value="${r.id}">${r.text}</option>`)}</select>`
  : ''}
<div class="buttons" role="group" aria-label="Decision on ${title}">
<button type="submit" class="approve" name="verdict" value="approve">Approve</button>
<button type="submit" class="maybe" name="verdict" value="maybe">Maybe</button>
<button type="submit" class="skip" name="verdict" value="skip">Skip</button>
<a class="evidence" href="${urls.evidence(c.ref)}">Evidence PDF</a>
</div>
</form>`;
}

/** The bulk form's id: each candidate's checkbox belongs to it through the form attribute. */
const BULK_FORM = 'bulk';

/** "Advance…" and "Archive…" for one candidate: the first step of a confirmed move in Ashby. */
function actForm(c: PageCandidate, csrf: string, urls: PageUrls): Html {
  return html`<form class="act" method="post" action="${urls.act}">
<input type="hidden" name="csrf" value="${csrf}">
<input type="hidden" name="ref" value="${c.ref}">
<div class="buttons" role="group" aria-label="In Ashby: ${candidateTitle(c)}">
<button type="submit" class="secondary" name="action" value="advance">Advance…</button>
<button type="submit" class="secondary" name="action" value="archive">Archive…</button>
</div>
</form>`;
}

/** Select several and act once, or archive every skipped candidate of the job. */
function bulkForms(page: ShortlistPage, csrf: string, urls: PageUrls, skipped: number): Html {
  return html`<section class="bulk" aria-labelledby="bulk-h"><h2 id="bulk-h">Several at once</h2>
<form id="${BULK_FORM}" method="post" action="${urls.act}">
<input type="hidden" name="csrf" value="${csrf}">
<p class="small">Tick candidates below, then:</p>
<div class="buttons"><button type="submit" class="secondary" name="action" value="advance">Advance selected…</button>
<button type="submit" class="secondary" name="action" value="archive">Archive selected…</button></div>
</form>
${skipped
  ? html`<form method="post" action="${urls.act}">
<input type="hidden" name="csrf" value="${csrf}">
<input type="hidden" name="action" value="archive">
<input type="hidden" name="skipped" value="1">
<div class="buttons"><button type="submit" class="secondary">Archive all ${skipped} skipped…</button>
<span class="small">every candidate of this job skipped by a hiring manager and still active; you pick the reason next</span></div>
</form>`
  : ''}
</section>`;
}

function candidate(c: PageCandidate, page: ShortlistPage, csrf: string, urls: PageUrls, acting: Acting): Html {
  const mine = c.reviewerDecision;
  const other = c.latestDecision && c.latestDecision !== mine && c.latestDecision.reviewerId !== page.reviewer.id
    ? c.latestDecision
    : null;
  const headingId = `h-${c.ref}`;
  return html`<li class="cand ${mine?.verdict === 'approve' ? 'approved' : mine?.verdict === 'maybe' ? 'maybe' : ''}" id="c-${c.ref}">
<article aria-labelledby="${headingId}">
<div class="cand-head">${page.reviewer.canDecide
  ? html`<input type="checkbox" class="pick" name="sel[]" value="${c.ref}" form="${BULK_FORM}" id="pick-${c.ref}" aria-label="Select ${candidateTitle(c)}">`
  : ''}<span class="rank" aria-hidden="true">#${c.rank}</span>
<h2 id="${headingId}"><span class="visually-hidden">Rank ${c.rank}: </span>${candidateTitle(c)}</h2>
<span class="band">${c.band}</span></div>
<div class="score"><span class="num">${c.score}</span><span class="of">/ 100</span>
<span class="bar" aria-hidden="true"><span class="fill w-${Math.max(0, Math.min(100, Math.round(c.score)))}"></span></span>
<span class="visually-hidden">Score ${c.score} out of 100, ${c.band}</span></div>
${reasons(c)}
${c.missing.length ? html`<p class="missing"><strong>Missing must-haves:</strong> ${c.missing.join('; ')}</p>` : ''}
<p class="small">Scored ${date(c.scoredAt)} by ${c.scorerVersion}</p>
${mine ? decisionLine('Your decision', mine, null) : ''}
${other ? decisionLine('Latest decision', other, other.reviewerName) : ''}
${page.reviewer.canDecide
  ? html`${decideForm(c, csrf, urls, acting.skipReasons)}${actForm(c, csrf, urls)}`
  : html`<p><a href="${urls.evidence(c.ref)}">Evidence PDF</a></p>`}
</article></li>`;
}

function pastDecisions(list: PastDecision[]): Html {
  if (list.length === 0) return html`<p class="small">You have not decided on any candidate for this job yet.</p>`;
  return html`<ul class="past">${list.map((d) => html`<li><strong>${VERDICT_LABEL[d.verdict]}</strong>: ${d.label}
<span class="small">via ${CHANNEL_LABEL[d.channel] ?? d.channel}, ${dateTime(d.at)}</span>
${d.note ? html`<br><span class="small">Note: “${d.note}”</span>` : ''}</li>`)}</ul>`;
}

const VIEW_ONLY = html`<div class="notice info" role="note"><strong>View only.</strong> This link is shared by the job's
hiring team from Ashby, so Skima cannot tell who you are and cannot record decisions from it. For a personal link
that lets you Approve, Skip or say Maybe, open the shortlist from Skima in Slack or Microsoft Teams, or ask your
recruiter to send you one (<code>skima links create</code>).</div>`;

/** The shortlist page itself. */
export function shortlistPage(
  page: ShortlistPage,
  csrf: string,
  urls: PageUrls,
  acting: Acting = { skipped: 0, skipReasons: [] },
  notice: { requirementsSaved?: boolean } = {},
): string {
  const { card, reviewer } = page;
  const latest = page.pastDecisions[0];
  const facts = [card.department, card.location].filter(Boolean).join(' · ');
  return layout(
    `Shortlist: ${card.jobTitle} - Skima`,
    html`<main id="main" class="wrap">
<p class="brand">Skima shortlist</p>
<h1>${card.jobTitle}</h1>
${facts ? html`<p class="meta">${facts}</p>` : ''}
<p class="meta">${card.counts.screened} screened · top ${card.candidates.length} shown · ${card.counts.awaitingDecision} awaiting a decision${
  card.redacted ? ' · names and contact details hidden' : ''}</p>
<p class="who">${reviewer.canDecide ? html`Reviewing as <strong>${reviewer.name}</strong>. ` : ''}This link works until ${dateTime(page.expiresAt)}.</p>
${reviewer.canDecide ? '' : VIEW_ONLY}
${requirementsSection(page, csrf, urls, notice.requirementsSaved === true)}
${latest
  ? html`<div class="notice saved" role="status">Your latest decision: <strong>${VERDICT_LABEL[latest.verdict]}</strong>,
${latest.label}, ${dateTime(latest.at)}. It is saved, and Skima writes it to Ashby.</div>`
  : ''}
${reviewer.canDecide && (card.candidates.length || acting.skipped) ? bulkForms(page, csrf, urls, acting.skipped) : ''}
${card.candidates.length
  ? html`<ol class="candidates">${page.candidates.map((c) => candidate(c, page, csrf, urls, acting))}</ol>`
  : html`<p class="notice">No candidate has been screened for this job yet. This page shows them as they are scored.</p>`}
${reviewer.canDecide
  ? html`<section aria-labelledby="past"><h2 id="past">Your decisions on this job</h2>
${pastDecisions(page.pastDecisions)}</section>`
  : ''}
<footer><p>Skima recommends; people decide. A score is not a decision about a candidate.
Approve, Skip and Maybe are written to Ashby with your name; Skip only takes a candidate off this list.</p>
<p>Shown ${dateTime(card.generatedAt)}. Keep this link to yourself: anyone with it can act as you on this shortlist.</p></footer>
</main>`,
  ).value;
}
