import type { ConnectorsAndTasks } from "@/server/runtime/distributed/connect-protocol";
import type { TaskId } from "@/server/runtime/worker/worker-task";

/** A group member as the leader sees it: what it runs now, from its join metadata. */
export interface MemberWork {
  memberId: string;
  running: ConnectorsAndTasks;
}

/** The leader's answer for one member in one generation. */
export interface MemberAssignment {
  /** Work it starts in this generation (in addition to what it keeps). */
  assigned: ConnectorsAndTasks;
  /** Work it stops; nobody else gets it before the next generation. */
  revoked: ConnectorsAndTasks;
}

/** One generation's assignments, by member id, and how long until the group should rebalance again (0: no need). */
export interface GenerationPlan {
  assignments: Map<string, MemberAssignment>;
  delayMs: number;
}

const taskKey = (id: TaskId) => `${id.connector}\u0000${id.task}`;
const compareTasks = (a: TaskId, b: TaskId) => (a.connector < b.connector ? -1 : a.connector > b.connector ? 1 : a.task - b.task);
const empty = (): ConnectorsAndTasks => ({ connectors: [], tasks: [] });

interface Load {
  memberId: string;
  connectors: string[];
  tasks: TaskId[];
}

/**
 * The group leader's incremental cooperative assignment (Kafka Connect's
 * IncrementalCooperativeAssignor, KIP-415), kept by the worker that leads:
 * - work that is no longer configured is revoked, and so is work two members run (kept on one);
 * - work a departed member held stays unassigned for up to `scheduled.rebalance.max.delay.ms`
 *   (the group is told to rebalance again when the delay is over), so a worker that restarts
 *   quickly finds it back instead of the cluster reshuffling twice; after the delay it goes to
 *   the least loaded members, like new work does at once;
 * - running work stays where it is unless the members' loads differ by more than one, in which
 *   case the excess is revoked from the busiest and given out in the next generation, after
 *   those members stopped it (never in the same generation).
 * Connectors and tasks are balanced separately, each by count. Not safe for concurrent use; the
 * clock is injected for tests.
 */
export class IncrementalCooperativeAssignor {
  /** What each member ran after the previous generation this leader assigned. */
  private previous = new Map<string, ConnectorsAndTasks>();
  /** Work of departed members held back until `heldUntil` (connector names; task keys). */
  private readonly heldConnectors = new Set<string>();
  private readonly heldTasks = new Set<string>();
  private heldUntil = 0;

  constructor(
    private readonly maxDelayMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Plans one generation from every member's running work and the configured work (connectors, and tasks 0..n-1 of each). */
  assign(members: MemberWork[], configured: ConnectorsAndTasks): GenerationPlan {
    const ordered = [...members].sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0));
    const wantedConnectors = new Set(configured.connectors);
    const wantedTasks = new Set(configured.tasks.map(taskKey));
    const revoked = new Map(ordered.map((m) => [m.memberId, empty()]));
    const kept = new Map<string, Load>();
    const placedConnectors = new Set<string>();
    const placedTasks = new Set<string>();
    for (const { memberId, running } of ordered) {
      const load: Load = { memberId, connectors: [], tasks: [] };
      for (const connector of running.connectors) {
        if (!wantedConnectors.has(connector) || placedConnectors.has(connector)) revoked.get(memberId)!.connectors.push(connector);
        else {
          placedConnectors.add(connector);
          load.connectors.push(connector);
        }
      }
      for (const task of running.tasks) {
        const key = taskKey(task);
        if (!wantedTasks.has(key) || placedTasks.has(key)) revoked.get(memberId)!.tasks.push(task);
        else {
          placedTasks.add(key);
          load.tasks.push(task);
        }
      }
      kept.set(memberId, load);
    }

    const unplacedConnectors = configured.connectors.filter((c) => !placedConnectors.has(c)).sort();
    const unplacedTasks = configured.tasks.filter((t) => !placedTasks.has(taskKey(t))).sort(compareTasks);
    const present = new Set(ordered.map((m) => m.memberId));
    for (const [memberId, work] of this.previous) {
      if (present.has(memberId)) continue;
      for (const connector of work.connectors) this.heldConnectors.add(connector);
      for (const task of work.tasks) this.heldTasks.add(taskKey(task));
    }
    for (const connector of [...this.heldConnectors]) if (placedConnectors.has(connector) || !wantedConnectors.has(connector)) this.heldConnectors.delete(connector);
    for (const key of [...this.heldTasks]) if (placedTasks.has(key) || !wantedTasks.has(key)) this.heldTasks.delete(key);
    let delayMs = 0;
    if (this.heldConnectors.size + this.heldTasks.size > 0 && this.maxDelayMs > 0) {
      if (this.heldUntil === 0) this.heldUntil = this.now() + this.maxDelayMs;
      delayMs = Math.max(0, this.heldUntil - this.now());
    }
    const holdLost = delayMs > 0;
    if (!holdLost) {
      this.heldConnectors.clear();
      this.heldTasks.clear();
      this.heldUntil = 0;
    }

    const assigned = new Map(ordered.map((m) => [m.memberId, empty()]));
    const loads = [...kept.values()];
    if (loads.length > 0) {
      for (const connector of unplacedConnectors) {
        if (holdLost && this.heldConnectors.has(connector)) continue;
        const target = leastLoaded(loads, (l) => l.connectors.length);
        target.connectors.push(connector);
        assigned.get(target.memberId)!.connectors.push(connector);
      }
      for (const task of unplacedTasks) {
        if (holdLost && this.heldTasks.has(taskKey(task))) continue;
        const target = leastLoaded(loads, (l) => l.tasks.length);
        target.tasks.push(task);
        assigned.get(target.memberId)!.tasks.push(task);
      }
      const anyRevoked = [...revoked.values()].some((r) => r.connectors.length + r.tasks.length > 0);
      if (!anyRevoked && !holdLost) this.rebalance(loads, revoked);
    }

    this.previous = new Map(loads.map((load) => [load.memberId, { connectors: [...load.connectors], tasks: [...load.tasks] }]));
    return { assignments: new Map(ordered.map((m) => [m.memberId, { assigned: assigned.get(m.memberId)!, revoked: revoked.get(m.memberId)! }])), delayMs };
  }

  /** Revokes from the busiest members what keeps the loads more than one apart; it is given out in the next generation. */
  private rebalance(loads: Load[], revoked: Map<string, ConnectorsAndTasks>): void {
    const ceiling = (total: number) => Math.ceil(total / loads.length);
    const connectorCeiling = ceiling(loads.reduce((sum, l) => sum + l.connectors.length, 0));
    const taskCeiling = ceiling(loads.reduce((sum, l) => sum + l.tasks.length, 0));
    const lightest = (count: (l: Load) => number) => Math.min(...loads.map(count));
    for (const load of loads) {
      while (load.connectors.length > connectorCeiling && load.connectors.length - lightest((l) => l.connectors.length) > 1) {
        revoked.get(load.memberId)!.connectors.push(load.connectors.pop()!);
      }
      while (load.tasks.length > taskCeiling && load.tasks.length - lightest((l) => l.tasks.length) > 1) {
        revoked.get(load.memberId)!.tasks.push(load.tasks.pop()!);
      }
    }
  }
}

function leastLoaded(loads: Load[], count: (load: Load) => number): Load {
  let best = loads[0]!;
  for (const load of loads) if (count(load) < count(best)) best = load;
  return best;
}
