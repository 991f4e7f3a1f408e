import type { WorkerProcessRecord, WorkerProcessStore } from "@/server/storage/contracts/worker-process-store";

/** WorkerProcessStore in memory: a headless distributed worker has no database (its cluster knows its workers), and unit tests. `now` is injectable for a fake clock. */
export class MemoryWorkerProcessStore implements WorkerProcessStore {
  readonly records = new Map<string, WorkerProcessRecord>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  async started(record: Omit<WorkerProcessRecord, "startedAt" | "lastSeenAt" | "stoppedAt">): Promise<void> {
    const at = this.now();
    this.records.set(record.id, { ...record, startedAt: at, lastSeenAt: at, stoppedAt: null });
  }

  async seen(id: string): Promise<void> {
    this.update(id, { lastSeenAt: this.now() });
  }

  async stopped(id: string): Promise<void> {
    const at = this.now();
    this.update(id, { lastSeenAt: at, stoppedAt: at });
  }

  async recent(limit: number): Promise<WorkerProcessRecord[]> {
    return [...this.records.values()].sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime()).slice(0, limit);
  }

  async close(): Promise<void> {}

  private update(id: string, change: Partial<WorkerProcessRecord>): void {
    const record = this.records.get(id);
    if (!record) throw new Error(`No worker process ${id}`);
    this.records.set(id, { ...record, ...change });
  }
}
