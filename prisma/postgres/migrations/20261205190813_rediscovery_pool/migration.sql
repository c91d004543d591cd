-- Rediscovery's pool and its full-text index, written by hand: Prisma models neither FTS5 tables nor
-- tsvector columns, so this table is declared external (src/db/external-tables.ts), read and written
-- with raw SQL (src/core/pool/).

-- One row per candidate whose current resume is readable: the text the index reads (the resume, then
-- the parsed titles and skills), and its tsvector, generated from it with English stemming ("managed"
-- matches "manager") and searched through a GIN index.
CREATE TABLE "PoolDocument" (
    "id" SERIAL NOT NULL,
    "candidateId" TEXT NOT NULL,
    "resumeHash" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "search" tsvector GENERATED ALWAYS AS (to_tsvector('english', "body")) STORED,

    CONSTRAINT "PoolDocument_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "PoolDocument_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE UNIQUE INDEX "PoolDocument_candidateId_key" ON "PoolDocument"("candidateId");

CREATE INDEX "PoolDocument_search_idx" ON "PoolDocument" USING GIN ("search");
