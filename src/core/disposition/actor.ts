import type { AppContext } from '../context.ts';
import type { Actor } from './roles.ts';

/** An Ashby user by id or (case-insensitive) email, as the person acting; undefined when Ashby has none. */
export async function resolveActor(ctx: AppContext, idOrEmail: string): Promise<Actor | undefined> {
  const wanted = idOrEmail.trim().toLowerCase();
  for await (const user of ctx.ashby.client.user.list()) {
    if (!user.isEnabled) continue;
    if (user.id === idOrEmail.trim() || user.email?.toLowerCase() === wanted) {
      return { id: user.id, name: `${user.firstName} ${user.lastName}`.trim() || user.id, globalRole: user.globalRole };
    }
  }
  return undefined;
}
