import { messageOf, TributaryError } from "@/server/errors/tributary-error";
import { getLogger } from "@/server/logging/logger";
import type { Assignment, AssignmentSource } from "@/server/runtime/herder/assignment";
import type { ForwardToLeader, Leadership, LeaderRoute } from "@/server/runtime/herder/leadership";
import {
  ASSIGNMENT_ERRORS,
  CONNECT_PROTOCOLS,
  decodeAssignment,
  decodeWorkerState,
  encodeAssignment,
  encodeWorkerState,
  type ConnectAssignment,
  type ConnectorsAndTasks,
  type WorkerState,
} from "@/server/runtime/distributed/connect-protocol";
import type { IncrementalCooperativeAssignor } from "@/server/runtime/distributed/incremental-assignor";
import { RebalanceHistory } from "@/server/runtime/distributed/rebalance-history";
import type { RebalanceRecord } from "@/server/runtime/herder/herder-types";
import type { RebalanceMetrics } from "@/server/runtime/metrics/rebalance-metrics";
import type { GroupAssignmentResult, GroupMemberHandler, GroupMemberInfo, WorkerGroupMember } from "@/server/runtime/ports";
import type { TaskId } from "@/server/runtime/worker/worker-task";
import type { ConfigChange, ConfigSnapshot, ConfigStore } from "@/server/storage/contracts/config-store";

/** What a WorkerCoordinator works with. */
export interface WorkerCoordinatorOptions {
  /** This worker's Connect REST API root, as other workers reach it (`rest.advertised.*`). */
  restUrl: string;
  configs: ConfigStore;
  member: WorkerGroupMember;
  assignor: IncrementalCooperativeAssignor;
  /** Reads the config store to its current end; the leader calls it before it assigns. */
  refreshConfigs?: () => Promise<void>;
  /** How leader-only requests reach the worker at a URL. */
  forwarder: (url: string) => ForwardToLeader;
  /** Resolves once the reconciler acted on the latest assignment (revoked work is stopped). */
  applied: () => Promise<void>;
  /** How long the leader waits for its config snapshot to reach a member's before answering CONFIG_MISMATCH. */
  configSyncTimeoutMs?: number;
  /** Where the rebalances this worker takes part in are recorded (Kafka Connect's connect-worker-rebalance-metrics). */
  rebalances?: RebalanceMetrics;
  /** Called with a failure that ended the membership. */
  onFatal: (error: Error) => void;
}

/** A worker as the group knows it (the Workers page and REST routing read it). */
export interface GroupWorker {
  memberId: string;
  url: string;
  leader: boolean;
  work: ConnectorsAndTasks;
}

const empty = (): ConnectorsAndTasks => ({ connectors: [], tasks: [] });
const taskKey = (id: TaskId) => `${id.connector}\u0000${id.task}`;
const log = getLogger("tributary.runtime.distributed");

/** Every connector of the snapshot and its tasks 0..n-1: the work there is to assign. */
function configuredWork(snapshot: ConfigSnapshot): ConnectorsAndTasks {
  const work = empty();
  for (const [name, stored] of snapshot.connectors) {
    work.connectors.push(name);
    for (let task = 0; task < stored.taskConfigs.length; task++) work.tasks.push({ connector: name, task });
  }
  return work;
}

function sameWork(a: ConnectorsAndTasks, b: ConnectorsAndTasks): boolean {
  const keys = (work: ConnectorsAndTasks) => [...work.connectors.map((c) => `c:${c}`), ...work.tasks.map((t) => `t:${taskKey(t)}`)].sort().join("\n");
  return keys(a) === keys(b);
}

/**
 * This worker's side of the group (Kafka Connect's WorkerCoordinator and the group half of its
 * DistributedHerder): joins with its REST URL, config-topic position and running work; as leader,
 * waits until its config snapshot is as far as every member's, then assigns with the incremental
 * cooperative assignor; applies each generation's assignment (running work minus revoked plus
 * assigned) for the reconciler, and joins again after revoked work stopped, after the leader's
 * delay, and (leader) when the configured work changed. It is also the herder's Leadership: this
 * worker when it leads, else the leader's REST API; during a rebalance, 409.
 */
