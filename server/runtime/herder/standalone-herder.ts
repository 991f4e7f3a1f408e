import { getLogger } from "@/server/logging/logger";
import type { OverridePolicy } from "@/server/runtime/herder/config-validation";
import { ActiveTopics } from "@/server/runtime/herder/active-topics";
import { WholeAssignment } from "@/server/runtime/herder/assignment";
import { asLeader, STANDALONE_LEADERSHIP } from "@/server/runtime/herder/leadership";
import { AutoRestarter, type AutoRestartClock } from "@/server/runtime/herder/auto-restart";
import { Reconciler } from "@/server/runtime/herder/reconciler";
import { RequestHerder } from "@/server/runtime/herder/request-herder";
import { StatusReporter } from "@/server/runtime/herder/status-reporter";
import type { PluginRegistry } from "@/server/runtime/plugins/plugin-registry";
import type { KafkaAdmin } from "@/server/runtime/ports";
import { Worker, type WorkerOptions } from "@/server/runtime/worker/worker";
import type { ConfigStore } from "@/server/storage/contracts/config-store";
import type { OffsetStore } from "@/server/storage/contracts/offset-store";
import type { StatusStore } from "@/server/storage/contracts/status-store";

/** What a StandaloneHerder is built from. */
export interface StandaloneHerderOptions {
  workerId: string;
  registry: PluginRegistry;
  /** Not started yet: `prepare()` starts them. */
  configs: ConfigStore;
  statuses: StatusStore;
  offsets: OffsetStore;
  admin: KafkaAdmin;
  worker: Omit<WorkerOptions, "registry" | "offsets" | "onConnectorStatus" | "onTaskStatus" | "onTopicUsed">;
  topicTracking?: { enabled: boolean; allowReset: boolean };
  /** `connector.client.config.override.policy`; default All. */
  overridePolicy?: OverridePolicy;
  /** Releases what the herder was given (Kafka clients), after every task stopped. */
  close?: () => Promise<void>;
  /** Loads plugins from `plugin.path` into the registry (see prepare). */
  loadPlugins?: () => Promise<void>;
  /** Connectors to create once the stored ones are back (the first-start demo). */
  seed?: Array<{ name: string; config: Record<string, string> }>;
  /** The auto-restart scheduler's clock; real time unless given (tests). */
  autoRestartClock?: AutoRestartClock;
}

const log = getLogger("tributary.runtime.herder");

/**
 * The Herder of one standalone worker: the request side over stores that survive restarts
 * (unlike Kafka Connect's in-memory standalone herder), with this worker as the leader and every
 * connector and task assigned to it, and a reconciler that runs them on its own Worker.
 *
 * Lifecycle: `prepare()` (before the REST API answers), `start()`, `stop()`; requests may come
 * once `prepare()` resolved.
 */
export class StandaloneHerder extends RequestHerder {
  private readonly options: StandaloneHerderOptions;
  private readonly assignment: WholeAssignment;
  private readonly reporter: StatusReporter;
  private readonly worker: Worker;
  private readonly reconciler: Reconciler;
  private readonly autoRestarter: AutoRestarter;

  constructor(options: StandaloneHerderOptions) {
    const assignment = new WholeAssignment();
    const reporter = new StatusReporter(options.statuses, options.workerId, () => assignment.current().generation);
    const activeTopics = new ActiveTopics(options.topicTracking);
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
    const reconciler = new Reconciler({
      worker,
      configs: options.configs,
      statuses: options.statuses,
      assignment,
      reporter,
      writeTaskConfigs: (name, taskConfigs) =>
        asLeader(STANDALONE_LEADERSHIP, { op: "putTaskConfigs", name, taskConfigs }, () => options.configs.putTaskConfigs(name, taskConfigs)),
    });
    const autoRestarter: AutoRestarter = new AutoRestarter(
      options.configs,
      { restartTask: (name, task) => this.restartTask(name, task), restartConnector: (name) => this.restartConnector(name) },
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
      leadership: STANDALONE_LEADERSHIP,
      applied: () => reconciler.settled(),
      restartTask: (id) => {
        autoRestarter.restarted(id.connector, id.task);
        return reconciler.restartTask(id);
      },
      autoRestarter,
    });
    this.options = options;
    this.assignment = assignment;
    this.reporter = reporter;
    this.worker = worker;
    this.reconciler = reconciler;
    this.autoRestarter = autoRestarter;
  }

  /**
   * Loads the plugins of `plugin.path` and the stores, takes a generation newer than any a
   * previous process of the store reported, replaces that process's statuses, and sets the
   * reconciler going (it starts every stored connector in the background). The runtime awaits
   * it before it reports ready.
   *
   * Invariant: no status a previous process wrote is shown as current. This process owns the
   * store alone (the store lock), so every stored status is a previous process's: those of
   * connectors and tasks that no longer exist are removed, the others read UNASSIGNED under this
   * worker until the reconciler reports their real state.
   */
  async prepare(): Promise<void> {
    await this.options.loadPlugins?.();
    await this.options.configs.start();
    await this.options.statuses.start();
    const previous = this.options.statuses.snapshot();
    const generations = [...previous.values()].flatMap((entry) => [entry.connector?.generation ?? 0, ...[...entry.tasks.values()].map((status) => status.generation)]);
    this.assignment.begin(Math.max(0, ...generations) + 1);
    const connectors = this.options.configs.snapshot().connectors;
    for (const [name, entry] of previous) {
      const stored = connectors.get(name);
      if (!stored) await this.options.statuses.removeConnector(name);
      else if ([...entry.tasks.keys()].some((task) => task >= stored.taskConfigs.length)) await this.options.statuses.removeTasks(name, stored.taskConfigs.length);
    }
    for (const stored of connectors.values()) {
      this.reporter.connector(stored.name, "UNASSIGNED");
      for (const task of stored.taskConfigs.keys()) this.reporter.task({ connector: stored.name, task }, "UNASSIGNED");
    }
    await this.reporter.drained();
    this.reconciler.start();
  }

  /** Waits until every stored connector was brought back in its target state, then creates the seed connectors. */
  async start(): Promise<void> {
    await this.reconciler.settled();
    for (const { name, config } of this.options.seed ?? []) {
      await this.putConnectorConfig(name, config, { allowReplace: false }).then(
        () => log.info({ connector: name }, "created seed connector"),
        (error: unknown) => log.error({ connector: name, err: String(error) }, "could not create seed connector"),
      );
    }
  }

  /** Stops reconciling, then every task and connector (offsets committed), waits for their last statuses, releases the Kafka clients. */
  async stop(): Promise<void> {
    this.autoRestarter.close();
    await this.reconciler.stop();
    await this.worker.stop();
    await this.reporter.drained();
    await this.options.close?.();
  }
}
