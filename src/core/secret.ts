import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/schema.ts';

/**
 * Skima's own secret (links it writes into Ashby are derived from it). SKIMA_SECRET when set; else a
 * random one kept in ./data/skima.secret, so a single-machine install needs no configuration. Several
 * processes must share one: set SKIMA_SECRET for them.
 */
export function resolveSecret(config: Config, dataDir = path.resolve('data')): string {
  if (config.secret) return config.secret;
  const file = path.join(dataDir, 'skima.secret');
  if (existsSync(file)) return readFileSync(file, 'utf-8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return secret;
}
