import { TributaryError } from "@/server/errors/tributary-error";
import { getLogger } from "@/server/logging/logger";
import { SinkConnector, SourceConnector, type Connector } from "@/server/plugins/api/connector";
import type { SinkRecord, SourceRecord } from "@/server/plugins/api/records";
import type { SinkTask, SourceTask } from "@/server/plugins/api/task";
import type { PluginRegistry } from "@/server/runtime/plugins/plugin-registry";
import type { KafkaClientFactory } from "@/server/runtime/ports";
import { ConfigProviders } from "@/server/runtime/config-providers/config-providers";
import { connectTaskConfig } from "@/server/runtime/connect-task-config";
import { sinkGroupId } from "@/server/runtime/connector-config";
import { taskErrorHandling } from "@/server/runtime/errors/task-error-handling";
import { ConnectMetrics } from "@/server/runtime/metrics/connect-metrics";
import type { SinkTaskMetrics, SourceTaskMetrics } from "@/server/runtime/metrics/task-metrics";
import { TransformationChain } from "@/server/runtime/transforms/transformation-chain";
import { buildConverters, withPrefix } from "@/server/runtime/worker/converter-setup";
import { WorkerConnector, type ConnectorStatusListener } from "@/server/runtime/worker/worker-connector";
import { WorkerSinkTask } from "@/server/runtime/worker/worker-sink-task";
import { WorkerSourceTask } from "@/server/runtime/worker/worker-source-task";
import { groupForTopic, topicCreationGroups } from "@/server/runtime/worker/topic-creation";
import { traceOf, type TaskId, type TaskStatusListener, type WorkerTask } from "@/server/runtime/worker/worker-task";
import type { TargetState } from "@/server/storage/contracts/config-store";
import type { OffsetStore } from "@/server/storage/contracts/offset-store";

/** What a Worker is built from. */
export interface WorkerOptions {
  /** The worker's own settings (converters, `producer.*`, …) as strings. */
  workerConfig: Readonly<Record<string, string>>;
  registry: PluginRegistry;
  clients: KafkaClientFactory;
  offsets: OffsetStore;
  offsetFlushIntervalMs: number;
  onConnectorStatus: ConnectorStatusListener;
  onTaskStatus: TaskStatusListener;
  onTopicUsed: (id: TaskId, topic: string) => void;
  /** The worker's `topic.creation.enable`: sources may create their topics. */
  topicCreationEnabled?: boolean;
  /** Where connectors and tasks record their metrics; a private registry when absent. */
  metrics?: ConnectMetrics;
}

const log = getLogger("tributary.runtime.worker");
const taskKey = (id: TaskId) => `${id.connector}-${id.task}`;

/** Which side a connector class is on, from the registry; "unknown" when it cannot be found. */
export function connectorType(registry: PluginRegistry, config: Readonly<Record<string, string>>): "source" | "sink" | "unknown" {
  const plugin = registry.find(["source", "sink"], config["connector.class"] ?? "");
  return plugin ? (plugin.kind as "source" | "sink") : "unknown";
}

/** A connector this worker holds: its instance, or (its class could not be found) the failure it reports. */
interface ConnectorEntry {
  config: Readonly<Record<string, string>>;
  instance: WorkerConnector | null;
  failure: string;
  target: TargetState;
}

/** A task this worker holds: its loop, or null when it could not be built (it reported FAILED). */
interface TaskEntry {
  id: TaskId;
  task: WorkerTask | null;
  done: Promise<void>;
  connectorConfig: Readonly<Record<string, string>>;
  taskConfig: Readonly<Record<string, string>>;
}

/**
 * Runs connector instances and task loops in this process (Kafka Connect's Worker). It does
 * what the reconciler tells it and reports states through the listeners; it stores nothing itself
 * but source offsets (through the tasks). It holds an instance until told to stop it, whatever
 * its state: a connector or task that FAILED (even one whose class could not be found) stays
 * held, so a caller comparing what should run with what is held never starts it again by
 * itself. Calls for one connector must not overlap (the reconciler makes sure); calls for
 * different connectors may.
 */
