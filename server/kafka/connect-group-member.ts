import { Admin, ConnectionPool, heartbeatV4, joinGroupV9, leaveGroupV5, syncGroupV5, type BaseOptions, type Connection } from "@platformatic/kafka";
import type { WorkerConfig } from "@/server/config/worker-config";
import { getLogger } from "@/server/logging/logger";
import { connectionSettings, layeredClientSettings } from "@/server/kafka/connection-settings";
import { translateKafkaError } from "@/server/kafka/errors";
import { platformaticOptions } from "@/server/kafka/platformatic-options";
import type { GroupMemberHandler, WorkerGroupMember } from "@/server/runtime/ports";

/** How a worker takes part in its group: the connection, `group.id` and Kafka Connect's timing settings. */
export interface GroupMemberSettings {
  connection: BaseOptions;
  groupId: string;
  /** The group's protocol type: `connect` for Kafka Connect's workers. */
  protocolType: string;
  /** `session.timeout.ms`, `heartbeat.interval.ms`, `rebalance.timeout.ms`, `retry.backoff.ms`. */
  sessionTimeoutMs: number;
  heartbeatIntervalMs: number;
  rebalanceTimeoutMs: number;
  retryBackoffMs: number;
}

/** Broker answers after which the member joins again at once, and those after which it must also drop its member id. */
const REJOIN = new Set(["kafka.rebalance_in_progress", "kafka.illegal_generation", "kafka.member_id_required"]);
const FORGET_MEMBER = new Set(["kafka.unknown_member_id", "kafka.fenced_instance_id"]);
/** Answers that mean the coordinator moved or is not ready: find it again. */
const COORDINATOR_MOVED = new Set(["kafka.not_coordinator", "kafka.coordinator_not_available", "kafka.coordinator_load_in_progress", "kafka.connection", "kafka.timeout"]);

const log = getLogger("tributary.kafka.group");

/**
 * A member of a Kafka group with a protocol type of its own (`connect`), driven directly with
 * JoinGroup, SyncGroup, Heartbeat and LeaveGroup as Kafka Connect's WorkerCoordinator does:
 * kafkajs and the consumer clients only speak protocol type `consumer`. The handler gives the
 * protocols and metadata to join with, computes assignments when this member leads, and hears
 * each generation's assignment.
 *
 * Heartbeats go on their own timer from the moment an assignment arrives, whatever the handler
 * does with it. The member joins again when the group rebalances (another member joined, left or
 * died), when the coordinator moved, and when asked (`rejoin`); it keeps its member id across
 * rejoins unless the coordinator forgot it. A failure retrying cannot fix (authorization, an
 * incompatible protocol) goes to the handler's `onFatal` and ends the membership.
 */
export class ConnectGroupMember implements WorkerGroupMember {
  private memberId = "";
  private generation = -1;
  private coordinator: { pool: ConnectionPool; longPool: ConnectionPool; connection: Connection; joinConnection: Connection } | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private rejoinRequested = false;
  private wake: (() => void) | undefined;

  constructor(private readonly settings: GroupMemberSettings) {}

  start(handler: GroupMemberHandler): void {
    this.running ??= this.run(handler);
  }

  rejoin(reason: string): void {
    log.debug({ group: this.settings.groupId, reason }, "rejoining the group");
    this.rejoinRequested = true;
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.running?.catch(() => undefined);
    const coordinator = this.coordinator;
    if (coordinator && this.memberId) {
      await leaveGroupV5.api.async(coordinator.connection, this.settings.groupId, [{ memberId: this.memberId, reason: "the worker is stopping" }]).catch(() => undefined);
    }
    await this.dropCoordinator();
  }

  private async run(handler: GroupMemberHandler): Promise<void> {
    while (!this.stopped) {
      try {
        const { joinConnection, connection } = await this.coordinatorConnections();
        this.rejoinRequested = false;
        const joined = await this.join(joinConnection, handler);
        if (this.stopped) return;
        const assignments = joined.leader === this.memberId ? await handler.assign({ protocol: joined.protocolName!, generation: joined.generationId, leaderId: joined.leader, members: joined.members }) : new Map<string, Buffer>();
        const synced = await syncGroupV5.api.async(
          joinConnection,
          this.settings.groupId,
          joined.generationId,
          this.memberId,
          null,
          this.settings.protocolType,
          joined.protocolName,
          [...assignments].map(([memberId, assignment]) => ({ memberId, assignment })),
        );
        this.generation = joined.generationId;
        handler.onAssigned({ generation: joined.generationId, memberId: this.memberId, leaderId: joined.leader, protocol: joined.protocolName!, assignment: synced.assignment });
        await this.heartbeatUntilRejoin(connection);
      } catch (error) {
        if (this.stopped) return;
        const failure = translateKafkaError(error);
        if (REJOIN.has(failure.code)) continue;
        if (FORGET_MEMBER.has(failure.code)) {
          this.memberId = "";
          continue;
        }
        if (COORDINATOR_MOVED.has(failure.code) || failure.retriable) {
          log.warn({ group: this.settings.groupId, err: failure.message }, "the group coordinator cannot be reached; trying again");
          await this.dropCoordinator();
          await this.pause(this.settings.retryBackoffMs);
          continue;
        }
        log.error({ group: this.settings.groupId, err: failure.message }, "cannot take part in the group");
        handler.onFatal(failure);
        return;
      }
    }
  }

