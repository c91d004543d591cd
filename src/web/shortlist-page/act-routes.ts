import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../core/context.ts';
import { progressSummary } from '../../core/disposition/index.ts';
import {
  type LinkScope,
} from '../../core/shortlist/shortlist-page.ts';
import {
  type PageActRefusal,
  pageActConfirmation,
  pageActOptions,
  pageActProgress,
  pageActStart,
} from '../../core/shortlist/page-disposition.ts';
import { type ActForm, actForm } from './form.ts';
import { csrfValid, sameOrigin, sendPage, setPageHeaders } from './security.ts';
import { actConfirmPage, actOptionsPage, actProgressPage, actRefusedPage, type ActUrls } from './views/act.ts';
import { linkPages } from './views/plain.ts';

type Params = { token: string };

export interface ActRouteDeps {
  ctx: AppContext;
  /** Rate limits and the link (answers the request itself and returns null when it cannot be used). */
  linkFor(req: FastifyRequest<{ Params: Params }>, reply: FastifyReply): Promise<LinkScope | null>;
  formBodyLimit: number;
}

const BATCH = /^web-[A-Za-z0-9_-]{20,64}$/;

/**
 * Advance and archive from the shortlist page, in three POSTs and a GET: /act (pick a stage, or a
 * reason and an optional email), /act/confirm (the one confirmation), /act/start (starts the batch,
 * then 303 to its progress), GET /act/:batch (the progress, for the link that started it). Every POST
 * carries the page's CSRF token and passes the same origin check as a decision.
 */
export function registerActRoutes(app: FastifyInstance, deps: ActRouteDeps) {
  const { ctx, linkFor } = deps;
  const base = (token: string) => `/s/${token}`;
  const urls = (token: string): ActUrls => ({
    page: base(token),
    confirm: `${base(token)}/act/confirm`,
    start: `${base(token)}/act/start`,
  });

  /** The link, the CSRF token, the form: or the request answered with why not. */
  async function posted(
    req: FastifyRequest<{ Params: Params }>,
    reply: FastifyReply,
  ): Promise<{ scope: LinkScope; form: ActForm; csrf: string } | null> {
    const scope = await linkFor(req, reply);
    if (!scope) return null;
    const body = req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
    const csrf = typeof body.csrf === 'string' ? body.csrf : undefined;
    if (!csrfValid(ctx.secret, scope.linkId, csrf) || !sameOrigin(req, ctx.config.publicBaseUrl)) {
      req.log.warn('shortlist advance/archive refused: no valid CSRF token or a foreign origin');
      await sendPage(reply, 403, linkPages.forbidden());
      return null;
    }
    const form = actForm.safeParse(body);
    if (!form.success) {
      await sendPage(reply, 400, linkPages.badRequest());
      return null;
    }
    return { scope, form: form.data, csrf: csrf! };
  }

  const refuse = (reply: FastifyReply, token: string, r: PageActRefusal) => {
    switch (r.refused) {
      case 'view_only':
        return sendPage(reply, 403, linkPages.viewOnly());
      case 'unknown_candidate':
        return sendPage(reply, 404, linkPages.unknownCandidate());
      case 'nothing_selected':
        return sendPage(reply, 400, actRefusedPage('Nothing selected', 'Select at least one candidate first.', base(token)));
      case 'not_allowed':
        return sendPage(reply, 403, actRefusedPage('Not allowed', r.why, base(token)));
      case 'invalid':
        return sendPage(reply, 400, actRefusedPage('Please pick again', r.why, base(token)));
    }
  };

  const opts = { bodyLimit: deps.formBodyLimit };

  app.post<{ Params: Params }>('/s/:token/act', opts, async (req, reply) => {
    const got = await posted(req, reply);
    if (!got) return reply;
    const options = await pageActOptions(ctx, got.scope, got.form.selection);
    if ('refused' in options) return refuse(reply, req.params.token, options);
    return sendPage(reply, 200, actOptionsPage(options, options.choices, got.csrf, urls(req.params.token)));
  });

  app.post<{ Params: Params }>('/s/:token/act/confirm', opts, async (req, reply) => {
    const got = await posted(req, reply);
    if (!got) return reply;
    const { selection, choice } = got.form;
    const confirmed = await pageActConfirmation(ctx, got.scope, selection, choice);
    if ('refused' in confirmed) return refuse(reply, req.params.token, confirmed);
    // The confirmation's nonce: submitting this very form twice starts one batch.
    const nonce = randomBytes(18).toString('base64url');
    return sendPage(reply, 200, actConfirmPage(confirmed, choice, got.csrf, nonce, urls(req.params.token)));
  });

  app.post<{ Params: Params }>('/s/:token/act/start', opts, async (req, reply) => {
    const got = await posted(req, reply);
    if (!got) return reply;
    const { selection, choice, key } = got.form;
    if (!key) return sendPage(reply, 400, linkPages.badRequest());
    const started = await pageActStart(ctx, got.scope, selection, choice, key);
    if ('refused' in started) return refuse(reply, req.params.token, started);
    // Post/Redirect/Get: a reload of the progress page never starts anything.
    return setPageHeaders(reply).code(303).header('location', `${base(req.params.token)}/act/${started.batchId}`).send();
  });

  app.get<{ Params: Params & { batch: string } }>('/s/:token/act/:batch', async (req, reply) => {
    const scope = await linkFor(req, reply);
    if (!scope) return reply;
    const progress = BATCH.test(req.params.batch) ? await pageActProgress(ctx, scope, req.params.batch) : undefined;
    if (!progress) {
      return sendPage(reply, 404, actRefusedPage('Not found', 'There is no such batch for this link.', base(req.params.token)));
    }
    return sendPage(reply, 200, actProgressPage(progress, progressSummary(progress), base(req.params.token)));
  });
}
