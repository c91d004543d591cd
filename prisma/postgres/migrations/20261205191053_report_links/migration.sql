-- AlterTable
ALTER TABLE "ShareLink" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'shortlist';
