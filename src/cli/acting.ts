import { loadConfigOrThrow } from '../config/load.ts';
import { type AppContext, closeContext, createContext } from '../core/context.ts';
import { type Actor, resolveActor } from '../core/disposition/index.ts';
import { createLogger } from '../core/logger.ts';
import { migrateDatabase } from '../db/migrate.ts';

/**
 * Runs a command that acts in someone's name (`--as`): the database migrated, a context open for the
 * body and closed after it, and the Ashby user resolved first (exit 1, said plainly, when there is none).
 */
export async function actingAs(as: string, body: (ctx: AppContext, actor: Actor) => Promise<number>): Promise<number> {
  const config = loadConfigOrThrow();
  await migrateDatabase(config.databaseUrl);
  const ctx = await createContext(config, createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel));
  try {
    const actor = await resolveActor(ctx, as);
    if (!actor) {
      console.error(`No active Ashby user is ${as}.`);
      return 1;
    }
    return await body(ctx, actor);
  } finally {
    await closeContext(ctx);
  }
}