export class Worker {
  private readonly connectors = new Map<string, ConnectorEntry>();
  /** The tasks held, by connector then task number, so one connector's are found without scanning every task. */
  private readonly tasks = new Map<string, Map<number, TaskEntry>>();
  private readonly metrics: ConnectMetrics;
  private readonly providers: ConfigProviders;

  /** Throws `config.invalid_value` when the worker's `config.providers` cannot be built. */
  constructor(private readonly options: WorkerOptions) {
    this.metrics = options.metrics ?? new ConnectMetrics();
    this.providers = ConfigProviders.fromWorkerConfig(options.workerConfig);
  }

  /**
   * Creates the connector instance and moves it to `target`, handing it `config` with its config
   * provider references resolved (`config` itself, as stored, keeps them). Fails the connector
   * if its class cannot be loaded or a reference cannot be resolved.
   */
  async startConnector(name: string, config: Readonly<Record<string, string>>, target: TargetState, onReconfigure: () => void): Promise<void> {
    if (this.connectors.has(name)) throw new TributaryError("connector.already_running", `Connector ${name} is already running on this worker`);
    const plugin = this.options.registry.find(["source", "sink"], config["connector.class"] ?? "");
    let resolved: Record<string, string> | undefined;
    let unresolvable = "";
    try {
      resolved = this.providers.resolve(config);
    } catch (error) {
      unresolvable = `ConfigException: ${(error as Error).message}`;
    }
    if (!plugin || !resolved) {
      const failure = unresolvable || `ConnectException: Failed to find any class that implements Connector and which name matches ${config["connector.class"]}`;
      this.connectors.set(name, { config, instance: null, failure, target });
      this.metrics.recordConnectorStartup(false);
      this.options.onConnectorStatus(name, "FAILED", failure);
      return;
    }
    this.metrics.describeConnector(name, { type: plugin.kind as "source" | "sink", className: plugin.className, version: plugin.version });
    const instance = new WorkerConnector(name, new plugin.plugin() as Connector, resolved, this.options.onConnectorStatus, onReconfigure);
    this.connectors.set(name, { config, instance, failure: "", target });
    await instance.transitionTo(target);
    this.metrics.recordConnectorStartup(!instance.isFailed);
  }

  /**
   * Moves the connector instance to `target` (a no-op when it is there). A FAILED connector only
   * leaves FAILED for STOPPED; one whose class could not be found reports FAILED again for any
   * other target.
   */
  async setConnectorTargetState(name: string, target: TargetState): Promise<void> {
    const entry = this.connectors.get(name);
    if (!entry) return;
    if (entry.instance) return entry.instance.transitionTo(target);
    if (entry.target === target) return;
    entry.target = target;
    if (target === "STOPPED") this.options.onConnectorStatus(name, "STOPPED");
    else this.options.onConnectorStatus(name, "FAILED", entry.failure);
  }

  /** Moves one task to STARTED or PAUSED (a no-op when it is there, stopping or failed). */
  setTaskTargetState(id: TaskId, target: TargetState): void {
    this.taskEntry(id)?.task?.transitionTo(target);
  }

  /** The names of the connectors this worker holds. */
  connectorNames(): string[] {
    return [...this.connectors.keys()];
  }

  /** The config the held connector was started with, or undefined when it is not held. */
  connectorConfig(name: string): Readonly<Record<string, string>> | undefined {
    return this.connectors.get(name)?.config;
  }

  isConnectorStarted(name: string): boolean {
    return this.connectors.get(name)?.instance?.isStarted ?? false;
  }

