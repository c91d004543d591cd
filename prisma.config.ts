import { fileURLToPath } from 'node:url';
import { defineConfig } from 'prisma/config';

// Offline: the Prisma CLI wants a native schema-engine binary (downloaded from Prisma's CDN) even for
// `prisma generate`. Point it at a stub so nothing is downloaded; migrations run through the WASM
// schema engine instead (src/db/schema-engine.ts, `skima migrate`, `npm run db:*`).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(new URL('./tools/no-schema-engine.sh', import.meta.url));

const pg = process.env.DB_PROVIDER === 'postgresql';

export default defineConfig({
  schema: pg ? 'prisma/postgres/schema.prisma' : 'prisma/schema.prisma',
  migrations: { path: pg ? 'prisma/postgres/migrations' : 'prisma/migrations' },
});
