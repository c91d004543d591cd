-- CreateTable
CREATE TABLE "CandidateIntake" (
    "jobId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "candidateId" TEXT,
    "applicationId" TEXT,
    "claimedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("jobId", "key")
);
