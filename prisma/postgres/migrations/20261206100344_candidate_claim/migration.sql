-- CreateTable
CREATE TABLE "CandidateClaim" (
    "key" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "candidateId" TEXT,
    "claimedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CandidateClaim_pkey" PRIMARY KEY ("key")
);
