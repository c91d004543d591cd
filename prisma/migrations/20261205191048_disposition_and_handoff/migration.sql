-- CreateTable
CREATE TABLE "DispositionBatch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "action" TEXT NOT NULL,
    "jobId" TEXT,
    "stageId" TEXT,
    "archiveReasonId" TEXT,
    "archiveReasonTitle" TEXT,
    "emailTemplateId" TEXT,
    "actorId" TEXT NOT NULL,
    "actorName" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "DispositionItem" (
    "batchId" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "expectedStageId" TEXT,
    "rank" INTEGER,
    "state" TEXT NOT NULL,
    "outcome" TEXT,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("batchId", "applicationId"),
    CONSTRAINT "DispositionItem_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "DispositionBatch" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HandoffDelivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "endpoint" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" DATETIME
);

-- CreateTable
CREATE TABLE "HandoffAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "deliveryId" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "httpStatus" INTEGER,
    "error" TEXT,
    CONSTRAINT "HandoffAttempt_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "HandoffDelivery" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "HandoffDelivery_createdAt_idx" ON "HandoffDelivery"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "HandoffDelivery_applicationId_endpoint_key" ON "HandoffDelivery"("applicationId", "endpoint");

-- CreateIndex
CREATE INDEX "HandoffAttempt_deliveryId_idx" ON "HandoffAttempt"("deliveryId");
