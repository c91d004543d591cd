import type { FastifyPluginAsync } from 'fastify';
import { verifyAshbyWebhook } from '../../ashby/index.ts';
import type { AppContext } from '../../core/context.ts';
import { isNoOpEvent, recordDelivery, WEBHOOK_QUEUE } from '../../core/pipeline/webhook-events.ts';

/** Ashby's webhook bodies are small; anything larger is not from Ashby. */
export const WEBHOOK_BODY_LIMIT = 256 * 1024;

/**
 * POST /webhooks/ashby: verify the signature on the raw body, enqueue the event durably (its
 * webhookActionId and action are the idempotency key, so Ashby's retries and duplicates do nothing),
 * record it, and answer at once. 401 for a bad signature, 400 for a malformed body, 413 when too large,
 * 503 when the event could not be stored, so that Ashby retries.
 */
export const ashbyWebhookRoute: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Encapsulated: only this plugin keeps JSON bodies raw, for the signature.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT }, (_req, body, done) =>
    done(null, body),
  );

  app.post('/webhooks/ashby', { bodyLimit: WEBHOOK_BODY_LIMIT }, async (req, reply) => {
    const secret = ctx.ashby.webhookSecret;
    if (!secret) {
      return reply.code(401).send({ error: 'webhooks are not configured: set ASHBY_WEBHOOK_SECRET' });
    }
    const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const result = verifyAshbyWebhook({ rawBody, signatureHeader: req.headers['ashby-signature'], secret });
    if (!result.ok) {
      const signature = result.reason === 'missing_signature' || result.reason === 'bad_signature';
      req.log.warn({ reason: result.reason }, 'Ashby webhook refused');
      return reply.code(signature ? 401 : 400).send({ error: result.reason, detail: result.detail });
    }
    if (result.ignored) return reply.code(200).send({ ok: true, ignored: result.action });

    const { webhookActionId, action } = result.event;
    try {
      const noop = await isNoOpEvent(ctx, result.event);
      const job = noop
        ? { created: true }
        : await ctx.queue.enqueue(WEBHOOK_QUEUE, result.event, { idempotencyKey: `${webhookActionId}:${action}` });
      // Recorded after the enqueue, and on duplicates too, so a failure here heals on Ashby's retry.
      await recordDelivery(ctx, webhookActionId, action);
      return reply.code(200).send({ ok: true, duplicate: !job.created });
    } catch (err) {
      req.log.error({ err, action }, 'could not store an Ashby webhook; Ashby will retry');
      return reply.code(503).send({ error: 'temporarily unavailable' });
    }
  });
};
