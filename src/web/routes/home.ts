import type { FastifyPluginAsync } from 'fastify';
import { VERSION } from '../../version.ts';
import { html } from '../shortlist-page/html.ts';

// What someone who opens Skima's address in a browser sees: what this server is and where to look,
// and no data at all (no jobs, no counts, no names).
const page = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>Skima</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#222}
code{background:#f2f2f2;padding:0 .2em}</style></head>
<body><h1>Skima</h1>
<p>This is a Skima server: a self-hosted screening companion for the Ashby applicant tracking system.
It receives Ashby's webhooks, answers Slack and Microsoft Teams, and serves the personal shortlist
links it sends to hiring managers. There is nothing to see here without such a link.</p>
<ul>
<li><a href="/healthz">/healthz</a>: the process answers</li>
<li><a href="/readyz">/readyz</a>: the database answers and is migrated</li>
<li><a href="/metrics">/metrics</a>: Prometheus metrics</li>
</ul>
<p><a href="/docs">Documentation</a>: installing, Slack, Teams, Ashby, operations (the
<code>README.md</code> and <code>docs/</code> folder of Skima's source).</p>
<p><small>Skima ${VERSION}</small></p>
</body></html>
`.value;

/** GET /: a small page saying what this server is, with links to health and the docs. */
export const homeRoute: FastifyPluginAsync = async (app) => {
  app.get('/', async (_req, reply) =>
    reply
      .headers({
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': 'default-src \'none\'; style-src \'unsafe-inline\'',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      })
      .send(page));
};
