-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "stagesReached" TEXT;

-- AlterTable
ALTER TABLE "Candidate" ADD COLUMN     "doNotContact" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "tags" TEXT;
