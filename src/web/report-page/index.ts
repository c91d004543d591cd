import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../core/context.ts';
import { resolveLink } from '../../core/links/links.ts';
import { readAuditLog } from '../../core/report/audit-log.ts';
import { computeBiasAudit } from '../../core/report/bias-audit.ts';
import { computeReport, UnknownJobError } from '../../core/report/compute.ts';
import { auditLogCsv, auditLogJson, biasCsv, biasJson, reportCsv, reportXlsx } from '../../core/report/exports.ts';
import { renderReportPdf } from '../../core/report/pdf.ts';
import { type LinkLimiters, linkRequestLimited, sharedLinkLimiters } from '../shortlist-page/rate-limit.ts';
import { sendPage, serveAsset, setPageHeaders } from '../shortlist-page/security.ts';
import { parseReportQuery, queryString } from './query.ts';
import { REPORT_STYLESHEET, REPORT_STYLESHEET_PATH } from './styles.ts';
import { reportPage, reportPlainPage } from './views/page.ts';

type Params = { token: string };
type Export = 'report.pdf' | 'report.csv' | 'report.xlsx' | 'bias.csv' | 'bias.json' | 'audit.csv' | 'audit.json';

const EXPORT_TYPES: Record<Export, string> = {
  'report.pdf': 'application/pdf',
  'report.csv': 'text/csv; charset=utf-8',
  'report.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'bias.csv': 'text/csv; charset=utf-8',
  'bias.json': 'application/json; charset=utf-8',
  'audit.csv': 'text/csv; charset=utf-8',
  'audit.json': 'application/json; charset=utf-8',
};

/**
 * The ROI report behind a personal report link (recruiters and admins): GET /r/:token (the page, with
 * ?from&to&job), GET /r/:token/<export> (PDF, CSV, XLSX, the bias audit, the audit log). Reads only;
 * the same link rules and headers as the shortlist page. Encapsulated like it.
 */
export const reportPagePlugin: FastifyPluginAsync<{ ctx: AppContext; limiters?: LinkLimiters }> = async (
  app,
  { ctx, limiters = sharedLinkLimiters(ctx.db, ctx.config) },
) => {
  const settings = { timeZone: ctx.config.report.timeZone, minutesPerScreen: ctx.config.report.minutesPerScreen };

  serveAsset(app, REPORT_STYLESHEET_PATH, 'text/css; charset=utf-8', REPORT_STYLESHEET);

  /** Rate limits, then the link: answers the request itself (and returns false) when it cannot be used. */
  async function linkOk(req: FastifyRequest<{ Params: Params }>, reply: FastifyReply): Promise<boolean> {
    const token = req.params.token;
    const retryAfterS = await linkRequestLimited(limiters, req.ip, token);
    if (retryAfterS !== null) {
      reply.header('retry-after', String(retryAfterS));
      await sendPage(reply, 429, reportPlainPage('Too many requests', `Please wait ${retryAfterS} seconds and try again.`));
      return false;
    }
    const link = await resolveLink(ctx.db, token, new Date(), 'report');
    if (link.ok) return true;
    if (link.reason === 'expired') {
      await sendPage(reply, 410, reportPlainPage('This link has expired', 'Report links work for a limited time, and this one has run out.'));
    } else {
      await sendPage(reply, 404, reportPlainPage('This link does not work', 'This report link is not valid. It may have been mistyped or withdrawn.'));
    }
    return false;
  }

  app.get<{ Params: Params }>('/r/:token', async (req, reply) => {
    if (!(await linkOk(req, reply))) return reply;
    const query = parseReportQuery(req.query, settings.timeZone);
    let report;
    try {
      report = await computeReport(ctx.db, settings, query);
    } catch (err) {
      if (!(err instanceof UnknownJobError)) throw err;
      return sendPage(reply, 404, reportPlainPage('No such job', 'The report link works, but the job asked for is not known to Skima.'));
    }
    const bias = await computeBiasAudit(ctx, { period: report.period, job: report.job });
    const base = `/r/${req.params.token}`;
    const qs = queryString(report.period, report.job?.id);
    const body = reportPage(report, bias, { page: base, exportUrl: (name) => `${base}/${name}${qs}` }, query.error);
    return sendPage(reply, query.error ? 400 : 200, body);
  });

  app.get<{ Params: Params & { file: string } }>('/r/:token/:file', async (req, reply) => {
    if (!(await linkOk(req, reply))) return reply;
    const file = req.params.file as Export;
    if (!Object.hasOwn(EXPORT_TYPES, file)) return sendPage(reply, 404, reportPlainPage('Not found', 'There is no such export.'));
    const query = parseReportQuery(req.query, settings.timeZone);
    if (query.error) return sendPage(reply, 400, reportPlainPage('Bad range', query.error.replace(/;.*$/, '.')));
    let body: string | Buffer;
    try {
      body = await buildExport(ctx, settings, file, query);
    } catch (err) {
      if (!(err instanceof UnknownJobError)) throw err;
      return sendPage(reply, 404, reportPlainPage('No such job', 'The job asked for is not known to Skima.'));
    }
    const name = `skima-${file.replace('.', `-${query.period.firstDay}-${query.period.lastDay}.`)}`;
    return setPageHeaders(reply)
      .code(200)
      .headers({ 'content-type': EXPORT_TYPES[file], 'content-disposition': `attachment; filename="${name}"` })
      .send(body);
  });
};

async function buildExport(
  ctx: AppContext,
  settings: { timeZone: string; minutesPerScreen: number },
  file: Export,
  query: ReturnType<typeof parseReportQuery>,
): Promise<string | Buffer> {
  if (file === 'audit.csv' || file === 'audit.json') {
    const rows = await readAuditLog(ctx.db, query.period);
    return file === 'audit.csv' ? auditLogCsv(rows) : auditLogJson(query.period, rows);
  }
  const report = await computeReport(ctx.db, settings, query);
  if (file === 'report.csv') return reportCsv(report);
  if (file === 'report.xlsx') return reportXlsx(report);
  const bias = await computeBiasAudit(ctx, { period: report.period, job: report.job });
  if (file === 'bias.csv') return biasCsv(bias);
  if (file === 'bias.json') return biasJson(bias);
  return renderReportPdf(report, bias);
}
