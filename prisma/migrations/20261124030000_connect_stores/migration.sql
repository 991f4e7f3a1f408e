-- CreateTable
CREATE TABLE "Connector" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "config" TEXT NOT NULL,
    "targetState" TEXT NOT NULL DEFAULT 'STARTED',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "TaskConfig" (
    "connector" TEXT NOT NULL,
    "task" INTEGER NOT NULL,
    "config" TEXT NOT NULL,

    PRIMARY KEY ("connector", "task"),
    CONSTRAINT "TaskConfig_connector_fkey" FOREIGN KEY ("connector") REFERENCES "Connector" ("name") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SourceOffset" (
    "connector" TEXT NOT NULL,
    "partition" TEXT NOT NULL,
    "offset" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("connector", "partition")
);

-- CreateTable
CREATE TABLE "ConnectStatus" (
    "connector" TEXT NOT NULL,
    "task" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "trace" TEXT,
    "workerId" TEXT NOT NULL,
    "generation" INTEGER NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("connector", "task")
);

