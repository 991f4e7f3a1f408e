import { TributaryError } from "@/server/errors/tributary-error";
import { getLogger } from "@/server/logging/logger";
import type { Connector } from "@/server/plugins/api/connector";
import { alterOffsets, readOffsets, resetOffsets } from "@/server/runtime/herder/connector-offsets";
import { invalidConfigMessage, validateConnectorConfig, type OverridePolicy } from "@/server/runtime/herder/config-validation";
import { ActiveTopics } from "@/server/runtime/herder/active-topics";
import { ConnectorLocks } from "@/server/runtime/herder/connector-locks";
import type { Herder } from "@/server/runtime/herder/herder";
import { pluginConfigKeys, pluginInfos } from "@/server/runtime/herder/plugin-infos";
import type {
  ConfigInfos,
  ConfigKeyInfo,
  ConnectorInfo,
  ConnectorOffset,
  ConnectorStateInfo,
  InitialState,
  PluginInfo,
  RestartRequest,
  TaskInfo,
  TaskState,
} from "@/server/runtime/herder/herder-types";
import { connectorPluginVersion, stateInfoWithVersions, taskStateWithVersion } from "@/server/runtime/plugin-version-of";
import type { PluginRegistry } from "@/server/runtime/plugins/plugin-registry";
import type { KafkaAdmin } from "@/server/runtime/ports";
import { connectorType, Worker, type WorkerOptions } from "@/server/runtime/worker/worker";
import type { ConfigStore, StoredConnector, TargetState } from "@/server/storage/contracts/config-store";
import type { OffsetStore } from "@/server/storage/contracts/offset-store";
import type { ConnectState, Status, StatusStore } from "@/server/storage/contracts/status-store";
import { previewPipeline, type PreviewResult, type PreviewSample } from "@/server/runtime/transforms/pipeline-preview";

/** A status change, as the console's event stream will carry it. */
export interface StatusEvent {
  connector: string;
  task: number | null;
  status: Status;
}

/** What a StandaloneHerder is built from. */
export interface StandaloneHerderOptions {
  workerId: string;
  registry: PluginRegistry;
  configs: ConfigStore;
  statuses: StatusStore;
  offsets: OffsetStore;
  admin: KafkaAdmin;
  worker: Omit<WorkerOptions, "registry" | "offsets" | "onConnectorStatus" | "onTaskStatus" | "onTopicUsed">;
  topicTracking?: { enabled: boolean; allowReset: boolean };
  /** `connector.client.config.override.policy`; default All. */
  overridePolicy?: OverridePolicy;
  /** Told of each status change once it is stored, so a listener that re-reads statuses on the event (the console) sees it. */
  onStatus?: (event: StatusEvent) => void;
  /** Told after a connector is created, its config replaced, or it is deleted. */
  onConnectorChange?: (connector: string, change: "created" | "updated" | "deleted") => void;
  /** Releases what the herder was given (Kafka clients), after every task stopped. */
  close?: () => Promise<void>;
  /** Loads plugins from `plugin.path` into the registry (see prepare). */
  loadPlugins?: () => Promise<void>;
  /** Connectors to create once the stored ones are back (the first-start demo). */
  seed?: Array<{ name: string; config: Record<string, string> }>;
}

const log = getLogger("tributary.runtime.herder");
const notFound = (name: string) => new TributaryError("connector.not_found", `Connector ${name} not found`);

/**
 * The Herder of one standalone worker: configs, target states and statuses in the stores (which
 * survive restarts, unlike Kafka Connect's in-memory standalone herder), connectors and tasks run
 * by its own Worker. Operations on one connector are serialized; different connectors proceed
 * concurrently.
 */
export class StandaloneHerder implements Herder {
  private readonly worker: Worker;
  private readonly locks = new ConnectorLocks();
  private readonly activeTopics: ActiveTopics;

  constructor(private readonly options: StandaloneHerderOptions) {
    this.activeTopics = new ActiveTopics(options.topicTracking);
    this.worker = new Worker({
      ...options.worker,
      registry: options.registry,
      offsets: options.offsets,
      onConnectorStatus: (name, state, trace) => this.recordStatus(name, null, state, trace),
      onTaskStatus: (id, state, trace) => this.recordStatus(id.connector, id.task, state, trace),
      onTopicUsed: (connector, topic) => this.activeTopics.used(connector, topic),
    });
  }

  /** Loads the plugins of `plugin.path`; the runtime awaits it before it reports ready. */
  async prepare(): Promise<void> {
    await this.options.loadPlugins?.();
  }

