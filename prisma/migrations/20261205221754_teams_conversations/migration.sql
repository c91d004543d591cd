-- CreateTable
CREATE TABLE "ChatConversation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "platform" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "userId" TEXT,
    "email" TEXT,
    "reference" JSONB NOT NULL,
    "digest" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "ChatConversation_platform_userId_idx" ON "ChatConversation"("platform", "userId");

-- CreateIndex
CREATE INDEX "ChatConversation_platform_email_idx" ON "ChatConversation"("platform", "email");

-- CreateIndex
CREATE UNIQUE INDEX "ChatConversation_platform_conversationId_key" ON "ChatConversation"("platform", "conversationId");
