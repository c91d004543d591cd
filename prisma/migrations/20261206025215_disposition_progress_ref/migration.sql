-- AlterTable
ALTER TABLE "DispositionBatch" ADD COLUMN "progressRef" JSONB;