  /** Brings every stored connector back in its target state, then creates the seed connectors. */
  async start(): Promise<void> {
    for (const stored of await this.options.configs.connectors()) {
      await this.locks.run(stored.name, () => this.startConnector(stored.name)).catch((error: unknown) => log.error({ connector: stored.name, err: String(error) }, "could not start connector"));
    }
    for (const { name, config } of this.options.seed ?? []) {
      await this.putConnectorConfig(name, config, { allowReplace: false }).then(
        () => log.info({ connector: name }, "created seed connector"),
        (error: unknown) => log.error({ connector: name, err: String(error) }, "could not create seed connector"),
      );
    }
  }

  /** Stops every task and connector (offsets committed), then releases the Kafka clients. */
  async stop(): Promise<void> {
    await this.worker.stop();
    await this.options.close?.();
  }

  async connectors(): Promise<string[]> {
    return (await this.options.configs.connectors()).map((c) => c.name);
  }

  async connectorInfo(name: string): Promise<ConnectorInfo> {
    return this.info(await this.stored(name));
  }

  async connectorConfig(name: string): Promise<Record<string, string>> {
    return (await this.stored(name)).config;
  }

  putConnectorConfig(name: string, config: Record<string, string>, options: { allowReplace: boolean; initialState?: InitialState }): Promise<{ created: boolean; info: ConnectorInfo }> {
    return this.locks.run(name, async () => {
      const existing = await this.options.configs.connector(name);
      if (existing && !options.allowReplace) throw new TributaryError("connector.already_exists", `Connector ${name} already exists`);
      const full = { ...config, name };
      this.assertValid(full);
      const target: TargetState | undefined = existing ? undefined : options.initialState === "PAUSED" ? "PAUSED" : options.initialState === "STOPPED" ? "STOPPED" : "STARTED";
      if (existing) await this.stopConnectorAndTasks(name);
      await this.options.configs.putConnectorConfig(name, full, target);
      await this.startConnector(name);
      this.options.onConnectorChange?.(name, existing ? "updated" : "created");
      return { created: !existing, info: this.info((await this.options.configs.connector(name))!) };
    });
  }

