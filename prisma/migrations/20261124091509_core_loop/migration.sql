-- AlterTable
ALTER TABLE "QueueJob" ADD COLUMN "singletonKey" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Application" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "candidateId" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "stageId" TEXT,
    "stageTitle" TEXT,
    "archiveReason" TEXT,
    "sourceTitle" TEXT,
    "creditedToUserId" TEXT,
    "hiredAt" DATETIME,
    "screeningState" TEXT NOT NULL DEFAULT 'pending',
    "screeningDetail" TEXT,
    "currentScore" INTEGER,
    "latestVerdict" TEXT,
    "ashbyUpdatedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Application_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Application_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Application" ("archiveReason", "ashbyUpdatedAt", "candidateId", "createdAt", "creditedToUserId", "hiredAt", "id", "jobId", "sourceTitle", "stageId", "stageTitle", "status", "updatedAt") SELECT "archiveReason", "ashbyUpdatedAt", "candidateId", "createdAt", "creditedToUserId", "hiredAt", "id", "jobId", "sourceTitle", "stageId", "stageTitle", "status", "updatedAt" FROM "Application";
DROP TABLE "Application";
ALTER TABLE "new_Application" RENAME TO "Application";
CREATE INDEX "Application_jobId_status_idx" ON "Application"("jobId", "status");
CREATE INDEX "Application_jobId_status_currentScore_idx" ON "Application"("jobId", "status", "currentScore");
CREATE INDEX "Application_candidateId_idx" ON "Application"("candidateId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "QueueJob_queue_singletonKey_state_idx" ON "QueueJob"("queue", "singletonKey", "state");
