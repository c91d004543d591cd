-- CreateTable
CREATE TABLE "ChatConversation" (
    "id" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "userId" TEXT,
    "email" TEXT,
    "reference" JSONB NOT NULL,
    "digest" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChatConversation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ChatConversation_platform_userId_idx" ON "ChatConversation"("platform", "userId");

-- CreateIndex
CREATE INDEX "ChatConversation_platform_email_idx" ON "ChatConversation"("platform", "email");

-- CreateIndex
CREATE UNIQUE INDEX "ChatConversation_platform_conversationId_key" ON "ChatConversation"("platform", "conversationId");
