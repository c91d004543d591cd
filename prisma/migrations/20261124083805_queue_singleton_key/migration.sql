-- AlterTable
ALTER TABLE "QueueJob" ADD COLUMN "singletonKey" TEXT;

-- CreateIndex
CREATE INDEX "QueueJob_queue_singletonKey_state_idx" ON "QueueJob"("queue", "singletonKey", "state");
