-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_QueueJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "queue" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "state" TEXT NOT NULL,
    "idempotencyKey" TEXT,
    "singletonKey" TEXT,
    "singletonSlot" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL,
    "backoffBaseMs" INTEGER NOT NULL,
    "priority" INTEGER NOT NULL DEFAULT 0,
    "runAt" DATETIME NOT NULL,
    "lockedBy" TEXT,
    "lockedUntil" DATETIME,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "startedAt" DATETIME,
    "completedAt" DATETIME
);
INSERT INTO "new_QueueJob" ("attempts", "backoffBaseMs", "completedAt", "createdAt", "id", "idempotencyKey", "lastError", "lockedBy", "lockedUntil", "maxAttempts", "payload", "queue", "runAt", "singletonKey", "singletonSlot", "startedAt", "state", "updatedAt") SELECT "attempts", "backoffBaseMs", "completedAt", "createdAt", "id", "idempotencyKey", "lastError", "lockedBy", "lockedUntil", "maxAttempts", "payload", "queue", "runAt", "singletonKey", "singletonSlot", "startedAt", "state", "updatedAt" FROM "QueueJob";
DROP TABLE "QueueJob";
ALTER TABLE "new_QueueJob" RENAME TO "QueueJob";
CREATE INDEX "QueueJob_queue_state_priority_runAt_idx" ON "QueueJob"("queue", "state", "priority" DESC, "runAt");
CREATE INDEX "QueueJob_state_lockedUntil_idx" ON "QueueJob"("state", "lockedUntil");
CREATE INDEX "QueueJob_queue_singletonKey_state_idx" ON "QueueJob"("queue", "singletonKey", "state");
CREATE UNIQUE INDEX "QueueJob_queue_idempotencyKey_key" ON "QueueJob"("queue", "idempotencyKey");
CREATE UNIQUE INDEX "QueueJob_queue_singletonSlot_key" ON "QueueJob"("queue", "singletonSlot");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
