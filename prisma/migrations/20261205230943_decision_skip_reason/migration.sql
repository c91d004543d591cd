-- AlterTable
ALTER TABLE "Decision" ADD COLUMN "skipReason" TEXT;
