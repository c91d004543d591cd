-- CreateTable
CREATE TABLE "CandidateIntake" (
    "jobId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "candidateId" TEXT,
    "applicationId" TEXT,
    "claimedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CandidateIntake_pkey" PRIMARY KEY ("jobId","key")
);
