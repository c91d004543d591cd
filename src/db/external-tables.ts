import type { SchemaFilter } from '@prisma/schema-engine-wasm';

/**
 * Tables the migrations create by hand and Prisma does not model: rediscovery's pool with its
 * full-text index (an FTS5 table and its shadow tables on SQLite, a tsvector column on PostgreSQL).
 * Every schema-engine call passes them as external, so the drift check and new migrations leave them
 * alone instead of dropping them.
 */
const SQLITE_TABLES = [
  'PoolDocument',
  'PoolDocumentFts',
  'PoolDocumentFts_config',
  'PoolDocumentFts_data',
  'PoolDocumentFts_docsize',
  'PoolDocumentFts_idx',
];
const POSTGRES_TABLES = ['public.PoolDocument'];

/** The filter for an engine's connector (Prisma names PostgreSQL tables with their schema). */
export function schemaFilterFor(connector: string): SchemaFilter {
  return {
    externalTables: connector === 'sqlite' ? SQLITE_TABLES : POSTGRES_TABLES,
    externalEnums: [],
  };
}
