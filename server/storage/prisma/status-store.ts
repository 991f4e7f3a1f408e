import type { ConnectorStatuses, ConnectState, Status, StatusChange, StatusStore, TaskStatus } from "@/server/storage/contracts/status-store";
import { MemoryStatusStore } from "@/server/storage/memory/status-store";
import type { Database } from "@/server/storage/prisma/database";

/** The `task` column value that stands for the connector itself. */
const CONNECTOR = -1;

type Row = { connector: string; task: number; state: string; trace: string | null; workerId: string; generation: number };

function toStatus(row: Row): Status {
  return { state: row.state as ConnectState, ...(row.trace !== null ? { trace: row.trace } : {}), workerId: row.workerId, generation: row.generation };
}

/**
 * StatusStore on SQLite; the connector's own status is the row with task -1. `start()` reads the
 * table into memory; reads and snapshots are served from there. Each write is applied to memory
 * (and told to subscribers) once committed; writes run one at a time, in call order, so a
 * status reported after another is never overwritten by it. Right only while this process is
 * the database's one owner (store-lock.ts).
 */
export class PrismaStatusStore implements StatusStore {
  private readonly state = new MemoryStatusStore();
  private readonly listeners = new Set<(change: StatusChange) => void>();
  private loaded = false;
  private writes: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: Database) {
    this.state.subscribe((change) => {
      if (this.loaded) for (const listener of this.listeners) listener(change);
    });
  }

  async start(): Promise<void> {
    const rows = await this.db.connectStatus.findMany({ orderBy: [{ connector: "asc" }, { task: "asc" }] });
    for (const row of rows) {
      if (row.task === CONNECTOR) await this.state.putConnector(row.connector, toStatus(row));
      else await this.state.putTask(row.connector, row.task, toStatus(row));
    }
    this.loaded = true;
  }

  snapshot(): ReadonlyMap<string, ConnectorStatuses> {
    return this.state.snapshot();
  }

  subscribe(listener: (change: StatusChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  putConnector(connector: string, status: Status): Promise<void> {
    return this.serially(async () => {
      await this.put(connector, CONNECTOR, status);
      await this.state.putConnector(connector, status);
    });
  }

  putTask(connector: string, task: number, status: Status): Promise<void> {
    return this.serially(async () => {
      await this.put(connector, task, status);
      await this.state.putTask(connector, task, status);
    });
  }

  connector(connector: string): Promise<Status | undefined> {
    return this.state.connector(connector);
  }

  tasks(connector: string): Promise<TaskStatus[]> {
    return this.state.tasks(connector);
  }

  removeTasks(connector: string, fromTask: number): Promise<void> {
    return this.serially(async () => {
      await this.db.connectStatus.deleteMany({ where: { connector, task: { gte: Math.max(fromTask, 0) } } });
      await this.state.removeTasks(connector, fromTask);
    });
  }

  removeConnector(connector: string): Promise<void> {
    return this.serially(async () => {
      await this.db.connectStatus.deleteMany({ where: { connector } });
      await this.state.removeConnector(connector);
    });
  }

  private async put(connector: string, task: number, status: Status): Promise<void> {
    const data = { state: status.state, trace: status.trace ?? null, workerId: status.workerId, generation: status.generation };
    await this.db.connectStatus.upsert({ where: { connector_task: { connector, task } }, create: { connector, task, ...data }, update: data });
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.writes.catch(() => undefined).then(work);
    this.writes = next;
    return next;
  }
}
