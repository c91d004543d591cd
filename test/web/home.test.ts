// GET /: a person who opens Skima's address learns what it is and where to look, and sees no data.
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
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
    expect(res.body).toContain('<code>docs/</code>');
    expect(res.body).toContain(`Skima ${VERSION}`);
    // No script, no form, nothing fetched: the page holds only what is written above.
    expect(res.body).not.toMatch(/<script|<form|<img|<link/);
  });
});
