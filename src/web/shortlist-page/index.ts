import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../core/context.ts';
import { resolveLink } from '../../core/links/links.ts';
import { decideOnPage, evidenceOnPage, type LinkScope, loadShortlistPage } from '../../core/shortlist/shortlist-page.ts';
import { SkipReasonError } from '../../core/decisions/decisions.ts';
import { skipReasonsSoon } from '../../core/decisions/skip-reasons.ts';
import { skippedApplicationIds } from '../../core/disposition/index.ts';
import { registerActRoutes } from './act-routes.ts';
import { ICON_SVG } from './assets/icon.ts';
import { STYLESHEET } from './assets/styles.ts';
import { decisionForm, requirementsForm } from './form.ts';
import { editRequirementsOnPage } from '../../core/shortlist/requirements-on-page.ts';
import { type LinkLimiters, linkRequestLimited, sharedLinkLimiters } from './rate-limit.ts';
import { acceptForms, csrfToken, csrfValid, sameOrigin, sendPage, serveAsset, setPageHeaders } from './security.ts';
import { ICON_PATH, STYLESHEET_PATH } from './views/layout.ts';
import { shortlistPage } from './views/page.ts';
import { linkPages, plainPage } from './views/plain.ts';

const SKIP_REASON_HELP = 'a reason goes only with Skip, and only one from the list. Go back and pick again.';

/** Decision forms are a few fields and a note of at most 2,000 characters. */
const FORM_BODY_LIMIT = 16 * 1024;

type Params = { token: string };

/**
 * The secure shortlist page: GET /s/:token (reads only: chat link previewers fetch links), POST
 * /s/:token/decisions (Post/Redirect/Get, CSRF token bound to the link), GET /s/:token/evidence/:ref
 * (the evidence PDF), and advance/archive under /s/:token/act (act-routes.ts). Candidates are named in
 * forms and URLs by an opaque per-link reference, never by application id or name. Encapsulated: its
 * form parser and hooks touch no other route.
 */
