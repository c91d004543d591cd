-- Rediscovery's filter facts on each pool document, so that counting the pool a rediscovery searches
-- ("considered") is one indexed count instead of four correlated look-ups per document. "facts" is a
-- bit set about the candidate, recomputed by the triggers below whenever what it says can change:
--   1  an application Archived or Lead      2  an application Active
--   4  an application Hired                 8  flagged do-not-contact in Ashby
-- Written by hand (PoolDocument is an external table, src/db/external-tables.ts).

CREATE FUNCTION "pool_facts"(cid TEXT) RETURNS INTEGER LANGUAGE sql STABLE AS $$
    SELECT (CASE WHEN EXISTS (SELECT 1 FROM "Application" a WHERE a."candidateId" = cid AND a."status" IN ('Archived', 'Lead')) THEN 1 ELSE 0 END)
        + (CASE WHEN EXISTS (SELECT 1 FROM "Application" a WHERE a."candidateId" = cid AND a."status" = 'Active') THEN 2 ELSE 0 END)
        + (CASE WHEN EXISTS (SELECT 1 FROM "Application" a WHERE a."candidateId" = cid AND a."status" = 'Hired') THEN 4 ELSE 0 END)
        + (CASE WHEN EXISTS (SELECT 1 FROM "Candidate" c WHERE c."id" = cid AND c."doNotContact") THEN 8 ELSE 0 END)
$$;

ALTER TABLE "PoolDocument" ADD COLUMN "facts" INTEGER NOT NULL DEFAULT 0;

UPDATE "PoolDocument" SET "facts" = "pool_facts"("candidateId");

CREATE INDEX "PoolDocument_facts_idx" ON "PoolDocument"("facts");

CREATE FUNCTION "pool_document_facts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW."facts" := "pool_facts"(NEW."candidateId");
    RETURN NEW;
END
$$;

CREATE TRIGGER "PoolDocument_facts_insert" BEFORE INSERT ON "PoolDocument"
    FOR EACH ROW EXECUTE FUNCTION "pool_document_facts"();

-- The pool document is locked first, then its facts read in a fresh statement (a new snapshot under
-- READ COMMITTED): two transactions changing one candidate's applications at once each see the
-- other's committed change, so the later one leaves the facts right.
CREATE FUNCTION "pool_refresh_facts"(cid TEXT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM "PoolDocument" WHERE "candidateId" = cid FOR UPDATE;
    UPDATE "PoolDocument" SET "facts" = "pool_facts"(cid) WHERE "candidateId" = cid;
END
$$;

CREATE FUNCTION "application_pool_facts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'DELETE' THEN
        PERFORM "pool_refresh_facts"(NEW."candidateId");
    END IF;
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD."candidateId" <> NEW."candidateId") THEN
        PERFORM "pool_refresh_facts"(OLD."candidateId");
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER "Application_pool_facts" AFTER INSERT OR DELETE OR UPDATE OF "status", "candidateId" ON "Application"
    FOR EACH ROW EXECUTE FUNCTION "application_pool_facts"();

CREATE FUNCTION "candidate_pool_facts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "pool_refresh_facts"(NEW."id");
    RETURN NULL;
END
$$;

CREATE TRIGGER "Candidate_pool_facts" AFTER UPDATE OF "doNotContact" ON "Candidate"
    FOR EACH ROW EXECUTE FUNCTION "candidate_pool_facts"();