  /**
   * The connector's task configs for `maxTasks`, each with `task.class` added and, for sinks,
   * `topics`/`topics.regex` copied from the connector config. The connector must be started.
   * Throws when it returns more than `tasks.max` configs and `tasks.max.enforce` is on.
   * Invariant: a generated value equal to a resolved config provider reference is stored as the
   * reference (Kafka Connect's reverse transform), so no resolved secret reaches the config store.
   */
  async generateTaskConfigs(name: string, config: Readonly<Record<string, string>>): Promise<Record<string, string>[]> {
    const instance = this.connectors.get(name)?.instance;
    if (!instance?.isStarted) throw new TributaryError("connector.not_running", `Connector ${name} is not running`);
    const connector = instance.connector;
    const maxTasks = Number(config["tasks.max"] ?? 1);
    const generated = await connector.taskConfigs(maxTasks);
    if (generated.length > maxTasks && config["tasks.max.enforce"] !== "false") {
      throw new TributaryError("connector.too_many_tasks", `The connector ${name} has generated ${generated.length} tasks, which is greater than ${maxTasks}, the maximum number of tasks it is configured to create.`);
    }
    const taskClass = (connector as SourceConnector | SinkConnector).taskClass();
    return generated.map((taskConfig) => {
      const raw = this.providers.unresolve(config, instance.config, taskConfig);
      return connectTaskConfig(config, raw, taskClass.className ?? taskClass.name, connector instanceof SinkConnector);
    });
  }

  /** Stops the connector instance and makes it FAILED with `error` (it is still held). */
  async failConnector(name: string, error: unknown): Promise<void> {
    await this.connectors.get(name)?.instance?.fail(error);
  }

  /** Stops the connector instance, lets it go and reports it UNASSIGNED, as a task that stops does (its tasks are stopped separately). */
  async stopConnector(name: string): Promise<void> {
    const entry = this.connectors.get(name);
    if (!entry) return;
    this.connectors.delete(name);
    await entry.instance?.shutdown();
    this.options.onConnectorStatus(name, "UNASSIGNED");
  }

  /**
   * Starts one task loop, its configs' config provider references resolved (the held configs keep
   * them). A task that cannot be built, or whose references cannot be resolved, is reported
   * FAILED (and held as such).
   */
  startTask(id: TaskId, connectorConfig: Readonly<Record<string, string>>, taskConfig: Readonly<Record<string, string>>, target: TargetState): void {
    if (this.taskEntry(id)) throw new TributaryError("task.already_running", `Task ${taskKey(id)} is already running on this worker`);
    try {
      const task = this.buildTask(id, this.providers.resolve(connectorConfig), this.providers.resolve(taskConfig), target);
      this.holdTask({ id, task, done: task.run(), connectorConfig, taskConfig });
      this.metrics.recordTaskStartup(true);
    } catch (error) {
      this.holdTask({ id, task: null, done: Promise.resolve(), connectorConfig, taskConfig });
      this.metrics.recordTaskStartup(false);
      this.metrics.removeTask(id.connector, id.task);
      log.error({ task: taskKey(id), err: (error as Error).message }, "task could not be created");
      this.options.onTaskStatus(id, "FAILED", traceOf(error));
    }
  }

  /** The connector and task configs a held task was started with, or undefined when it is not held. */
  taskConfigsOf(id: TaskId): { connectorConfig: Readonly<Record<string, string>>; taskConfig: Readonly<Record<string, string>> } | undefined {
    const entry = this.taskEntry(id);
    return entry && { connectorConfig: entry.connectorConfig, taskConfig: entry.taskConfig };
  }

  /** Stops these tasks, lets them go and waits for their loops to end (offsets committed, resources released). */
  async stopTasks(ids: TaskId[]): Promise<void> {
    const stopping = ids.flatMap((id) => {
      const entry = this.taskEntry(id);
      const ofConnector = this.tasks.get(id.connector);
      ofConnector?.delete(id.task);
      if (ofConnector?.size === 0) this.tasks.delete(id.connector);
      entry?.task?.stop();
      return entry?.task ? [entry.done.then(() => this.metrics.removeTask(id.connector, id.task))] : [];
    });
    await Promise.all(stopping);
  }

  /** The ids of the tasks this worker holds: the connector's, or every one. */
  taskIds(name?: string): TaskId[] {
    const held = name === undefined ? [...this.tasks.values()] : [this.tasks.get(name) ?? new Map<number, TaskEntry>()];
    return held.flatMap((ofConnector) => [...ofConnector.values()].map((entry) => entry.id));
  }

  private taskEntry(id: TaskId): TaskEntry | undefined {
    return this.tasks.get(id.connector)?.get(id.task);
  }

