-- CreateTable
CREATE TABLE "DlqReplay" (
    "dlqTopic" TEXT NOT NULL,
    "partition" INTEGER NOT NULL,
    "offset" BIGINT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "targetTopic" TEXT NOT NULL,
    "targetPartition" INTEGER NOT NULL,
    "targetOffset" BIGINT NOT NULL,
    "edited" BOOLEAN NOT NULL DEFAULT false,
    "jobId" TEXT NOT NULL,
    "replayedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("dlqTopic", "partition", "offset")
);

