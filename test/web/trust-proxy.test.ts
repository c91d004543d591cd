// The per-address limit on shortlist links counts the real client: X-Forwarded-For is believed only
// from a proxy the operator named (TRUST_PROXY as a hop count or addresses); by default never, so a
// made-up header cannot give each guess a fresh address.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { buildServer } from '../../src/web/server.ts';
import { coreContext, type CoreEnv } from '../helpers/core-context.ts';

const LIMIT = 5;
const guess = (i: number) => `/s/${String(i).padStart(43, 'g')}`;

describe('the client address behind proxies', () => {
  let env: CoreEnv | undefined;
  let server: FastifyInstance | undefined;
  afterEach(async () => {
    await server?.close();
    await env?.close();
    server = env = undefined;
  });

  async function start(extra: Record<string, string> = {}) {
    env = await coreContext('sqlite', { env: { LINK_RATE_LIMIT_PER_IP_PER_MINUTE: String(LIMIT), ...extra } });
    server = await buildServer(env.ctx);
    return server;
  }

  it('ignores X-Forwarded-For by default: a made-up address per guess still hits the limit', async () => {
    const app = await start();
    const codes: number[] = [];
    for (let i = 0; i < LIMIT + 3; i++) {
      const res = await app.inject({ url: guess(i), remoteAddress: '203.0.113.7', headers: { 'x-forwarded-for': `198.51.100.${i}` } });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, LIMIT).every((c) => c === 404)).toBe(true);
    expect(codes.slice(LIMIT)).toEqual([429, 429, 429]);
  });

  it('with TRUST_PROXY=1 takes the address the proxy appended, not what the client put before it', async () => {
    const app = await start({ TRUST_PROXY: '1' });
    const codes: number[] = [];
    for (let i = 0; i < LIMIT + 2; i++) {
      // The proxy (10.0.0.2) appends the address it saw; the client made up the first entry.
      const res = await app.inject({ url: guess(i), remoteAddress: '10.0.0.2', headers: { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.7` } });
      codes.push(res.statusCode);
    }
    expect(codes.slice(LIMIT)).toEqual([429, 429]);
    // Another client behind the same proxy has a budget of its own.
    const other = await app.inject({ url: guess(99), remoteAddress: '10.0.0.2', headers: { 'x-forwarded-for': '203.0.113.8' } });
    expect(other.statusCode).toBe(404);
  });

  it('with TRUST_PROXY naming the proxy, a request from elsewhere cannot claim an address', async () => {
    const app = await start({ TRUST_PROXY: '10.0.0.2' });
    const codes: number[] = [];
    for (let i = 0; i < LIMIT + 1; i++) {
      const res = await app.inject({ url: guess(i), remoteAddress: '203.0.113.9', headers: { 'x-forwarded-for': `198.51.100.${i}` } });
      codes.push(res.statusCode);
    }
    expect(codes[LIMIT]).toBe(429);
  });
});

describe('TRUST_PROXY', () => {
  const trust = (v?: string) => {
    const r = loadConfig(v === undefined ? {} : { TRUST_PROXY: v });
    return r.ok ? r.config.trustProxy : r.problems;
  };
  it('is off by default and takes a hop count or addresses and ranges', () => {
    expect(trust()).toBe(false);
    expect(trust('off')).toBe(false);
    expect(trust('0')).toBe(false);
    expect(trust('2')).toBe(2);
    expect(trust('10.0.0.2, 10.1.0.0/16,::1')).toEqual(['10.0.0.2', '10.1.0.0/16', '::1']);
  });
  it('refuses "true" (it would believe any client) and anything that is not an address', () => {
    expect(String(trust('true'))).toMatch(/TRUST_PROXY: .*hop count/);
    expect(String(trust('proxy.example.com'))).toMatch(/TRUST_PROXY/);
  });
});
