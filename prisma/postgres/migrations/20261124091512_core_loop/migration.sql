-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "currentScore" INTEGER,
ADD COLUMN     "latestVerdict" TEXT,
ADD COLUMN     "screeningDetail" TEXT,
ADD COLUMN     "screeningState" TEXT NOT NULL DEFAULT 'pending';

-- AlterTable
ALTER TABLE "QueueJob" ADD COLUMN     "singletonKey" TEXT;

-- CreateIndex
CREATE INDEX "Application_jobId_status_currentScore_idx" ON "Application"("jobId", "status", "currentScore");

-- CreateIndex
CREATE INDEX "QueueJob_queue_singletonKey_state_idx" ON "QueueJob"("queue", "singletonKey", "state");
