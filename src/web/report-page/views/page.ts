import { type BiasAudit, SELECTIONS } from '../../../core/report/bias.ts';
import { biasCell } from '../../../core/report/bias-format.ts';
import { chartsOf } from '../../../core/report/charts.ts';
import type { Report } from '../../../core/report/compute.ts';
import { JOB_COLUMNS, jobRows } from '../../../core/report/exports.ts';
import { formatChange, formatFigure, headlineOf, hoursSavedAssumption } from '../../../core/report/headline.ts';
import { html, type Html } from '../../shortlist-page/html.ts';
import { layout } from '../../shortlist-page/views/layout.ts';
import { REPORT_STYLESHEET_PATH } from '../styles.ts';
import { chartFigure } from './chart-svg.ts';

export interface ReportLinks {
  /** The page itself (the form's target), and each export, with the current query. */
  page: string;
  exportUrl(name: string): string;
}

function document(title: string, body: Html): string {
  return layout(title, body, REPORT_STYLESHEET_PATH).value;
}

function rangeForm(report: Report, links: ReportLinks, error?: string): Html {
  return html`<form class="range" method="get" action="${links.page}">
<label>From <input type="date" name="from" value="${report.period.firstDay}" required></label>
<label>To <input type="date" name="to" value="${report.period.lastDay}" required></label>
<label>Job <select name="job">
<option value="">Whole organisation</option>
${report.jobChoices.map((j) => html`<option value="${j.id}"${report.job?.id === j.id ? html` selected` : ''}>${j.title}</option>`)}
</select></label>
<button type="submit">Show</button>
</form>
${error ? html`<p class="notice" role="alert">${error}</p>` : null}`;
}

function headline(report: Report): Html {
  return html`<dl class="headline">${headlineOf(report).map(
    (h) => html`<div id="fig-${h.id}"><dt>${h.label}</dt><dd>${formatFigure(h.current, h.unit)}<span class="was">before: ${formatFigure(h.previous, h.unit)}${formatChange(h) ? ` (${formatChange(h)})` : ''}</span></dd></div>`,
  )}</dl>
<p class="assumption">${hoursSavedAssumption(report)}</p>`;
}

function jobsTable(report: Report): Html | null {
  if (report.job || !report.jobs.length) return null;
  return html`<h2>Per job</h2>
<div class="table-box"><table>
<thead><tr>${JOB_COLUMNS.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
<tbody>${jobRows(report).map((r) => html`<tr>${r.map((c, i) => (i === 0 ? html`<th scope="row">${c}</th>` : html`<td>${c ?? '–'}</td>`))}</tr>`)}</tbody>
</table></div>`;
}

function biasSection(bias: BiasAudit, links: ReportLinks): Html {
  const intro = bias.unavailable
    ? html`<p>${bias.unavailable}</p>`
    : html`<p>${bias.population} applications screened in the period, ${bias.withAnswers} with demographic answers.
Impact ratio: a category's selection rate divided by the highest category's. Categories with fewer than
${bias.minGroup} people are too small to compare and show no rate or ratio.</p>`;
  return html`<h2 id="bias">Bias audit</h2>
${intro}
${bias.tables.map(
  (t) => html`<h3>${t.field}: ${SELECTIONS.find((s) => s.id === t.selection)!.label}</h3>
<div class="table-box"><table>
<thead><tr><th scope="col">Category</th><th scope="col">People</th><th scope="col">Selected</th><th scope="col">Selection rate</th><th scope="col">Impact ratio</th></tr></thead>
<tbody>${t.rows.map((r) => html`<tr><th scope="row">${r.category}</th>${biasCell(r).map((c) => html`<td${r.status === 'compared' ? '' : html` class="small"`}>${c}</td>`)}</tr>`)}</tbody>
</table></div>`,
)}
<ul class="exports"><li><a href="${links.exportUrl('bias.csv')}">Bias audit (CSV)</a></li><li><a href="${links.exportUrl('bias.json')}">Bias audit (JSON)</a></li></ul>`;
}

/** The whole report page: server-rendered, no script, charts as inline SVG. */
export function reportPage(report: Report, bias: BiasAudit, links: ReportLinks, error?: string): string {
  const subject = report.job ? report.job.title : 'Whole organisation';
  return document(
    `ROI report: ${subject} - Skima`,
    html`<main id="main">
<p class="brand">Skima</p>
<h1>ROI report: ${subject}</h1>
<p class="meta">${report.period.firstDay} to ${report.period.lastDay} (${report.settings.timeZone}), against ${report.previousPeriod.firstDay} to ${report.previousPeriod.lastDay}</p>
${rangeForm(report, links, error)}
${headline(report)}
<h2>Per week</h2>
<div class="charts">${chartsOf(report).map(chartFigure)}</div>
${jobsTable(report)}
${biasSection(bias, links)}
<h2>Exports</h2>
<ul class="exports">
<li><a href="${links.exportUrl('report.pdf')}">Report (PDF)</a></li>
<li><a href="${links.exportUrl('report.csv')}">Figures (CSV)</a></li>
<li><a href="${links.exportUrl('report.xlsx')}">Figures (XLSX)</a></li>
<li><a href="${links.exportUrl('audit.csv')}">Audit log (CSV)</a></li>
<li><a href="${links.exportUrl('audit.json')}">Audit log (JSON)</a></li>
</ul>
</main>`,
  );
}

/** A page that cannot show a report: what happened, what to do. Nothing about the organisation. */
export function reportPlainPage(title: string, message: string): string {
  return document(
    `${title} - Skima`,
    html`<main id="main"><p class="brand">Skima</p><h1>${title}</h1><p>${message}</p>
<p>To get a new report link, press "Open the report" on Skima's weekly digest, or ask an admin (<code>skima links report</code>).</p></main>`,
  );
}
