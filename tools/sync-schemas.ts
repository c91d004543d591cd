// prisma/schema.prisma (SQLite) is the source of truth; prisma/postgres/schema.prisma is derived.
// `npm run schema:sync` writes it; `--check` (run by the test suite) fails when it is stale.
import { readFileSync, writeFileSync } from 'node:fs';

export const SQLITE_SCHEMA = 'prisma/schema.prisma';
export const POSTGRES_SCHEMA = 'prisma/postgres/schema.prisma';

export function derivePostgresSchema(source: string): string {
  const derived =
    '// GENERATED from prisma/schema.prisma by tools/sync-schemas.ts - do not edit\n'
    + source
      .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
      .replace(/output(\s*)=(\s*)"\.\.\/src\/generated\/sqlite"/, 'output$1=$2"../../src/generated/postgres"');
  if (!derived.includes('"postgresql"') || !derived.includes('generated/postgres')) {
    throw new Error('prisma/schema.prisma does not have the expected provider and output lines');
  }
  return derived;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const derived = derivePostgresSchema(readFileSync(SQLITE_SCHEMA, 'utf-8'));
  if (process.argv.includes('--check')) {
    if (readFileSync(POSTGRES_SCHEMA, 'utf-8') !== derived) {
      console.error(`${POSTGRES_SCHEMA} is out of date: run npm run schema:sync`);
      process.exit(1);
    }
  } else {
    writeFileSync(POSTGRES_SCHEMA, derived);
  }
}
