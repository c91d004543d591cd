-- Rediscovery's pool and its full-text index, written by hand: Prisma models neither FTS5 tables nor
-- tsvector columns, so these tables are declared external (src/db/external-tables.ts), read and
-- written with raw SQL (src/core/pool/).

-- One row per candidate whose current resume is readable: the text the index reads (the resume, then
-- the parsed titles and skills).
CREATE TABLE "PoolDocument" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "candidateId" TEXT NOT NULL,
    "resumeHash" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PoolDocument_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE UNIQUE INDEX "PoolDocument_candidateId_key" ON "PoolDocument"("candidateId");

-- FTS5 reads the text from PoolDocument (external content, by its integer id, so nothing is stored
-- twice) and the triggers keep it current; the porter stemmer matches "managed" with "manager".
CREATE VIRTUAL TABLE "PoolDocumentFts" USING fts5("body", content='PoolDocument', content_rowid='id', tokenize='porter unicode61');

CREATE TRIGGER "PoolDocument_fts_insert" AFTER INSERT ON "PoolDocument" BEGIN
    INSERT INTO "PoolDocumentFts" (rowid, "body") VALUES (new."id", new."body");
END;

CREATE TRIGGER "PoolDocument_fts_delete" AFTER DELETE ON "PoolDocument" BEGIN
    INSERT INTO "PoolDocumentFts" ("PoolDocumentFts", rowid, "body") VALUES ('delete', old."id", old."body");
END;

CREATE TRIGGER "PoolDocument_fts_update" AFTER UPDATE OF "body" ON "PoolDocument" BEGIN
    INSERT INTO "PoolDocumentFts" ("PoolDocumentFts", rowid, "body") VALUES ('delete', old."id", old."body");
    INSERT INTO "PoolDocumentFts" (rowid, "body") VALUES (new."id", new."body");
END;
