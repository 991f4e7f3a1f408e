import { messageOf } from "@/server/errors/tributary-error";
import { getLogger } from "@/server/logging/logger";
import { unassignDeparted, workerIdOf } from "@/server/runtime/distributed/departed-workers";
import type { OverridePolicy } from "@/server/runtime/herder/config-validation";
import { ActiveTopics } from "@/server/runtime/herder/active-topics";
import { asLeader, type ForwardToLeader } from "@/server/runtime/herder/leadership";
import { AutoRestarter, type AutoRestartClock } from "@/server/runtime/herder/auto-restart";
import { Reconciler } from "@/server/runtime/herder/reconciler";
import { RequestHerder } from "@/server/runtime/herder/request-herder";
import { StatusReporter } from "@/server/runtime/herder/status-reporter";
import { IncrementalCooperativeAssignor } from "@/server/runtime/distributed/incremental-assignor";
import { restForwarder } from "@/server/runtime/distributed/rest-forwarder";
import { WorkerCoordinator } from "@/server/runtime/distributed/worker-coordinator";
import type { ClusterView } from "@/server/runtime/herder/herder-types";
import type { PluginRegistry } from "@/server/runtime/plugins/plugin-registry";
import type { KafkaAdmin, WorkerGroupMember } from "@/server/runtime/ports";
import { Worker, type WorkerOptions } from "@/server/runtime/worker/worker";
import type { TaskId } from "@/server/runtime/worker/worker-task";
import type { ConfigStore } from "@/server/storage/contracts/config-store";
import type { OffsetStore } from "@/server/storage/contracts/offset-store";
import type { StatusStore, TopicStatusStore } from "@/server/storage/contracts/status-store";

/** What a DistributedHerder is built from. */
export interface DistributedHerderOptions {
  workerId: string;
  /** This worker's Connect REST API root, as the other workers reach it. */
  restUrl: string;
  registry: PluginRegistry;
  /** The Kafka-backed stores, not started yet: `prepare()` starts them through `startStores`. */
  configs: ConfigStore;
  statuses: StatusStore;
  offsets: OffsetStore;
  /** Reads the stores to their ends (creating the internal topics when missing). */
  startStores: () => Promise<void>;
  /** Reads the config store to its current end; the leader calls it before each assignment (Kafka Connect's refresh). */
  refreshConfigs?: () => Promise<void>;
  admin: KafkaAdmin;
  /** This worker's membership of the group (`group.id`). */
  member: WorkerGroupMember;
  /** `scheduled.rebalance.max.delay.ms`. */
  scheduledRebalanceMaxDelayMs: number;
  worker: Omit<WorkerOptions, "registry" | "offsets" | "onConnectorStatus" | "onTaskStatus" | "onTopicUsed">;
  topicTracking?: { enabled: boolean; allowReset: boolean };
  /** Where active topics are recorded for the whole cluster (the status topic); this worker's memory when absent. */
  topicStatuses?: TopicStatusStore;
  overridePolicy?: OverridePolicy;
  /** Releases what the herder was given (Kafka clients, the stores), after every task stopped. */
  close?: () => Promise<void>;
  loadPlugins?: () => Promise<void>;
  /** Told when the membership ends for good (the process should stop). */
  onFatal?: (error: Error) => void;
  /** How leader-only requests reach another worker; over its REST API unless given (tests). */
  forwarder?: (url: string) => ForwardToLeader;
  /** The auto-restart scheduler's clock; real time unless given (tests). */
  autoRestartClock?: AutoRestartClock;
}

const log = getLogger("tributary.runtime.herder");

/**
 * The Herder of a worker in a cluster (Kafka Connect's DistributedHerder): the same request side
 * and reconciler as standalone mode, over the Kafka-backed stores every worker reads, with the
 * group deciding what this worker runs (WorkerCoordinator) and who leads. Leader-only writes made
 * on another worker reach the leader over REST; a task restart asked of the leader goes to the
 * worker that runs it. Reads are answered from this worker's own snapshots.
 *
 * Lifecycle: `prepare()` (stores read to their end, then the group joined), `start()`, `stop()`
 * (the group is left first, so the others take over this worker's work at once).
 */
export class DistributedHerder extends RequestHerder {
  private readonly options: DistributedHerderOptions;
  private readonly coordinator: WorkerCoordinator;
  private readonly reporter: StatusReporter;
  private readonly worker: Worker;
  private readonly reconciler: Reconciler;
  private readonly autoRestarter: AutoRestarter;