  /** JoinGroup; the first join of a member gets its id from the broker (MEMBER_ID_REQUIRED) and joins again with it. */
  private async join(connection: Connection, handler: GroupMemberHandler) {
    for (;;) {
      try {
        return await joinGroupV9.api.async(
          connection,
          this.settings.groupId,
          this.settings.sessionTimeoutMs,
          this.settings.rebalanceTimeoutMs,
          this.memberId,
          null,
          this.settings.protocolType,
          handler.protocols(),
          null,
        );
      } catch (error) {
        const memberId = (error as { response?: { memberId?: string } }).response?.memberId;
        if (translateKafkaError(error).code === "kafka.member_id_required" && memberId && memberId !== this.memberId) {
          this.memberId = memberId;
          continue;
        }
        throw error;
      } finally {
        if (this.stopped) this.memberId = this.memberId || "";
      }
    }
  }

  /** Heartbeats every `heartbeat.interval.ms` until the group rebalances or a rejoin is asked; throws what the coordinator answered. */
  private async heartbeatUntilRejoin(connection: Connection): Promise<void> {
    while (!this.stopped && !this.rejoinRequested) {
      await this.pause(this.settings.heartbeatIntervalMs);
      if (this.stopped || this.rejoinRequested) return;
      await heartbeatV4.api.async(connection, this.settings.groupId, this.generation, this.memberId, null);
    }
  }

  /** Waits `ms`, or less when a rejoin is asked or the member stops. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        if (this.wake === done) this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  /**
   * Connections to the group's coordinator: one for heartbeats, and one whose request timeout
   * outlasts a rebalance for JoinGroup and SyncGroup (the broker holds a JoinGroup until every
   * member joined, up to `rebalance.timeout.ms`).
   */
  private async coordinatorConnections(): Promise<{ connection: Connection; joinConnection: Connection }> {
    if (this.coordinator) return this.coordinator;
    const admin = new Admin({ ...this.settings.connection, retries: 0 });
    try {
      const [found] = await admin.findCoordinator({ keyType: 0, keys: [this.settings.groupId] });
      if (!found || found.nodeId < 0) throw new Error(`No coordinator for group ${this.settings.groupId} yet`);
      const broker = { host: found.host, port: found.port };
      const pool = new ConnectionPool(`${this.settings.connection.clientId}-group`, this.settings.connection);
      const longPool = new ConnectionPool(`${this.settings.connection.clientId}-group-join`, {
        ...this.settings.connection,
        requestTimeout: this.settings.rebalanceTimeoutMs + 5_000,
      });
      this.coordinator = { pool, longPool, connection: await pool.get(broker), joinConnection: await longPool.get(broker) };
      return this.coordinator;
    } finally {
      await admin.close().catch(() => undefined);
    }
  }

  private async dropCoordinator(): Promise<void> {
    const coordinator = this.coordinator;
    this.coordinator = undefined;
    await coordinator?.pool.close().catch(() => undefined);
    await coordinator?.longPool.close().catch(() => undefined);
  }
}

/** Kafka Connect's defaults for a worker's group settings (DistributedConfig). */
const GROUP_DEFAULTS = { "session.timeout.ms": 10_000, "heartbeat.interval.ms": 3_000, "rebalance.timeout.ms": 60_000 } as const;

/**
 * The group member of a distributed worker, from its settings: `group.id`, the connection
 * (`bootstrap.servers`, security), `session.timeout.ms` (10 s), `heartbeat.interval.ms` (3 s),
 * `rebalance.timeout.ms` (60 s) and `retry.backoff.ms`, with Kafka Connect's defaults.
 */
export function workerGroupMember(worker: WorkerConfig, groupId: string): ConnectGroupMember {
  const settings = layeredClientSettings(worker);
  const connection = connectionSettings(settings, `${groupId}-${settings["client.id"] ?? "worker"}`);
  const number = (key: keyof typeof GROUP_DEFAULTS) => {
    const value = Number(settings[key]);
    return settings[key] !== undefined && Number.isInteger(value) && value > 0 ? value : GROUP_DEFAULTS[key];
  };
  return new ConnectGroupMember({
    connection: platformaticOptions(connection),
    groupId,
    protocolType: "connect",
    sessionTimeoutMs: number("session.timeout.ms"),
    heartbeatIntervalMs: number("heartbeat.interval.ms"),
    rebalanceTimeoutMs: number("rebalance.timeout.ms"),
    retryBackoffMs: connection.retryBackoffMs,
  });
}
