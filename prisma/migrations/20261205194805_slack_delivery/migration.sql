-- CreateTable
CREATE TABLE "SlackDelivery" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "SlackDelivery_receivedAt_idx" ON "SlackDelivery"("receivedAt");
