-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "requirementEdits" TEXT,
ADD COLUMN     "requirementsVersion" INTEGER;

-- CreateTable
CREATE TABLE "JobRequirementsVersion" (
    "jobId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "edits" JSONB NOT NULL,
    "descriptionHash" TEXT,
    "actorId" TEXT NOT NULL,
    "actorName" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobRequirementsVersion_pkey" PRIMARY KEY ("jobId","version")
);

-- AddForeignKey
ALTER TABLE "JobRequirementsVersion" ADD CONSTRAINT "JobRequirementsVersion_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;
