-- Rediscovery's filter facts on each pool document, so that counting the pool a rediscovery searches
-- ("considered") is one indexed count instead of four correlated look-ups per document. "facts" is a
-- bit set about the candidate, recomputed by the triggers below whenever what it says can change:
--   1  an application Archived or Lead      2  an application Active
--   4  an application Hired                 8  flagged do-not-contact in Ashby
-- Written by hand (PoolDocument is an external table, src/db/external-tables.ts). A later migration that
-- redefines "Application" or "Candidate" (Prisma's SQLite RedefineTables) drops their triggers with the
-- table and must create them again: test/core/rediscovery/pool-facts.test.ts fails if they are missing.

ALTER TABLE "PoolDocument" ADD COLUMN "facts" INTEGER NOT NULL DEFAULT 0;

UPDATE "PoolDocument" SET "facts" = (CASE WHEN EXISTS (SELECT 1 FROM "Application" a WHERE a."candidateId" = "PoolDocument"."candidateId" AND a."status" IN ('Archived', 'Lead')) THEN 1 ELSE 0 END)
        + (CASE WHEN EXISTS (SELECT 1 FROM "Application" a WHERE a."candidateId" = "PoolDocument"."candidateId" AND a."status" = 'Active') THEN 2 ELSE 0 END)
        + (CASE WHEN EXISTS (SELECT 1 FROM "Application" a WHERE a."candidateId" = "PoolDocument"."candidateId" AND a."status" = 'Hired') THEN 4 ELSE 0 END)
        + (CASE WHEN EXISTS (SELECT 1 FROM "Candidate" c WHERE c."id" = "PoolDocument"."candidateId" AND c."doNotContact") THEN 8 ELSE 0 END);

CREATE INDEX "PoolDocument_facts_idx" ON "PoolDocument"("facts");

CREATE TRIGGER "PoolDocument_facts_insert" AFTER INSERT ON "PoolDocument" BEGIN
    UPDATE "PoolDocument" SET "facts" = (CASE WHEN EXISTS (SELECT 1 FROM "Application" a WHERE a."candidateId" = new."candidateId" AND a."status" IN ('Archived', 'Lead')) THEN 1 ELSE 0 END)
        + (CASE WHEN EXISTS (SELECT 1 FROM "Application" a WHERE a."candidateId" = new."candidateId" AND a."status" = 'Active') THEN 2 ELSE 0 END)
        + (CASE WHEN EXISTS (SELECT 1 FROM "Application" a WHERE a."candidateId" = new."candidateId" AND a."status" = 'Hired') THEN 4 ELSE 0 END)
        + (CASE WHEN EXISTS (SELECT 1 FROM "Candidate" c WHERE c."id" = new."candidateId" AND c."doNotContact") THEN 8 ELSE 0 END) WHERE "id" = new."id";
END;

CREATE TRIGGER "Application_pool_facts_insert" AFTER INSERT ON "Application" BEGIN
    UPDATE "PoolDocument" SET "facts" = (CASE WHEN EXISTS (SELECT 1 FROM "Application" a WHERE a."candidateId" = new."candidateId" AND a."status" IN ('Archived', 'Lead')) THEN 1 ELSE 0 END)
        + (CASE WHEN EXISTS (SELECT 1 FROM "Application" a WHERE a."candidateId" = new."candidateId" AND a."status" = 'Active') THEN 2 ELSE 0 END)
        + (CASE WHEN EXISTS (SELECT 1 FROM "Application" a WHERE a."candidateId" = new."candidateId" AND a."status" = 'Hired') THEN 4 ELSE 0 END)
        + (CASE WHEN EXISTS (SELECT 1 FROM "Candidate" c WHERE c."id" = new."candidateId" AND c."doNotContact") THEN 8 ELSE 0 END) WHERE "candidateId" = new."candidateId";
END;

CREATE TRIGGER "Application_pool_facts_update" AFTER UPDATE OF "status", "candidateId" ON "Application" BEGIN
    UPDATE "PoolDocument" SET "facts" = (CASE WHEN EXISTS (SELECT 1 FROM "Application" a WHERE a."candidateId" = new."candidateId" AND a."status" IN ('Archived', 'Lead')) THEN 1 ELSE 0 END)
        + (CASE WHEN EXISTS (SELECT 1 FROM "Application" a WHERE a."candidateId" = new."candidateId" AND a."status" = 'Active') THEN 2 ELSE 0 END)
        + (CASE WHEN EXISTS (SELECT 1 FROM "Application" a WHERE a."candidateId" = new."candidateId" AND a."status" = 'Hired') THEN 4 ELSE 0 END)
        + (CASE WHEN EXISTS (SELECT 1 FROM "Candidate" c WHERE c."id" = new."candidateId" AND c."doNotContact") THEN 8 ELSE 0 END) WHERE "candidateId" = new."candidateId";
    UPDATE "PoolDocument" SET "facts" = (CASE WHEN EXISTS (SELECT 1 FROM "Application" a WHERE a."candidateId" = old."candidateId" AND a."status" IN ('Archived', 'Lead')) THEN 1 ELSE 0 END)
        + (CASE WHEN EXISTS (SELECT 1 FROM "Application" a WHERE a."candidateId" = old."candidateId" AND a."status" = 'Active') THEN 2 ELSE 0 END)
        + (CASE WHEN EXISTS (SELECT 1 FROM "Application" a WHERE a."candidateId" = old."candidateId" AND a."status" = 'Hired') THEN 4 ELSE 0 END)
        + (CASE WHEN EXISTS (SELECT 1 FROM "Candidate" c WHERE c."id" = old."candidateId" AND c."doNotContact") THEN 8 ELSE 0 END) WHERE "candidateId" = old."candidateId" AND old."candidateId" <> new."candidateId";
END;

CREATE TRIGGER "Application_pool_facts_delete" AFTER DELETE ON "Application" BEGIN
    UPDATE "PoolDocument" SET "facts" = (CASE WHEN EXISTS (SELECT 1 FROM "Application" a WHERE a."candidateId" = old."candidateId" AND a."status" IN ('Archived', 'Lead')) THEN 1 ELSE 0 END)
        + (CASE WHEN EXISTS (SELECT 1 FROM "Application" a WHERE a."candidateId" = old."candidateId" AND a."status" = 'Active') THEN 2 ELSE 0 END)
        + (CASE WHEN EXISTS (SELECT 1 FROM "Application" a WHERE a."candidateId" = old."candidateId" AND a."status" = 'Hired') THEN 4 ELSE 0 END)
        + (CASE WHEN EXISTS (SELECT 1 FROM "Candidate" c WHERE c."id" = old."candidateId" AND c."doNotContact") THEN 8 ELSE 0 END) WHERE "candidateId" = old."candidateId";
END;

CREATE TRIGGER "Candidate_pool_facts_update" AFTER UPDATE OF "doNotContact" ON "Candidate" BEGIN
    UPDATE "PoolDocument" SET "facts" = (CASE WHEN EXISTS (SELECT 1 FROM "Application" a WHERE a."candidateId" = new."id" AND a."status" IN ('Archived', 'Lead')) THEN 1 ELSE 0 END)
        + (CASE WHEN EXISTS (SELECT 1 FROM "Application" a WHERE a."candidateId" = new."id" AND a."status" = 'Active') THEN 2 ELSE 0 END)
        + (CASE WHEN EXISTS (SELECT 1 FROM "Application" a WHERE a."candidateId" = new."id" AND a."status" = 'Hired') THEN 4 ELSE 0 END)
        + (CASE WHEN EXISTS (SELECT 1 FROM "Candidate" c WHERE c."id" = new."id" AND c."doNotContact") THEN 8 ELSE 0 END) WHERE "candidateId" = new."id";
END;
