import type { WorkerProcessRecord, WorkerProcessStore } from "@/server/storage/contracts/worker-process-store";
import type { Database } from "@/server/storage/prisma/database";
import type { StoreLock } from "@/server/storage/prisma/store-lock";

/**
 * WorkerProcessStore on the SQLite database (standalone and embedded modes). Owns `db` and, when
 * given, the process's store lock, released once the database is closed.
 */
export class PrismaWorkerProcessStore implements WorkerProcessStore {
  constructor(
    private readonly db: Database,
    private readonly lock?: StoreLock,
  ) {}

  async started(record: Omit<WorkerProcessRecord, "startedAt" | "lastSeenAt" | "stoppedAt">): Promise<void> {
    await this.db.workerProcess.create({ data: record });
  }

  async seen(id: string): Promise<void> {
    await this.db.workerProcess.update({ where: { id }, data: { lastSeenAt: new Date() } });
  }

  async stopped(id: string): Promise<void> {
    const now = new Date();
    await this.db.workerProcess.update({ where: { id }, data: { lastSeenAt: now, stoppedAt: now } });
  }

  async recent(limit: number): Promise<WorkerProcessRecord[]> {
    return this.db.workerProcess.findMany({ orderBy: { startedAt: "desc" }, take: limit });
  }

  async close(): Promise<void> {
    await this.db.$disconnect();
    this.lock?.release();
  }
}
