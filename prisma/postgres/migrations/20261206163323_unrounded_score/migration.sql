-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "currentRawScore" DOUBLE PRECISION;

-- Scores stored before: the unrounded score their latest score row kept among its features.
UPDATE "Application" SET "currentRawScore" = (
    SELECT (s."features"->>'raw')::DOUBLE PRECISION FROM "Score" s
    WHERE s."applicationId" = "Application"."id" AND s."score" = "Application"."currentScore"
    ORDER BY s."createdAt" DESC LIMIT 1
) WHERE "currentScore" IS NOT NULL;
