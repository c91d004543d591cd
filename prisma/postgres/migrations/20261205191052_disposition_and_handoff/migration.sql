-- CreateTable
CREATE TABLE "DispositionBatch" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DispositionBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DispositionItem" (
    "batchId" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "expectedStageId" TEXT,
    "rank" INTEGER,
    "state" TEXT NOT NULL,
    "outcome" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DispositionItem_pkey" PRIMARY KEY ("batchId","applicationId")
);

-- CreateTable
CREATE TABLE "HandoffDelivery" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "endpoint" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" TIMESTAMP(3),

    CONSTRAINT "HandoffDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HandoffAttempt" (
    "id" TEXT NOT NULL,
    "deliveryId" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "httpStatus" INTEGER,
    "error" TEXT,

    CONSTRAINT "HandoffAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "HandoffDelivery_createdAt_idx" ON "HandoffDelivery"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "HandoffDelivery_applicationId_endpoint_key" ON "HandoffDelivery"("applicationId", "endpoint");

-- CreateIndex
CREATE INDEX "HandoffAttempt_deliveryId_idx" ON "HandoffAttempt"("deliveryId");

-- AddForeignKey
ALTER TABLE "DispositionItem" ADD CONSTRAINT "DispositionItem_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "DispositionBatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HandoffAttempt" ADD CONSTRAINT "HandoffAttempt_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "HandoffDelivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;
