import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';
import { html } from '../shortlist-page/html.ts';

// Skima's own documentation, served by the server it documents, so that whoever opens Skima's address
// (an admin setting up Slack, Teams or Ashby) finds the pages without the source at hand. Only the
// README and the files of docs/ shipped beside the code: no data, nothing else on disk.

/** The project's root, from src/web/routes (development) or dist/web/routes (production) alike. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const DOC_NAME = /^[a-z0-9][a-z0-9-]*\.md$/;

const HEADERS = {
  'content-security-policy': 'default-src \'none\'; style-src \'unsafe-inline\'',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

function fileOf(name: string): string {
  return name === 'README.md' ? path.join(ROOT, 'README.md') : path.join(ROOT, 'docs', name);
}

/** README first, then docs/ by name, each with its first heading; empty when the docs were not shipped. */
async function listDocs(): Promise<{ name: string; title: string }[]> {
  const names = await readdir(path.join(ROOT, 'docs')).catch(() => [] as string[]);
  const all = ['README.md', ...names.filter((n) => DOC_NAME.test(n)).sort()];
  const docs: { name: string; title: string }[] = [];
  for (const name of all) {
    const text = await readFile(fileOf(name), 'utf8').catch(() => null);
    if (text === null) continue;
    docs.push({ name, title: /^#\s+(.+)$/m.exec(text)?.[1]?.trim() ?? name });
  }
  return docs;
}

/** GET /docs (the list) and GET /docs/<name>.md (the page, as the Markdown it is written in). */
export const docsRoute: FastifyPluginAsync = async (app) => {
  app.get('/docs', async (_req, reply) => {
    const docs = await listDocs();
    const items = docs.map((d) => html`<li><a href="/docs/${d.name}">${d.title}</a> <small>${d.name}</small></li>`);
    const page = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>Skima documentation</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#222}</style></head>
<body><h1>Skima documentation</h1>
${docs.length ? html`<ul>${items}</ul>` : html`<p>This installation was shipped without its documentation: see the README and docs/ of Skima's source.</p>`}
<p><a href="/">Back</a></p></body></html>
`;
    return reply.headers({ ...HEADERS, 'content-type': 'text/html; charset=utf-8' }).send(page.value);
  });

  app.get<{ Params: { name: string } }>('/docs/:name', async (req, reply) => {
    const { name } = req.params;
    if (name !== 'README.md' && !DOC_NAME.test(name)) return reply.code(404).send({ error: 'no such page' });
    const text = await readFile(fileOf(name), 'utf8').catch(() => null);
    if (text === null) return reply.code(404).send({ error: 'no such page' });
    return reply.headers({ ...HEADERS, 'content-type': 'text/plain; charset=utf-8' }).send(text);
  });
};