  private holdTask(entry: TaskEntry): void {
    let ofConnector = this.tasks.get(entry.id.connector);
    if (!ofConnector) this.tasks.set(entry.id.connector, (ofConnector = new Map()));
    ofConnector.set(entry.id.task, entry);
  }

  /** Stops every task, then every connector. */
  async stop(): Promise<void> {
    await this.stopTasks(this.taskIds());
    await Promise.all(this.connectorNames().map((name) => this.stopConnector(name)));
  }

  private buildTask(id: TaskId, connectorConfig: Readonly<Record<string, string>>, taskConfig: Record<string, string>, target: TargetState): WorkerTask {
    const plugin = this.options.registry.find(["source", "sink"], connectorConfig["connector.class"] ?? "");
    if (!plugin) throw new TributaryError("plugin.not_found", `Failed to find any class that implements Connector and which name matches ${connectorConfig["connector.class"]}`);
    const connector = new plugin.plugin() as SourceConnector | SinkConnector;
    const TaskClass = connector.taskClass();
    const converters = buildConverters(this.options.registry, this.options.workerConfig, connectorConfig);
    const metrics = connector instanceof SourceConnector ? this.metrics.sourceTask(id.connector, id.task) : this.metrics.sinkTask(id.connector, id.task);
    const errors = taskErrorHandling({ id, connectorConfig, converters, registry: this.options.registry, clients: this.options.clients, metrics: metrics.errors });
    const flush = this.options.offsetFlushIntervalMs;
    const onTopicUsed = (topic: string) => this.options.onTopicUsed(id, topic);
    if (connector instanceof SourceConnector) {
      const task = new TaskClass() as SourceTask;
      const producer = this.options.clients.producer(`connector-producer-${id.connector}-${id.task}`, withPrefix(connectorConfig, "producer.override"));
      task.initialize({
        configs: () => ({ ...taskConfig }),
        offsetStorageReader: () => ({
          offset: async (partition) => (await this.options.offsets.offsetsFor(id.connector, [partition]))[0]?.offset ?? null,
          offsets: async (partitions) => {
            const found = await this.options.offsets.offsetsFor(id.connector, partitions);
            return new Map(found.map((entry) => [entry.partition, entry.offset]));
          },
        }),
      });
      const groups = this.options.topicCreationEnabled ? topicCreationGroups(connectorConfig) : null;
      const admin = this.options.clients.admin();
      const ensureTopic = groups
        ? async (topic: string) => {
            const group = groupForTopic(groups, topic);
            if (!group) return;
            const created = await admin.createTopics([{ name: topic, partitions: group.partitions, replicationFactor: group.replicationFactor, configs: group.configs }]);
            if (created.length > 0) log.info({ connector: id.connector, topic, group: group.name }, "created topic");
          }
        : undefined;
      const transforms = TransformationChain.build<SourceRecord>(this.options.registry, connectorConfig);
      return new WorkerSourceTask(id, target, this.options.onTaskStatus, { task, taskConfig, converters, transforms, errors, producer, offsets: this.options.offsets, offsetFlushIntervalMs: flush, onTopicUsed, ensureTopic, metrics: metrics as SourceTaskMetrics });
    }
    const topics = connectorConfig["topics.regex"] ? new RegExp(`^(?:${connectorConfig["topics.regex"]})$`) : (connectorConfig.topics ?? "").split(",").map((t) => t.trim()).filter(Boolean);
    const consumer = this.options.clients.sinkConsumer({
      groupId: sinkGroupId(id.connector, connectorConfig),
      clientId: `connector-consumer-${id.connector}-${id.task}`,
      topics,
      overrides: withPrefix(connectorConfig, "consumer.override"),
    });
    const transforms = TransformationChain.build<SinkRecord>(this.options.registry, connectorConfig);
    return new WorkerSinkTask(id, target, this.options.onTaskStatus, { task: new TaskClass() as SinkTask, taskConfig, converters, transforms, errors, consumer, offsetFlushIntervalMs: flush, onTopicUsed, metrics: metrics as SinkTaskMetrics });
  }
}
