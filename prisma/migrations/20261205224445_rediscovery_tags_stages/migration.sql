-- AlterTable
ALTER TABLE "Application" ADD COLUMN "stagesReached" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Candidate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT,
    "primaryEmail" TEXT,
    "resumeFileHandle" TEXT,
    "ashbyUpdatedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "tags" TEXT,
    "doNotContact" BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO "new_Candidate" ("ashbyUpdatedAt", "createdAt", "id", "name", "primaryEmail", "resumeFileHandle", "updatedAt") SELECT "ashbyUpdatedAt", "createdAt", "id", "name", "primaryEmail", "resumeFileHandle", "updatedAt" FROM "Candidate";
DROP TABLE "Candidate";
ALTER TABLE "new_Candidate" RENAME TO "Candidate";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
