import type { ConnectorsAndTasks } from "@/server/runtime/distributed/connect-protocol";
import type { RebalanceRecord, WorkMove } from "@/server/runtime/herder/herder-types";

const connectorKey = (name: string) => `c\u0000${name}`;
const taskKey = (connector: string, task: number) => `t\u0000${connector}\u0000${task}`;

/**
 * The leader's timeline of its generations: for each one that changed who runs what, the work
 * that was assigned, revoked or moved (from which worker to which) and, for work that waited
 * without a worker (revoked for balance, or left behind by a worker that died), how long it
 * waited. Kept in memory by the leader, newest `limit` generations; a new leader starts afresh.
 */
export class RebalanceHistory {
  private owners = new Map<string, string>();
  private readonly unowned = new Map<string, { since: number; from: string | null }>();
  private workers = 0;
  private readonly records: RebalanceRecord[] = [];

  constructor(
    private readonly limit = 50,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records generation `generation`: each member's work after it (`members`) against the work there is (`configured`). */
  record(generation: number, members: Array<{ url: string; work: ConnectorsAndTasks }>, configured: ConnectorsAndTasks): void {
    const at = this.now();
    const current = new Map<string, string>();
    for (const { url, work } of members) {
      for (const name of work.connectors) current.set(connectorKey(name), url);
      for (const { connector, task } of work.tasks) current.set(taskKey(connector, task), url);
    }
    const items = new Map<string, { connector: string; task?: number }>();
    for (const name of configured.connectors) items.set(connectorKey(name), { connector: name });
    for (const { connector, task } of configured.tasks) items.set(taskKey(connector, task), { connector, task });
    const moves: WorkMove[] = [];
    for (const [key, item] of items) {
      const before = this.owners.get(key) ?? null;
      const after = current.get(key) ?? null;
      if (after === null) {
        if (!this.unowned.has(key)) this.unowned.set(key, { since: at, from: before });
        if (before !== null) moves.push({ ...item, from: before, to: null });
        continue;
      }
      const waited = this.unowned.get(key);
      this.unowned.delete(key);
      if (waited) moves.push({ ...item, from: waited.from, to: after, unassignedMs: at - waited.since });
      else if (before !== after) moves.push({ ...item, from: before, to: after });
    }
    for (const key of [...this.unowned.keys()]) if (!items.has(key)) this.unowned.delete(key);
    this.owners = current;
    if (moves.length === 0 && members.length === this.workers) return;
    this.workers = members.length;
    this.records.unshift({ generation, at, workers: members.length, moves });
    this.records.splice(this.limit);
  }

  /** Newest first. */
  list(): RebalanceRecord[] {
    return this.records.map((record) => ({ ...record, moves: record.moves.map((move) => ({ ...move })) }));
  }
}