export const shortlistPagePlugin: FastifyPluginAsync<{ ctx: AppContext; limiters?: LinkLimiters }> = async (
  app,
  { ctx, limiters = sharedLinkLimiters(ctx.db, ctx.config) },
) => {
  acceptForms(app, FORM_BODY_LIMIT);

  serveAsset(app, STYLESHEET_PATH, 'text/css; charset=utf-8', STYLESHEET);
  serveAsset(app, ICON_PATH, 'image/svg+xml', ICON_SVG);

  /** Rate limits, then the link: answers the request itself (and returns null) when the link cannot be used. */
  async function linkFor(req: FastifyRequest<{ Params: Params }>, reply: FastifyReply): Promise<LinkScope | null> {
    const token = req.params.token;
    const retryAfterS = await linkRequestLimited(limiters, req.ip, token);
    if (retryAfterS !== null) {
      reply.header('retry-after', String(retryAfterS));
      await sendPage(reply, 429, linkPages.tooMany(retryAfterS));
      return null;
    }
    const link = await resolveLink(ctx.db, token);
    if (link.ok) return link;
    await sendPage(reply, link.reason === 'expired' ? 410 : 404, linkPages[link.reason]());
    return null;
  }

  const pageUrl = (token: string) => `/s/${token}`;

  app.get<{ Params: Params }>('/s/:token', async (req, reply) => {
    const scope = await linkFor(req, reply);
    if (!scope) return reply;
    const page = await loadShortlistPage(ctx, scope);
    const base = pageUrl(req.params.token);
    const query = (req.query ?? {}) as Record<string, unknown>;
    // Advance and archive are offered to the link's own reviewer; roles are checked when they act.
    const skipped = page.reviewer.canDecide ? (await skippedApplicationIds(ctx, scope.jobId)).length : 0;
    const reasons = page.reviewer.canDecide ? await skipReasonsSoon(ctx) : [];
    const body = shortlistPage(page, csrfToken(ctx.secret, scope.linkId), {
      decide: `${base}/decisions`,
      act: `${base}/act`,
      evidence: (ref) => `${base}/evidence/${ref}`,
      save: `${base}/requirements`,
      page: base,
    }, { skipped, skipReasons: reasons }, { requirementsSaved: query.saved === 'requirements' });
    return sendPage(reply, 200, body);
  });

  app.post<{ Params: Params }>('/s/:token/requirements', { bodyLimit: FORM_BODY_LIMIT }, async (req, reply) => {
    const scope = await linkFor(req, reply);
    if (!scope) return reply;
    const body = req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
    const csrf = typeof body.csrf === 'string' ? body.csrf : undefined;
    if (!csrfValid(ctx.secret, scope.linkId, csrf) || !sameOrigin(req, ctx.config.publicBaseUrl)) {
      req.log.warn('requirements edit refused: no valid CSRF token or a foreign origin');
      return sendPage(reply, 403, linkPages.forbidden());
    }
    const form = requirementsForm(body);
    if (!form) return sendPage(reply, 400, linkPages.requirementsNotSaved('Something in the form was missing or not understood. Go back, reload the page and try again.'));
    const outcome = await editRequirementsOnPage(ctx, scope, form);
    if (!outcome.ok) {
      const code = outcome.reason === 'conflict' ? 409 : outcome.reason === 'invalid' ? 400 : 403;
      return sendPage(reply, code, linkPages.requirementsNotSaved(outcome.message));
    }
    // Post/Redirect/Get, as for decisions: a reload shows the saved version and never saves it twice.
    return setPageHeaders(reply).code(303).header('location', `${pageUrl(req.params.token)}?saved=requirements#requirements`).send();
  });

  app.post<{ Params: Params }>('/s/:token/decisions', { bodyLimit: FORM_BODY_LIMIT }, async (req, reply) => {
    const scope = await linkFor(req, reply);
    if (!scope) return reply;
    // Only the form parser yields an object here; a JSON or text body carries no usable token.
    const body = req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
    const csrf = typeof body.csrf === 'string' ? body.csrf : undefined;
    if (!csrfValid(ctx.secret, scope.linkId, csrf) || !sameOrigin(req, ctx.config.publicBaseUrl)) {
      req.log.warn('shortlist decision refused: no valid CSRF token or a foreign origin');
      return sendPage(reply, 403, linkPages.forbidden());
    }
    const form = decisionForm.safeParse(body);
    if (!form.success) return sendPage(reply, 400, linkPages.badRequest());
    let outcome;
    try {
      outcome = await decideOnPage(ctx, scope, form.data);
    } catch (err) {
      if (!(err instanceof SkipReasonError)) throw err;
      return sendPage(reply, 400, plainPage('Please pick again', `Your decision was not saved: ${SKIP_REASON_HELP}`, null));
    }
    if (outcome === 'view_only') return sendPage(reply, 403, linkPages.viewOnly());
    if (outcome === 'unknown_candidate') return sendPage(reply, 404, linkPages.unknownCandidate());
    // Post/Redirect/Get: a reload shows the saved decision and never posts it twice.
    return setPageHeaders(reply).code(303).header('location', `${pageUrl(req.params.token)}#c-${form.data.ref}`).send();
  });

  registerActRoutes(app, { ctx, linkFor, formBodyLimit: FORM_BODY_LIMIT });

  app.get<{ Params: Params & { ref: string } }>('/s/:token/evidence/:ref', async (req, reply) => {
    const scope = await linkFor(req, reply);
    if (!scope) return reply;
    const doc = /^[A-Za-z0-9_-]{1,64}$/.test(req.params.ref) ? await evidenceOnPage(ctx, scope, req.params.ref) : null;
    if (!doc) return sendPage(reply, 404, linkPages.unknownCandidate());
    return setPageHeaders(reply)
      .code(200)
      .headers({ 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${doc.filename}"` })
      .send(doc.pdf);
  });
};
