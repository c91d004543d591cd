import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../core/context.ts';
import { resolveLink } from '../../core/links/links.ts';
import { rediscoverPath } from '../../core/rediscovery/rediscover-links.ts';
import {
  addConfirmation,
  addFromPage,
  exportRediscoverPage,
  loadRediscoverPage,
  type RediscoverScope,
} from '../../core/rediscovery/rediscover-page.ts';
import { filterWordsOfQuery, queryOfFilterWords } from '../../core/rediscovery/rediscover-query.ts';
import { type LinkLimiters, linkRequestLimited, sharedLinkLimiters } from '../shortlist-page/rate-limit.ts';
import { acceptForms, csrfToken, csrfValid, sameOrigin, sendPage, serveAsset, setPageHeaders } from '../shortlist-page/security.ts';
import {
  addedPage,
  confirmPage,
  type PageUrls,
  plainRediscoverPage,
  REDISCOVER_STYLESHEET,
  REDISCOVER_STYLESHEET_PATH,
  rediscoverPage,
} from './views.ts';

type Params = { token: string };

/** "Add to job" forms are a token, a reference and the page's filters. */
const FORM_BODY_LIMIT = 8 * 1024;

const DOWNLOADS = {
  'rediscovery.csv': { format: 'csv', type: 'text/csv; charset=utf-8' },
  'rediscovery.xlsx': { format: 'xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
} as const;

/**
 * The rediscovery page behind a personal rediscovery link: GET /rd/:token (the filters as a form, with
 * query parameters that are filter words only; reads only), GET /rd/:token/rediscovery.csv|.xlsx (the
 * same results as a download), POST /rd/:token/add ("Add to job": a confirmation page, then the add;
 * CSRF token bound to the link; recruiters' and admins' links only). The same link rules, limits and
 * headers as the shortlist page; the logic is in core/rediscovery/rediscover-page.ts.
 */
export const rediscoverPagePlugin: FastifyPluginAsync<{ ctx: AppContext; limiters?: LinkLimiters }> = async (
  app,
  { ctx, limiters = sharedLinkLimiters(ctx.db, ctx.config) },
) => {
  acceptForms(app, FORM_BODY_LIMIT);

  serveAsset(app, REDISCOVER_STYLESHEET_PATH, 'text/css; charset=utf-8', REDISCOVER_STYLESHEET);

  /** Rate limits, then the link: answers the request itself (and returns null) when it cannot be used. */
  async function linkFor(
    req: FastifyRequest<{ Params: Params }>,
    reply: FastifyReply,
  ): Promise<RediscoverScope | null> {
    const token = req.params.token;
    const retryAfterS = await linkRequestLimited(limiters, req.ip, token);
    if (retryAfterS !== null) {
      reply.header('retry-after', String(retryAfterS));
      await sendPage(reply, 429, plainRediscoverPage('Too many requests', `Please wait ${retryAfterS} seconds and try again.`));
      return null;
    }
    const link = await resolveLink(ctx.db, token, new Date(), ['rediscover', 'rediscover-view']);
    if (link.ok) return link;
    if (link.reason === 'expired') {
      await sendPage(reply, 410, plainRediscoverPage('This link has expired', 'Rediscovery links work for a limited time, and this one has run out.'));
    } else {
      await sendPage(reply, 404, plainRediscoverPage('This link does not work', 'This rediscovery link is not valid. It may have been mistyped or withdrawn.'));
    }
    return null;
  }

  const urlsFor = (token: string, words: readonly string[]): PageUrls => {
    const base = rediscoverPath(token);
    const qs = queryOfFilterWords(words);
    return { page: base, back: `${base}${qs}`, add: `${base}/add`, download: (format) => `${base}/rediscovery.${format}${qs}` };
  };

  app.get<{ Params: Params }>('/rd/:token', async (req, reply) => {
    const scope = await linkFor(req, reply);
    if (!scope) return reply;
    const page = await loadRediscoverPage(ctx, scope, filterWordsOfQuery(req.query));
    const body = rediscoverPage(page, csrfToken(ctx.secret, scope.linkId), urlsFor(req.params.token, page.words));
    return sendPage(reply, page.filterError ? 400 : 200, body);
  });

  app.get<{ Params: Params & { file: string } }>('/rd/:token/:file', async (req, reply) => {
    const scope = await linkFor(req, reply);
    if (!scope) return reply;
    if (!Object.hasOwn(DOWNLOADS, req.params.file)) return sendPage(reply, 404, plainRediscoverPage('Not found', 'There is no such download.'));
    const download = DOWNLOADS[req.params.file as keyof typeof DOWNLOADS];
    const out = await exportRediscoverPage(ctx, scope, filterWordsOfQuery(req.query), download.format);
    if ('problem' in out) return sendPage(reply, 400, plainRediscoverPage('Nothing to download', out.problem));
    const day = new Date().toISOString().slice(0, 10);
    return setPageHeaders(reply)
      .code(200)
      .headers({ 'content-type': download.type, 'content-disposition': `attachment; filename="skima-rediscovery-${day}.${download.format}"` })
      .send(out.body);
  });

  app.post<{ Params: Params }>('/rd/:token/add', { bodyLimit: FORM_BODY_LIMIT }, async (req, reply) => {
    const scope = await linkFor(req, reply);
    if (!scope) return reply;
    // Only the form parser yields an object here; a JSON or text body carries no usable token.
    const body = req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
    const csrf = typeof body.csrf === 'string' ? body.csrf : undefined;
    if (!csrfValid(ctx.secret, scope.linkId, csrf) || !sameOrigin(req, ctx.config.publicBaseUrl)) {
      req.log.warn('rediscovery add refused: no valid CSRF token or a foreign origin');
      return sendPage(reply, 403, plainRediscoverPage('This form has expired', 'Nothing was added: the form was not sent from your rediscovery page. Go back, reload the page and try again.'));
    }
    const ref = typeof body.ref === 'string' ? body.ref : '';
    const words = filterWordsOfQuery(body);
    const urls = urlsFor(req.params.token, words);
    const unknown = () => sendPage(reply, 404, plainRediscoverPage('Candidate not found', 'This candidate is not on this page. Go back and reload the page.'));
    const viewOnly = () => sendPage(reply, 403, plainRediscoverPage('This link reads only', 'Nothing was added: only recruiters and admins can add a past candidate to a job.'));
    if (body.confirm !== 'yes') {
      const confirm = await addConfirmation(ctx, scope, ref);
      if (confirm === 'view_only') return viewOnly();
      if (confirm === 'unknown_candidate') return unknown();
      return sendPage(reply, 200, confirmPage({ ...confirm, ref, words }, csrf!, urls));
    }
    const outcome = await addFromPage(ctx, scope, ref);
    if (outcome === 'view_only') return viewOnly();
    if (outcome === 'unknown_candidate') return unknown();
    if ('refused' in outcome) return sendPage(reply, 403, plainRediscoverPage('Not added', outcome.refused));
    const shown = outcome.status === 'added'
      ? { status: outcome.status, jobTitle: outcome.jobTitle, score: outcome.score }
      : { status: outcome.status, jobTitle: outcome.jobTitle };
    return sendPage(reply, 200, addedPage(shown, urls));
  });
};
