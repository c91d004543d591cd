// GET /: a person who opens Skima's address learns what it is and where to look, and sees no data.
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { docsRoute } from '../../src/web/routes/docs.ts';
import { homeRoute } from '../../src/web/routes/home.ts';
import { VERSION } from '../../src/version.ts';

describe('GET /', () => {
  it('answers a small HTML page naming the server, with links to its health endpoints and the docs', async () => {
    const app = Fastify();
    await app.register(homeRoute);
    const res = await app.inject('/');
    await app.close();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toContain('default-src \'none\'');
    expect(res.body).toContain('<h1>Skima</h1>');
    expect(res.body).toContain('self-hosted screening companion for the Ashby applicant tracking system');
    for (const path of ['/healthz', '/readyz', '/metrics']) expect(res.body).toContain(`<a href="${path}">`);
    expect(res.body).toContain('<a href="/docs">Documentation</a>');
    expect(res.body).toContain(`Skima ${VERSION}`);
    // No script, no form, nothing fetched: the page holds only what is written above.
    expect(res.body).not.toMatch(/<script|<form|<img|<link/);
  });

  it('serves the README and docs/ beside it at /docs, each page as its Markdown, and nothing else from disk', async () => {
    const app = Fastify();
    await app.register(docsRoute);
    const list = await app.inject('/docs');
    expect(list.statusCode).toBe(200);
    expect(list.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(list.body).toContain('<a href="/docs/README.md">');
    expect(list.body).toContain('<a href="/docs/operations.md">Operations: one process, or several</a>');
    expect(list.body).not.toMatch(/<script|<form/);

    const page = await app.inject('/docs/slack.md');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(page.body.startsWith('# Slack\n')).toBe(true);
    expect((await app.inject('/docs/README.md')).body).toContain('npm test');

    // Only names of docs/ pages: no way up the tree, no other file.
    for (const url of ['/docs/..%2Fpackage.json', '/docs/%2E%2E%2F.env', '/docs/package.json', '/docs/nope.md', '/docs/.env.md']) {
      expect((await app.inject(url)).statusCode, url).toBe(404);
    }
    await app.close();
  });
});
