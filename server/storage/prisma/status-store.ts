import type { ConnectState, Status, StatusStore, TaskStatus } from "@/server/storage/contracts/status-store";
import type { Database } from "@/server/storage/prisma/database";

/** The `task` column value that stands for the connector itself. */
const CONNECTOR = -1;

type Row = { task: number; state: string; trace: string | null; workerId: string; generation: number };

function toStatus(row: Row): Status {
  return { state: row.state as ConnectState, ...(row.trace !== null ? { trace: row.trace } : {}), workerId: row.workerId, generation: row.generation };
}

/** StatusStore on SQLite; the connector's own status is the row with task -1. */
export class PrismaStatusStore implements StatusStore {
  constructor(private readonly db: Database) {}

  putConnector(connector: string, status: Status): Promise<void> {
    return this.put(connector, CONNECTOR, status);
  }

  putTask(connector: string, task: number, status: Status): Promise<void> {
    return this.put(connector, task, status);
  }

  async connector(connector: string): Promise<Status | undefined> {
    const row = await this.db.connectStatus.findUnique({ where: { connector_task: { connector, task: CONNECTOR } } });
    return row ? toStatus(row) : undefined;
  }

  async tasks(connector: string): Promise<TaskStatus[]> {
    const rows = await this.db.connectStatus.findMany({ where: { connector, task: { gte: 0 } }, orderBy: { task: "asc" } });
    return rows.map((row) => ({ ...toStatus(row), task: row.task }));
  }

  async removeTasks(connector: string, fromTask: number): Promise<void> {
    await this.db.connectStatus.deleteMany({ where: { connector, task: { gte: Math.max(fromTask, 0) } } });
  }

  async removeConnector(connector: string): Promise<void> {
    await this.db.connectStatus.deleteMany({ where: { connector } });
  }

  private async put(connector: string, task: number, status: Status): Promise<void> {
    const data = { state: status.state, trace: status.trace ?? null, workerId: status.workerId, generation: status.generation };
    await this.db.connectStatus.upsert({ where: { connector_task: { connector, task } }, create: { connector, task, ...data }, update: data });
  }
}
