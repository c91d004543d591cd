// Migration-only adapter factory for PostgreSQL around @prisma/adapter-pg 7.10, fixing what breaks
// when the WASM schema engine drives it:
//  1. "char" catalog columns (see ./pg-compat.ts);
//  2. PrismaPg.connectToShadowDb() with a connection string connects to the MAIN database (pg lets the
//     connection string override `database`) and drops the shadow database before closing its pool;
//  3. executeScript() splits on ';', which breaks $$-bodies; send the whole script as one simple query
//     (one implicit transaction, like the native engine).
import './pg-compat.ts';
import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { parse } from 'pg-connection-string';

function wholeScript(adapter: SqlDriverAdapter): SqlDriverAdapter {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- reaching the adapter's pool and error mapper
  const a = adapter as any;
  a.executeScript = async (script: string) => {
    try {
      await a.underlyingDriver().query(script);
    } catch (e) {
      a.onError(e);
    }
  };
  return adapter;
}

async function admin(cfg: pg.ClientConfig, sql: string): Promise<void> {
  const c = new pg.Client(cfg);
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

export function pgMigrationAdapterFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  const { database, host, port, user, password, ssl } = parse(url);
  const cfg: pg.PoolConfig = {
    database: database ?? undefined,
    host: host ?? undefined,
    port: port ? Number(port) : undefined,
    user,
    password,
    ssl: ssl as pg.PoolConfig['ssl'],
  };
  const base = new PrismaPg(cfg);
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => wholeScript(await base.connect()),
    connectToShadowDb: async () => {
      // Needs CREATEDB on the role, as `prisma migrate dev` does; only development commands use it.
      const name = `prisma_migrate_shadow_db_${randomUUID()}`;
      await admin(cfg, `CREATE DATABASE "${name}"`);
      const shadow = wholeScript(await new PrismaPg({ ...cfg, database: name }).connect());
      const dispose = shadow.dispose.bind(shadow);
      let disposed = false;
      shadow.dispose = async () => {
        if (disposed) return;
        disposed = true;
        await dispose();
        await admin(cfg, `DROP DATABASE IF EXISTS "${name}"`);
      };
      return shadow;
    },
  };
}
