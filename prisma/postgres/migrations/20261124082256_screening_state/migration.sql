-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "screeningDetail" TEXT,
ADD COLUMN     "screeningState" TEXT NOT NULL DEFAULT 'pending';
