-- DropIndex
DROP INDEX "QueueJob_queue_state_runAt_idx";

-- AlterTable
ALTER TABLE "QueueJob" ADD COLUMN     "priority" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "QueueJob_queue_state_priority_runAt_idx" ON "QueueJob"("queue", "state", "priority" DESC, "runAt");
