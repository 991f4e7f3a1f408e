-- CreateTable
CREATE TABLE "MetricRollup" (
    "connector" TEXT NOT NULL,
    "task" INTEGER NOT NULL,
    "metric" TEXT NOT NULL,
    "minute" INTEGER NOT NULL,
    "sum" REAL NOT NULL,
    "max" REAL NOT NULL,
    "samples" INTEGER NOT NULL,

    PRIMARY KEY ("connector", "task", "metric", "minute")
);

-- CreateIndex
CREATE INDEX "MetricRollup_minute_idx" ON "MetricRollup"("minute");

