-- The pool's tsvector reads punctuation as a space. PostgreSQL's parser kept "Node.js", "CI/CD" and
-- "ASP.NET" whole, as one lexeme each, while a job's query names their words ("node", "js"), as the
-- SQLite index (FTS5's unicode61) reads them: a Node.js requirement found no Node.js resume. Letters
-- of any language stay as they are: [[:punct:]] is punctuation only, whatever the database's locale.
DROP INDEX "PoolDocument_search_idx";

ALTER TABLE "PoolDocument" DROP COLUMN "search";

ALTER TABLE "PoolDocument" ADD COLUMN "search" tsvector
    GENERATED ALWAYS AS (to_tsvector('english', regexp_replace("body", '[[:punct:]]+', ' ', 'g'))) STORED;

CREATE INDEX "PoolDocument_search_idx" ON "PoolDocument" USING GIN ("search");
