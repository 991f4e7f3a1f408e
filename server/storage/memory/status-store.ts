import type { Status, StatusStore, TaskStatus } from "@/server/storage/contracts/status-store";

/** StatusStore in memory, for unit tests. */
export class MemoryStatusStore implements StatusStore {
  private readonly connectors = new Map<string, Status>();
  private readonly taskStatuses = new Map<string, Map<number, Status>>();

  async putConnector(connector: string, status: Status): Promise<void> {
    this.connectors.set(connector, { ...status });
  }

  async putTask(connector: string, task: number, status: Status): Promise<void> {
    let tasks = this.taskStatuses.get(connector);
    if (!tasks) this.taskStatuses.set(connector, (tasks = new Map()));
    tasks.set(task, { ...status });
  }

  async connector(connector: string): Promise<Status | undefined> {
    const status = this.connectors.get(connector);
    return status && { ...status };
  }

  async tasks(connector: string): Promise<TaskStatus[]> {
    return [...(this.taskStatuses.get(connector) ?? new Map<number, Status>()).entries()]
      .sort(([a], [b]) => a - b)
      .map(([task, status]) => ({ ...status, task }));
  }

  async removeTasks(connector: string, fromTask: number): Promise<void> {
    const tasks = this.taskStatuses.get(connector);
    for (const task of [...(tasks?.keys() ?? [])]) if (task >= fromTask) tasks!.delete(task);
  }

  async removeConnector(connector: string): Promise<void> {
    this.connectors.delete(connector);
    this.taskStatuses.delete(connector);
  }
}
