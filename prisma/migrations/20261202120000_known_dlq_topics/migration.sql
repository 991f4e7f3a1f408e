-- CreateTable
CREATE TABLE "KnownDlqTopic" (
    "topic" TEXT NOT NULL PRIMARY KEY,
    "connectors" TEXT NOT NULL,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