export class WorkerCoordinator implements GroupMemberHandler, AssignmentSource, Leadership {
  private running: ConnectorsAndTasks = empty();
  private runningConnectors = new Set<string>();
  private runningTasks = new Set<string>();
  private generation = -1;
  private memberId = "";
  private leaderId = "";
  private leaderUrl = "";
  private lastAssigned: ConnectorsAndTasks | undefined;
  private members: GroupWorker[] = [];
  private readonly history = new RebalanceHistory();
  private readonly listeners = new Set<() => void>();
  private delayTimer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private markJoined!: () => void;
  /** Resolves once this worker holds its first assignment. */
  readonly joined: Promise<void> = new Promise((resolve) => (this.markJoined = resolve));

  constructor(private readonly options: WorkerCoordinatorOptions) {}

  /** Joins the group; the first assignment comes through `onAssigned`. */
  start(): void {
    this.unsubscribe = this.options.configs.subscribe((change) => this.onConfigChange(change));
    this.options.member.start(this);
  }

  /** Leaves the group (the others rebalance at once). */
  async stop(): Promise<void> {
    clearTimeout(this.delayTimer);
    this.unsubscribe?.();
    await this.options.member.stop();
  }

  /** The workers of the latest generation, as far as this worker knows them (all of them when it leads). */
  workers(): GroupWorker[] {
    return this.members;
  }

  /** The generations this worker assigned as leader that changed who runs what, newest first. */
  rebalances(): RebalanceRecord[] {
    return this.history.list();
  }

  get isLeader(): boolean {
    return this.memberId !== "" && this.memberId === this.leaderId;
  }

  protocols(): Array<{ name: string; metadata: Buffer }> {
    this.options.rebalances?.started();
    const state: WorkerState = {
      url: this.options.restUrl,
      configOffset: this.options.configs.snapshot().version,
      assignment: this.generation < 0 ? null : this.assignmentOf(this.running, empty(), ASSIGNMENT_ERRORS.none, 0),
    };
    return CONNECT_PROTOCOLS.map(({ name, version }) => ({ name, metadata: encodeWorkerState(state, version) }));
  }

  async assign(input: { protocol: string; generation: number; leaderId: string; members: GroupMemberInfo[] }): Promise<Map<string, Buffer>> {
    const version = CONNECT_PROTOCOLS.find((p) => p.name === input.protocol)?.version ?? 1;
    const states = input.members.map(({ memberId, metadata }) => ({ memberId, state: decodeWorkerState(metadata) }));
    const wanted = Math.max(...states.map(({ state }) => state.configOffset));
    await this.options.refreshConfigs?.().catch((error: unknown) => log.warn({ err: messageOf(error) }, "could not read the config topic to its end before assigning"));
    const caughtUp = await this.configReached(wanted);
    const snapshot = this.options.configs.snapshot();
    const leaderUrl = states.find(({ memberId }) => memberId === input.leaderId)?.state.url ?? this.options.restUrl;
    const base = { version, leader: input.leaderId, leaderUrl, configOffset: snapshot.version };
    const out = new Map<string, Buffer>();
    if (!caughtUp) {
      log.warn({ wanted, have: snapshot.version }, "the leader has not read the config topic as far as a member; the group joins again");
      for (const { memberId } of states) out.set(memberId, encodeAssignment({ ...base, error: ASSIGNMENT_ERRORS.configMismatch, assigned: empty(), revoked: empty(), delayMs: 0 }));
      return out;
    }
    const configured = configuredWork(snapshot);
    const plan = this.options.assignor.assign(states.map(({ memberId, state }) => ({ memberId, running: state.assignment?.assigned ?? empty() })), configured);
    this.lastAssigned = configured;
    for (const { memberId } of states) {
      const { assigned, revoked } = plan.assignments.get(memberId)!;
      out.set(memberId, encodeAssignment({ ...base, error: ASSIGNMENT_ERRORS.none, assigned, revoked, delayMs: plan.delayMs }));
    }
    this.members = states.map(({ memberId, state }) => {
      const { assigned, revoked } = plan.assignments.get(memberId)!;
      return { memberId, url: state.url, leader: memberId === input.leaderId, work: applyAssignment(state.assignment?.assigned ?? empty(), assigned, revoked) };
    });
    this.history.record(input.generation, this.members, configured);
    return out;
  }

