-- CreateTable
CREATE TABLE "RateWindow" (
    "key" TEXT NOT NULL,
    "windowStart" DATETIME NOT NULL,
    "used" INTEGER NOT NULL,

    PRIMARY KEY ("key", "windowStart")
);