  constructor(options: DistributedHerderOptions) {
    const reporter = new StatusReporter(options.statuses, options.workerId, () => coordinator.current().generation);
    const activeTopics = new ActiveTopics(options.topicTracking, options.topicStatuses);
    const worker = new Worker({
      ...options.worker,
      registry: options.registry,
      offsets: options.offsets,
      onConnectorStatus: (name, state, trace) => {
        reporter.connector(name, state, trace);
        autoRestarter.connectorState(name, state, trace);
      },
      onTaskStatus: (id, state, trace) => {
        reporter.task(id, state, trace);
        autoRestarter.taskState(id.connector, id.task, state, trace);
      },
      onTopicUsed: (id, topic) => activeTopics.used(id, topic),
    });
    const coordinator: WorkerCoordinator = new WorkerCoordinator({
      restUrl: options.restUrl,
      configs: options.configs,
      member: options.member,
      assignor: new IncrementalCooperativeAssignor(options.scheduledRebalanceMaxDelayMs),
      forwarder: options.forwarder ?? restForwarder,
      refreshConfigs: options.refreshConfigs,
      rebalances: options.worker.metrics?.rebalanceMetrics(),
      applied: () => reconciler.settled(),
      onFatal: (error) => options.onFatal?.(error),
    });
    const reconciler: Reconciler = new Reconciler({
      worker,
      configs: options.configs,
      statuses: options.statuses,
      assignment: coordinator,
      reporter,
      writeTaskConfigs: (name, taskConfigs) => asLeader(coordinator, { op: "putTaskConfigs", name, taskConfigs }, () => options.configs.putTaskConfigs(name, taskConfigs)),
    });
    const autoRestarter: AutoRestarter = new AutoRestarter(
      options.configs,
      {
        restartTask: (name, task) => this.restartTask(name, task),
        restartConnector: (name) => this.restartConnector(name),
        runsHere: (name, task) => (task === null ? coordinator.current().ownsConnector(name) : coordinator.current().ownsTask({ connector: name, task })),
      },
      options.autoRestartClock,
    );
    super({
      registry: options.registry,
      configs: options.configs,
      statuses: options.statuses,
      offsets: options.offsets,
      admin: options.admin,
      workerConfig: options.worker.workerConfig,
      activeTopics,
      overridePolicy: options.overridePolicy,
      leadership: coordinator,
      // As Kafka Connect's distributed herder: a request is done once its intent is in the config topic.
      applied: async () => undefined,
      restartTask: (id) => this.restartOwnedTask(id),
      autoRestarter,
    });
    this.options = options;
    this.coordinator = coordinator;
    this.reporter = reporter;
    this.worker = worker;
    this.reconciler = reconciler;
    this.autoRestarter = autoRestarter;
  }

  /** The cluster's workers, their work and recent rebalances, from the leader (this worker, or another over REST). */
  clusterView(): Promise<ClusterView> {
    const local = async (): Promise<ClusterView> => ({
      members: this.coordinator.workers().map(({ memberId, url, leader, work }) => ({ memberId, url, leader, connectors: [...work.connectors].sort(), tasks: work.tasks.map(({ connector, task }) => ({ connector, task })) })),
      rebalances: this.coordinator.rebalances(),
    });
    return asLeader(this.coordinator, { op: "clusterView" }, local);
  }

  /** A task this worker runs restarts here; any other goes through the leader to the worker that runs it. */
  override restartTask(name: string, task: number): Promise<void> {
    const id = { connector: name, task };
    return this.coordinator.current().ownsTask(id) ? this.restartHere(id) : super.restartTask(name, task);
  }

  /** Loads the plugins and reads the stores to their end, then joins the group and starts reconciling. */
  async prepare(): Promise<void> {
    await this.options.loadPlugins?.();
    await this.options.startStores();
    this.reconciler.start();
    this.coordinator.subscribe(() => void this.unassignDeparted());
    this.coordinator.start();
  }

  /** Resolves once this worker joined the group and holds its first assignment (the REST API answers writes from then on). */
  async start(): Promise<void> {
    await this.coordinator.joined;
  }

  /** Leaves the group, then stops every task and connector (offsets committed), then releases the clients and stores. */
  async stop(): Promise<void> {
    this.autoRestarter.close();
    await this.coordinator.stop();
    await this.reconciler.stop();
    await this.worker.stop();
    await this.reporter.drained();
    await this.options.close?.();
    log.info({ workerId: this.options.workerId }, "left the cluster");
  }

  /** As leader, after each generation: the statuses departed workers left behind read UNASSIGNED. */
  private async unassignDeparted(): Promise<void> {
    if (!this.coordinator.isLeader) return;
    const live = new Set(this.coordinator.workers().flatMap((worker) => workerIdOf(worker.url) ?? []));
    try {
      const count = await unassignDeparted(this.options.statuses, live, this.coordinator.current().generation);
      if (count > 0) log.info({ count }, "marked the statuses of departed workers UNASSIGNED");
    } catch (error) {
      log.warn({ err: messageOf(error) }, "could not mark the statuses of departed workers UNASSIGNED");
    }
  }

  /** Restarts a task of this worker's, telling the auto-restart scheduler (a restart it did not ask for resets its count). */
  private restartHere(id: TaskId): Promise<void> {
    this.autoRestarter.restarted(id.connector, id.task);
    return this.reconciler.restartTask(id);
  }

  /**
   * Restarts a task where it runs (Kafka Connect's NotAssignedException route): here when this
   * worker runs it, else on its worker, as the leader knows it.
   */
  private async restartOwnedTask(id: TaskId): Promise<void> {
    if (this.coordinator.current().ownsTask(id)) return this.restartHere(id);
    const owner = this.coordinator.ownerOf(id);
    if (!owner) return this.restartHere(id);
    await (this.options.forwarder ?? restForwarder)(owner)({ op: "restartTask", name: id.connector, task: id.task });
  }
}
