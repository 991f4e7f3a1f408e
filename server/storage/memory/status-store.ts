import type { ConnectorStatuses, Status, StatusChange, StatusStore, TaskStatus } from "@/server/storage/contracts/status-store";
import { SnapshotMap } from "@/server/storage/memory/snapshot-map";

/**
 * StatusStore in memory: the unit tests' store, and the in-memory state the durable stores serve
 * reads from (they apply each write here once it is durable). A connector's entry is replaced on
 * each write, so an entry handed out by `snapshot()` never changes; `snapshot()` copies the map
 * at most once per write, so reads between writes cost O(1) whatever the number of connectors.
 */
export class MemoryStatusStore implements StatusStore {
  private readonly entries = new SnapshotMap<string, ConnectorStatuses>();
  private readonly listeners = new Set<(change: StatusChange) => void>();

  async start(): Promise<void> {}

  snapshot(): ReadonlyMap<string, ConnectorStatuses> {
    return this.entries.snapshot();
  }

  subscribe(listener: (change: StatusChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async putConnector(connector: string, status: Status): Promise<void> {
    const entry = this.entries.get(connector);
    this.entries.set(connector, { connector: { ...status }, tasks: entry?.tasks ?? new Map() });
    this.tell({ connector, task: null, status: { ...status } });
  }

  async putTask(connector: string, task: number, status: Status): Promise<void> {
    const entry = this.entries.get(connector);
    const tasks = new Map(entry?.tasks ?? []);
    tasks.set(task, { ...status });
    this.entries.set(connector, { connector: entry?.connector, tasks: new Map([...tasks.entries()].sort(([a], [b]) => a - b)) });
    this.tell({ connector, task, status: { ...status } });
  }

  async connector(connector: string): Promise<Status | undefined> {
    const status = this.entries.get(connector)?.connector;
    return status && { ...status };
  }

  async tasks(connector: string): Promise<TaskStatus[]> {
    return [...(this.entries.get(connector)?.tasks ?? new Map<number, Status>()).entries()].map(([task, status]) => ({ ...status, task }));
  }

  async removeTasks(connector: string, fromTask: number): Promise<void> {
    const entry = this.entries.get(connector);
    if (!entry) return;
    this.entries.set(connector, { connector: entry.connector, tasks: new Map([...entry.tasks.entries()].filter(([task]) => task < fromTask)) });
  }

  async removeConnector(connector: string): Promise<void> {
    this.entries.delete(connector);
  }

  private tell(change: StatusChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