  onAssigned(result: GroupAssignmentResult): void {
    const assignment = decodeAssignment(result.assignment);
    this.memberId = result.memberId;
    if (!assignment) {
      this.options.member.rejoin("the leader sent no assignment");
      return;
    }
    this.leaderId = assignment.leader;
    this.leaderUrl = assignment.leaderUrl;
    if (assignment.error === ASSIGNMENT_ERRORS.configMismatch) {
      void this.configReached(assignment.configOffset).then(() => this.options.member.rejoin("caught up with the leader's config"));
      return;
    }
    this.generation = result.generation;
    this.options.rebalances?.completed({ protocol: result.protocol, leader: assignment.leader, epoch: result.generation });
    this.setRunning(applyAssignment(this.running, assignment.assigned, assignment.revoked));
    if (!this.isLeader) this.members = [];
    log.info({ generation: result.generation, leader: this.isLeader, connectors: this.running.connectors.length, tasks: this.running.tasks.length }, "joined the group");
    for (const listener of this.listeners) listener();
    this.markJoined();
    const revoked = assignment.revoked.connectors.length + assignment.revoked.tasks.length > 0;
    if (revoked) void this.options.applied().then(() => this.options.member.rejoin("revoked work stopped"));
    clearTimeout(this.delayTimer);
    if (assignment.delayMs > 0) this.delayTimer = setTimeout(() => this.options.member.rejoin("the leader's delay is over"), assignment.delayMs);
  }

  onFatal(error: Error): void {
    this.options.onFatal(error);
  }

  current(): Assignment {
    const connectors = this.runningConnectors;
    const tasks = this.runningTasks;
    return { generation: Math.max(0, this.generation), ownsConnector: (name) => connectors.has(name), ownsTask: (id) => tasks.has(taskKey(id)) };
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  leader(): LeaderRoute {
    if (this.isLeader) return { kind: "self" };
    if (this.leaderUrl) return { kind: "remote", forward: this.options.forwarder(this.leaderUrl) };
    return { kind: "remote", forward: () => Promise.reject(new TributaryError("rebalance.in_progress", "Request cannot be completed because a rebalance is expected", { retriable: true })) };
  }

  /** The REST root of the worker that runs `id`, as the leader last assigned it; undefined when no worker (known to this one) runs it. */
  ownerOf(id: TaskId): string | undefined {
    return this.members.find((worker) => worker.work.tasks.some((task) => task.connector === id.connector && task.task === id.task))?.url;
  }

  /** The leader joins again when the work to assign changed (a connector came or went, a task count changed). */
  private onConfigChange(change: ConfigChange): void {
    if (!this.isLeader || change.kind === "target-state" || change.kind === "restart") return;
    const configured = configuredWork(this.options.configs.snapshot());
    if (this.lastAssigned && sameWork(configured, this.lastAssigned)) return;
    this.options.member.rejoin(`connector ${change.connector} changed the work to assign`);
  }

  private setRunning(work: ConnectorsAndTasks): void {
    this.running = work;
    this.runningConnectors = new Set(work.connectors);
    this.runningTasks = new Set(work.tasks.map(taskKey));
  }

  private assignmentOf(assigned: ConnectorsAndTasks, revoked: ConnectorsAndTasks, error: number, delayMs: number): ConnectAssignment {
    return { version: 2, error, leader: this.leaderId, leaderUrl: this.leaderUrl, configOffset: this.options.configs.snapshot().version, assigned, revoked, delayMs };
  }

  /** Resolves whether the config snapshot reached `version` within the sync timeout. */
  private async configReached(version: number): Promise<boolean> {
    const deadline = Date.now() + (this.options.configSyncTimeoutMs ?? 5_000);
    while (this.options.configs.snapshot().version < version) {
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return true;
  }
}

/** `running` after a generation: minus what was revoked, plus what was assigned. */
function applyAssignment(running: ConnectorsAndTasks, assigned: ConnectorsAndTasks, revoked: ConnectorsAndTasks): ConnectorsAndTasks {
  const revokedConnectors = new Set(revoked.connectors);
  const revokedTasks = new Set(revoked.tasks.map(taskKey));
  const connectors = running.connectors.filter((c) => !revokedConnectors.has(c));
  const tasks = running.tasks.filter((t) => !revokedTasks.has(taskKey(t)));
  for (const c of assigned.connectors) if (!connectors.includes(c)) connectors.push(c);
  for (const t of assigned.tasks) if (!tasks.some((u) => taskKey(u) === taskKey(t))) tasks.push(t);
  return { connectors, tasks };
}