  async patchConnectorConfig(name: string, patch: Record<string, string | null>): Promise<ConnectorInfo> {
    const current = await this.stored(name);
    const merged: Record<string, string> = { ...current.config };
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) delete merged[key];
      else merged[key] = value;
    }
    return (await this.putConnectorConfig(name, merged, { allowReplace: true })).info;
  }

  deleteConnector(name: string): Promise<void> {
    return this.locks.run(name, async () => {
      await this.stored(name);
      await this.stopConnectorAndTasks(name);
      await this.options.configs.removeConnector(name);
      await this.options.statuses.removeConnector(name);
      this.activeTopics.forget(name);
      this.options.onConnectorChange?.(name, "deleted");
    });
  }

  async connectorStatus(name: string): Promise<ConnectorStateInfo> {
    const status = await this.options.statuses.connector(name);
    const stored = await this.options.configs.connector(name);
    if (!status || !stored) throw new TributaryError("connector.not_found", `No status found for connector ${name}`);
    const tasks = await this.options.statuses.tasks(name);
    const info: ConnectorStateInfo = {
      name,
      connector: instanceState(status),
      tasks: tasks.filter((t) => t.task < stored.taskConfigs.length).map((t) => ({ id: t.task, ...instanceState(t) })),
      type: connectorType(this.options.registry, stored.config),
    };
    return stateInfoWithVersions(info, connectorPluginVersion(this.options.registry, stored.config));
  }

  async taskStatus(name: string, task: number): Promise<TaskState> {
    const status = (await this.options.statuses.tasks(name)).find((t) => t.task === task);
    if (!status) throw new TributaryError("task.not_found", `No status found for task ${name}-${task}`);
    const stored = await this.options.configs.connector(name);
    return taskStateWithVersion({ id: task, ...instanceState(status) }, stored ? connectorPluginVersion(this.options.registry, stored.config) : undefined);
  }

  async taskConfigs(name: string): Promise<TaskInfo[]> {
    const stored = await this.stored(name);
    return stored.taskConfigs.map((config, task) => ({ id: { connector: name, task }, config }));
  }

  pauseConnector(name: string): Promise<void> {
    return this.setTargetState(name, "PAUSED");
  }

  resumeConnector(name: string): Promise<void> {
    return this.setTargetState(name, "STARTED");
  }

  stopConnector(name: string): Promise<void> {
    return this.locks.run(name, async () => {
      await this.known(name, `Unknown connector ${name}`);
      await this.worker.stopTasks(this.worker.taskIds(name));
      await this.options.configs.putTaskConfigs(name, []);
      await this.options.configs.putTargetState(name, "STOPPED");
      await this.options.statuses.removeTasks(name, 0);
      await this.worker.setConnectorTargetState(name, "STOPPED");
      if (!this.worker.isConnectorStarted(name)) this.recordStatus(name, null, "STOPPED");
    });
  }

  restartConnector(name: string): Promise<void> {
    return this.locks.run(name, async () => {
      const stored = await this.known(name, `Unknown connector: ${name}`);
      await this.worker.stopConnector(name);
      if (stored.targetState === "STOPPED") return this.recordStatus(name, null, "STOPPED");
      this.recordStatus(name, null, "RESTARTING");
      await this.worker.startConnector(name, stored.config, stored.targetState, () => this.requestReconfiguration(name));
    });
  }

  async restartConnectorAndTasks(name: string, request: RestartRequest): Promise<ConnectorStateInfo> {
    await this.known(name, `Unknown connector: ${name}`);
    const plan = await this.connectorStatus(name);
    const restartConnector = !request.onlyFailed || plan.connector.state === "FAILED";
    const tasks = request.includeTasks ? plan.tasks.filter((t) => !request.onlyFailed || t.state === "FAILED").map((t) => t.id) : [];
    if (restartConnector) plan.connector = { ...plan.connector, state: "RESTARTING" };
    plan.tasks = plan.tasks.map((t) => (tasks.includes(t.id) ? { ...t, state: "RESTARTING" } : t));
    if (restartConnector) await this.restartConnector(name);
    for (const task of tasks) await this.restartTask(name, task);
    return plan;
  }

  restartTask(name: string, task: number): Promise<void> {
    return this.locks.run(name, async () => {
      const stored = await this.known(name, `Unknown connector: ${name}`);
      const taskConfig = stored.taskConfigs[task];
      if (!taskConfig) throw new TributaryError("task.not_found", `Unknown task: ${name}-${task}`);
      const id = { connector: name, task };
      await this.worker.stopTasks([id]);
      this.recordStatus(name, task, "RESTARTING");
      this.worker.startTask(id, stored.config, taskConfig, stored.targetState);
    });
  }

  async connectorActiveTopics(name: string): Promise<string[]> {
    return this.activeTopics.of(name);
  }

  async resetConnectorActiveTopics(name: string): Promise<void> {
    this.activeTopics.reset(name);
  }

  async connectorOffsets(name: string): Promise<{ offsets: ConnectorOffset[] }> {
    const stored = await this.stored(name);
    return { offsets: await readOffsets(name, stored.config, this.connectorInstance(stored), this.options.offsets, this.options.admin) };
  }

  alterConnectorOffsets(name: string, offsets: ConnectorOffset[]): Promise<{ message: string }> {
    return this.locks.run(name, async () => {
      const stored = await this.stoppedForOffsets(name);
      return alterOffsets(name, stored.config, this.connectorInstance(stored), offsets, this.options.offsets, this.options.admin);
    });
  }

  resetConnectorOffsets(name: string): Promise<{ message: string }> {
    return this.locks.run(name, async () => {
      const stored = await this.stoppedForOffsets(name);
      return resetOffsets(name, stored.config, this.connectorInstance(stored), this.options.offsets, this.options.admin);
    });
  }

  async topicEndOffsets(topics: string[]): Promise<Array<{ topic: string; partition: number; offset: number }>> {
    return (await this.options.admin.endOffsets(topics)).map(({ topic, partition, offset }) => ({ topic, partition, offset: Number(offset) }));
  }

  async validateConnectorConfig(pluginName: string | null, config: Record<string, string>): Promise<ConfigInfos> {
    return validateConnectorConfig(this.options.registry, pluginName, config, this.options.overridePolicy);
  }

  plugins(connectorsOnly: boolean): PluginInfo[] {
    return pluginInfos(this.options.registry, connectorsOnly);
  }

  pluginConfig(pluginName: string): ConfigKeyInfo[] {
    return pluginConfigKeys(this.options.registry, pluginName);
  }

  previewPipeline(config: Record<string, string>, samples: PreviewSample[]): { kind: "source" | "sink"; results: PreviewResult[] } {
    const kind = connectorType(this.options.registry, config);
    if (kind === "unknown") throw new TributaryError("plugin.not_found", `Failed to find any class that implements Connector and which name matches ${config["connector.class"]}`);
    const setup = { registry: this.options.registry, workerConfig: this.options.worker.workerConfig, connectorConfig: config, kind };
    return { kind, results: previewPipeline(setup, samples) };
  }

  private assertValid(config: Record<string, string>): void {
    const infos = validateConnectorConfig(this.options.registry, null, config, this.options.overridePolicy);
    if (infos.error_count > 0) throw new TributaryError("config.invalid", invalidConfigMessage(infos));
  }

  private async stored(name: string): Promise<StoredConnector> {
    const stored = await this.options.configs.connector(name);
    if (!stored) throw notFound(name);
    return stored;
  }

  private async known(name: string, message: string): Promise<StoredConnector> {
    const stored = await this.options.configs.connector(name);
    if (!stored) throw new TributaryError("connector.not_found", message);
    return stored;
  }

  private async stoppedForOffsets(name: string): Promise<StoredConnector> {
    const stored = await this.stored(name);
    if (stored.targetState !== "STOPPED" || stored.taskConfigs.length > 0) {
      throw new TributaryError(
        "request.invalid",
        `Connectors must be in the STOPPED state before their offsets can be modified. This can be done for the specified connector by issuing a 'PUT' request to the '/connectors/${name}/stop' endpoint`,
      );
    }
    return stored;
  }

  private connectorInstance(stored: StoredConnector): Connector {
    const plugin = this.options.registry.find(["source", "sink"], stored.config["connector.class"] ?? "");
    if (!plugin) throw new TributaryError("config.invalid", `Failed to find any class that implements Connector and which name matches ${stored.config["connector.class"]}`);
    return new plugin.plugin() as Connector;
  }

  private info(stored: StoredConnector): ConnectorInfo {
    return {
      name: stored.name,
      config: stored.config,
      tasks: stored.taskConfigs.map((_, task) => ({ connector: stored.name, task })),
      type: connectorType(this.options.registry, stored.config),
    };
  }

  private setTargetState(name: string, state: TargetState): Promise<void> {
    return this.locks.run(name, async () => {
      const stored = await this.known(name, `Unknown connector ${name}`);
      if (stored.targetState === state) return;
      await this.options.configs.putTargetState(name, state);
      if (stored.targetState === "STOPPED") return this.startConnector(name);
      await this.worker.setConnectorTargetState(name, state);
    });
  }

  /** Starts the stored connector in its target state, generating and starting its tasks. Caller holds the lock. */
  private async startConnector(name: string): Promise<void> {
    const stored = (await this.options.configs.connector(name))!;
    const initial: TargetState = stored.targetState === "STOPPED" ? "STOPPED" : "STARTED";
    if (this.worker.hasConnector(name)) await this.worker.setConnectorTargetState(name, initial);
    else await this.worker.startConnector(name, stored.config, initial, () => this.requestReconfiguration(name));
    if (initial === "STOPPED") return;
    const taskConfigs = this.worker.isConnectorStarted(name) ? await this.refreshTaskConfigs(stored) : stored.taskConfigs;
    for (const [task, taskConfig] of taskConfigs.entries()) this.worker.startTask({ connector: name, task }, stored.config, taskConfig, stored.targetState);
    if (stored.targetState === "PAUSED") await this.worker.setConnectorTargetState(name, "PAUSED");
  }

  /** Asks the running connector for task configs and stores them when they changed. */
  private async refreshTaskConfigs(stored: StoredConnector): Promise<Record<string, string>[]> {
    let generated: Record<string, string>[];
    try {
      generated = await this.worker.generateTaskConfigs(stored.name, stored.config);
    } catch (error) {
      this.recordStatus(stored.name, null, "FAILED", (error as Error).stack ?? String(error));
      await this.worker.stopConnector(stored.name);
      return [];
    }
    if (JSON.stringify(generated) !== JSON.stringify(stored.taskConfigs)) {
      await this.options.configs.putTaskConfigs(stored.name, generated);
      await this.options.statuses.removeTasks(stored.name, generated.length);
    }
    return generated;
  }

  private requestReconfiguration(name: string): void {
    void this.locks.run(name, async () => {
      const stored = await this.options.configs.connector(name);
      if (!stored || stored.targetState === "STOPPED" || !this.worker.isConnectorStarted(name)) return;
      const before = JSON.stringify(stored.taskConfigs);
      const generated = await this.refreshTaskConfigs(stored);
      if (JSON.stringify(generated) === before) return;
      await this.worker.stopTasks(this.worker.taskIds(name));
      for (const [task, taskConfig] of generated.entries()) this.worker.startTask({ connector: name, task }, stored.config, taskConfig, stored.targetState);
    }).catch((error: unknown) => log.error({ connector: name, err: String(error) }, "task reconfiguration failed"));
  }

  private async stopConnectorAndTasks(name: string): Promise<void> {
    await this.worker.stopTasks(this.worker.taskIds(name));
    await this.worker.stopConnector(name);
  }

  private recordStatus(connector: string, task: number | null, state: ConnectState, trace?: string): void {
    const status: Status = { state, workerId: this.options.workerId, generation: 0, ...(trace ? { trace } : {}) };
    const write = task === null ? this.options.statuses.putConnector(connector, status) : this.options.statuses.putTask(connector, task, status);
    void write.catch((error: unknown) => log.error({ connector, task, err: String(error) }, "could not record status")).then(() => this.options.onStatus?.({ connector, task, status }));
  }
}

function instanceState(status: Status): { state: ConnectState; worker_id: string; trace?: string } {
  return { state: status.state, worker_id: status.workerId, ...(status.trace ? { trace: status.trace } : {}) };
}
