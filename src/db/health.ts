import type { Db } from './client.ts';
import { shippedMigrations } from './shipped.ts';
import type { DbProvider } from './paths.ts';

export interface DbHealth {
  reachable: boolean;
  /** Migrations not applied; empty when the database cannot be asked (nothing is known then). */
  pendingMigrations: string[];
  /** Why, in one line, for the operator's own tools (it may name the host and port). */
  error?: string;
}

/** Is the database reachable, and has every migration this version ships been applied? */
export async function checkDatabase(db: Db, provider: DbProvider): Promise<DbHealth> {
  const shipped = await shippedMigrations(provider);
  try {
    const rows = await db.$queryRawUnsafe<{ migration_name: string }[]>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const applied = new Set(rows.map((r) => r.migration_name));
    return { reachable: true, pendingMigrations: shipped.filter((m) => !applied.has(m)) };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // A reachable database without Prisma's bookkeeping table simply has nothing applied yet.
    if (/_prisma_migrations/.test(message)) return { reachable: true, pendingMigrations: shipped };
    return { reachable: false, pendingMigrations: [], error: reasonOf(message) };
  }
}

/** The reason in a driver's or Prisma's message: its last line, without the invocation and code
 * snippet Prisma puts before it. */
function reasonOf(message: string): string {
  const lines = message.split('\n').map((l) => l.trim()).filter(Boolean);
  const last = (lines.at(-1) ?? 'no reason given').replaceAll('`', '');
  return last.replace(/^.*\bMessage: /, '');
}
