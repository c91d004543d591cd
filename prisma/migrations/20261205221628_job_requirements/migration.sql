-- AlterTable
ALTER TABLE "Job" ADD COLUMN "requirementEdits" TEXT;
ALTER TABLE "Job" ADD COLUMN "requirementsVersion" INTEGER;

-- CreateTable
CREATE TABLE "JobRequirementsVersion" (
    "jobId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "edits" JSONB NOT NULL,
    "descriptionHash" TEXT,
    "actorId" TEXT NOT NULL,
    "actorName" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("jobId", "version"),
    CONSTRAINT "JobRequirementsVersion_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
