-- AlterTable
ALTER TABLE "Application" ADD COLUMN "currentRawScore" REAL;

-- Scores stored before: the unrounded score their latest score row kept among its features.
UPDATE "Application" SET "currentRawScore" = (
    SELECT CAST(json_extract(s."features", '$.raw') AS REAL) FROM "Score" s
    WHERE s."applicationId" = "Application"."id" AND s."score" = "Application"."currentScore"
    ORDER BY s."createdAt" DESC LIMIT 1
) WHERE "currentScore" IS NOT NULL;
