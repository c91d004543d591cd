-- CreateTable
CREATE TABLE "ScreeningFollowUp" (
    "applicationId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScreeningFollowUp_pkey" PRIMARY KEY ("applicationId","channel","recipient")
);
