import { TributaryError } from "@/server/errors/tributary-error";
import type { Connector } from "@/server/plugins/api/connector";
import { alterOffsets, readOffsets, resetOffsets } from "@/server/runtime/herder/connector-offsets";
import { configuredProviderNames } from "@/server/runtime/config-providers/config-providers";
import { invalidConfigMessage, validateConnectorConfig, type OverridePolicy } from "@/server/runtime/herder/config-validation";
import type { ActiveTopics } from "@/server/runtime/herder/active-topics";
import { testConnectorConnection, type ConnectionTestOutcome } from "@/server/runtime/herder/connection-test";
import { ConnectorLocks } from "@/server/runtime/herder/connector-locks";
import type { Herder } from "@/server/runtime/herder/herder";
import type {
  ConfigInfos,
  ConfigKeyInfo,
  ConnectorInfo,
  ConnectorOffset,
  ConnectorStateInfo,
  ExpandedConnector,
  Expansions,
  InitialState,
  InstanceState,
  PluginInfo,
  RestartRequest,
  TaskInfo,
  TaskState,
} from "@/server/runtime/herder/herder-types";
import { asLeader, type Leadership } from "@/server/runtime/herder/leadership";
import { pluginConfigKeys, pluginInfos } from "@/server/runtime/herder/plugin-infos";
import { connectorPluginVersion, stateInfoWithVersions, taskStateWithVersion } from "@/server/runtime/plugin-version-of";
import { restartPlan } from "@/server/runtime/herder/restart-plan";
import type { AutoRestarter, AutoRestartView } from "@/server/runtime/herder/auto-restart";
import { autoRestartPolicy } from "@/server/runtime/herder/auto-restart-policy";
import type { PluginRegistry } from "@/server/runtime/plugins/plugin-registry";
import type { KafkaAdmin } from "@/server/runtime/ports";
import { previewPipeline, type PreviewResult, type PreviewSample } from "@/server/runtime/transforms/pipeline-preview";
import { connectorType } from "@/server/runtime/worker/worker";
import type { TaskId } from "@/server/runtime/worker/worker-task";
import type { ConfigStore, StoredConnector, TargetState } from "@/server/storage/contracts/config-store";
import type { OffsetStore } from "@/server/storage/contracts/offset-store";
import type { ConnectorStatuses, Status, StatusStore } from "@/server/storage/contracts/status-store";

/** What the request side is built from: the stores and the seams to the rest of the worker. */
export interface RequestHerderOptions {
  registry: PluginRegistry;
  configs: ConfigStore;
  statuses: StatusStore;
  offsets: OffsetStore;
  admin: KafkaAdmin;
  /** The worker's settings: the transform playground's converters and the config providers references may name. */
  workerConfig: Readonly<Record<string, string>>;
  activeTopics: ActiveTopics;
  /** `connector.client.config.override.policy`; default All. */
  overridePolicy?: OverridePolicy;
  /** Who writes leader-only intents: this worker, or the leader the request is forwarded to. */
  leadership: Leadership;
  /**
   * Resolves once this worker has acted on every store change made so far (its reconciler is
   * idle), so a request answers with the state its intent led to here (task configs generated,
   * instances restarted).
   */
  applied(): Promise<void>;
  /** Restarts a task on the worker that runs it (Kafka Connect forwards to the owner). */
  restartTask(id: TaskId): Promise<void>;
  /** This worker's auto-restart scheduler; absent on a console that runs no worker. */
  autoRestarter?: AutoRestarter;
}

/** What the list needs to know of a connector's plugin, looked up once per class. */
interface PluginFacts {
  type: ConnectorInfo["type"];
  version: string | undefined;
}

const INITIAL_TARGETS: Record<InitialState, TargetState> = { RUNNING: "STARTED", PAUSED: "PAUSED", STOPPED: "STOPPED" };
const notFound = (name: string) => new TributaryError("connector.not_found", `Connector ${name} not found`);

/**
 * The Herder's request side, shared by standalone and distributed mode: it validates requests
 * and writes intents (connector configs, target states, stops, restart requests) to the stores,
 * and reads answers from their snapshots. It never starts or stops anything itself: the
 * reconciler of the worker that owns an instance acts on the intents. Leader-only writes go
 * through the leadership seam (forwarded when another worker leads); pause and resume are
 * written by whichever worker receives them, as in Kafka Connect. Writes for one connector are
 * serialized on this worker; different connectors proceed concurrently.
 */
export class RequestHerder implements Herder {
  private readonly locks = new ConnectorLocks();

  constructor(private readonly requests: RequestHerderOptions) {}

  async connectors(): Promise<string[]> {
    return [...this.snapshot().connectors.keys()];
  }

  async expandedConnectors(expand: Expansions): Promise<Record<string, ExpandedConnector>> {
    const statuses = expand.status ? this.requests.statuses.snapshot() : undefined;
    const plugins = new Map<string, PluginFacts>();
    const expanded: Record<string, ExpandedConnector> = {};
    for (const [name, stored] of this.snapshot().connectors) {
      const className = stored.config["connector.class"] ?? "";
      let plugin = plugins.get(className);
      if (!plugin) plugins.set(className, (plugin = this.pluginFacts(stored.config)));
      const entry: ExpandedConnector = {};
      if (statuses) {
        const status = this.stateInfo(stored, statuses.get(name), plugin);
        if (!status) continue;
        entry.status = status;
      }
      if (expand.info) entry.info = this.info(stored, plugin);
      expanded[name] = entry;
    }
    return expanded;
  }

  async connectorInfo(name: string): Promise<ConnectorInfo> {
    return this.info(this.stored(name));
  }

  async connectorConfig(name: string): Promise<Record<string, string>> {
    return { ...this.stored(name).config };
  }

  putConnectorConfig(
    name: string,
    config: Record<string, string>,
    options: { allowReplace: boolean; initialState?: InitialState },
  ): Promise<{ created: boolean; info: ConnectorInfo }> {
    const request = { op: "putConnectorConfig" as const, name, config, ...options };
    return this.locks.run(name, () =>
      asLeader(this.requests.leadership, request, async () => {
        const existing = this.snapshot().connectors.get(name);
        if (existing && !options.allowReplace) throw new TributaryError("connector.already_exists", `Connector ${name} already exists`);
        const full = { ...config, name };
        this.assertValid(full);
        const target: TargetState | undefined = existing ? undefined : INITIAL_TARGETS[options.initialState ?? "RUNNING"];
        await this.requests.configs.putConnectorConfig(name, full, target);
        await this.requests.applied();
        const written = this.snapshot().connectors.get(name) ?? { name, config: full, targetState: target ?? "STARTED", taskConfigs: [] };
        return { created: !existing, info: this.info(written) };
      }),
    );
  }

  async patchConnectorConfig(name: string, patch: Record<string, string | null>): Promise<ConnectorInfo> {
    const merged: Record<string, string> = { ...this.stored(name).config };
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) delete merged[key];
      else merged[key] = value;
    }
    return (await this.putConnectorConfig(name, merged, { allowReplace: true })).info;
  }

  deleteConnector(name: string): Promise<void> {
    return this.locks.run(name, () =>
      asLeader(this.requests.leadership, { op: "deleteConnector", name }, async () => {
        this.stored(name);
        await this.requests.configs.removeConnector(name);
        await this.requests.applied();
        await this.requests.activeTopics.forget(name);
      }),
    );
  }

  async connectorStatus(name: string): Promise<ConnectorStateInfo> {
    const stored = this.snapshot().connectors.get(name);
    const info = stored && this.stateInfo(stored, this.requests.statuses.snapshot().get(name));
    if (!info) throw new TributaryError("connector.not_found", `No status found for connector ${name}`);
    return info;
  }

  async taskStatus(name: string, task: number): Promise<TaskState> {
    const status = this.requests.statuses.snapshot().get(name)?.tasks.get(task);
    if (!status) throw new TributaryError("task.not_found", `No status found for task ${name}-${task}`);
    const stored = this.snapshot().connectors.get(name);
    return taskStateWithVersion({ id: task, ...instanceState(status) }, stored ? connectorPluginVersion(this.requests.registry, stored.config) : undefined);
  }

  async taskConfigs(name: string): Promise<TaskInfo[]> {
    return this.stored(name).taskConfigs.map((config, task) => ({ id: { connector: name, task }, config: { ...config } }));
  }

  pauseConnector(name: string): Promise<void> {
    return this.setTargetState(name, "PAUSED");
  }

  resumeConnector(name: string): Promise<void> {
    return this.setTargetState(name, "STARTED");
  }

  stopConnector(name: string): Promise<void> {
    return this.locks.run(name, () =>
      asLeader(this.requests.leadership, { op: "stopConnector", name }, async () => {
        this.known(name, `Unknown connector ${name}`);
        await this.requests.configs.putTaskConfigs(name, []);
        await this.requests.configs.putTargetState(name, "STOPPED");
        await this.requests.applied();
      }),
    );
  }

  restartConnector(name: string): Promise<void> {
    return this.locks.run(name, () =>
      asLeader(this.requests.leadership, { op: "restartConnector", name }, async () => {
        this.known(name, `Unknown connector: ${name}`);
        await this.requests.configs.putRestartRequest(name, { onlyFailed: false, includeTasks: false });
        await this.requests.applied();
      }),
    );
  }

  restartConnectorAndTasks(name: string, request: RestartRequest): Promise<ConnectorStateInfo> {
    return this.locks.run(name, () =>
      asLeader(this.requests.leadership, { op: "restartConnectorAndTasks", name, request }, async () => {
        const stored = this.known(name, `Unknown connector: ${name}`);
        const current = await this.connectorStatus(name);
        const plan = restartPlan(request, this.requests.statuses.snapshot().get(name), stored.taskConfigs.length);
        await this.requests.configs.putRestartRequest(name, request);
        await this.requests.applied();
        return {
          ...current,
          connector: plan.connector ? { ...current.connector, state: "RESTARTING" } : current.connector,
          tasks: current.tasks.map((task) => (plan.tasks.includes(task.id) ? { ...task, state: "RESTARTING" } : task)),
        };
      }),
    );
  }

  restartTask(name: string, task: number): Promise<void> {
    return this.locks.run(name, () =>
      asLeader(this.requests.leadership, { op: "restartTask", name, task }, async () => {
        const stored = this.known(name, `Unknown connector: ${name}`);
        if (!stored.taskConfigs[task]) throw new TributaryError("task.not_found", `Unknown task: ${name}-${task}`);
        await this.requests.restartTask({ connector: name, task });
      }),
    );
  }

  async autoRestarts(name: string): Promise<AutoRestartView> {
    const stored = this.stored(name);
    return this.requests.autoRestarter?.view(name) ?? { connector: name, policy: autoRestartPolicy(stored.config), pending: [], attempts: [] };
  }

  putTaskConfigs(name: string, taskConfigs: Record<string, string>[]): Promise<void> {
    return asLeader(this.requests.leadership, { op: "putTaskConfigs", name, taskConfigs }, async () => {
      this.known(name, `Unknown connector: ${name}`);
      await this.requests.configs.putTaskConfigs(name, taskConfigs);
    });
  }

  async connectorActiveTopics(name: string): Promise<string[]> {
    return this.requests.activeTopics.of(name);
  }

  async resetConnectorActiveTopics(name: string): Promise<void> {
    await this.requests.activeTopics.reset(name);
  }

  async connectorOffsets(name: string): Promise<{ offsets: ConnectorOffset[] }> {
    const stored = this.stored(name);
    return { offsets: await readOffsets(name, stored.config, this.connectorInstance(stored), this.requests.offsets, this.requests.admin) };
  }

  alterConnectorOffsets(name: string, offsets: ConnectorOffset[]): Promise<{ message: string }> {
    return this.locks.run(name, () =>
      asLeader(this.requests.leadership, { op: "alterConnectorOffsets", name, offsets }, async () => {
        const stored = this.stoppedForOffsets(name);
        return alterOffsets(name, stored.config, this.connectorInstance(stored), offsets, this.requests.offsets, this.requests.admin);
      }),
    );
  }

  resetConnectorOffsets(name: string): Promise<{ message: string }> {
    return this.locks.run(name, () =>
      asLeader(this.requests.leadership, { op: "resetConnectorOffsets", name }, async () => {
        const stored = this.stoppedForOffsets(name);
        return resetOffsets(name, stored.config, this.connectorInstance(stored), this.requests.offsets, this.requests.admin);
      }),
    );
  }

  async topicEndOffsets(topics: string[]): Promise<Array<{ topic: string; partition: number; offset: number }>> {
    return (await this.requests.admin.endOffsets(topics)).map(({ topic, partition, offset }) => ({ topic, partition, offset: Number(offset) }));
  }

  async validateConnectorConfig(pluginName: string | null, config: Record<string, string>): Promise<ConfigInfos> {
    return validateConnectorConfig(this.requests.registry, pluginName, config, this.requests.overridePolicy, configuredProviderNames(this.requests.workerConfig));
  }

  plugins(connectorsOnly: boolean): PluginInfo[] {
    return pluginInfos(this.requests.registry, connectorsOnly);
  }

  pluginConfig(pluginName: string): ConfigKeyInfo[] {
    return pluginConfigKeys(this.requests.registry, pluginName);
  }

  previewPipeline(config: Record<string, string>, samples: PreviewSample[]): { kind: "source" | "sink"; results: PreviewResult[] } {
    const kind = connectorType(this.requests.registry, config);
    if (kind === "unknown") throw new TributaryError("plugin.not_found", `Failed to find any class that implements Connector and which name matches ${config["connector.class"]}`);
    const setup = { registry: this.requests.registry, workerConfig: this.requests.workerConfig, connectorConfig: config, kind };
    return { kind, results: previewPipeline(setup, samples) };
  }
  testConnection(config: Record<string, string>): Promise<ConnectionTestOutcome> {
    return testConnectorConnection(this.requests.registry, config);
  }


  private snapshot() {
    return this.requests.configs.snapshot();
  }

  private setTargetState(name: string, state: TargetState): Promise<void> {
    return this.locks.run(name, async () => {
      const stored = this.known(name, `Unknown connector ${name}`);
      if (stored.targetState === state) return;
      await this.requests.configs.putTargetState(name, state);
      await this.requests.applied();
    });
  }

  private assertValid(config: Record<string, string>): void {
    const infos = validateConnectorConfig(this.requests.registry, null, config, this.requests.overridePolicy, configuredProviderNames(this.requests.workerConfig));
    if (infos.error_count > 0) throw new TributaryError("config.invalid", invalidConfigMessage(infos));
  }

  private stored(name: string): Readonly<StoredConnector> {
    const stored = this.snapshot().connectors.get(name);
    if (!stored) throw notFound(name);
    return stored;
  }

  private known(name: string, message: string): Readonly<StoredConnector> {
    const stored = this.snapshot().connectors.get(name);
    if (!stored) throw new TributaryError("connector.not_found", message);
    return stored;
  }

  private stoppedForOffsets(name: string): Readonly<StoredConnector> {
    const stored = this.stored(name);
    if (stored.targetState !== "STOPPED" || stored.taskConfigs.length > 0) {
      throw new TributaryError(
        "request.invalid",
        `Connectors must be in the STOPPED state before their offsets can be modified. This can be done for the specified connector by issuing a 'PUT' request to the '/connectors/${name}/stop' endpoint`,
      );
    }
    return stored;
  }

  private connectorInstance(stored: Readonly<StoredConnector>): Connector {
    const plugin = this.requests.registry.find(["source", "sink"], stored.config["connector.class"] ?? "");
    if (!plugin) throw new TributaryError("config.invalid", `Failed to find any class that implements Connector and which name matches ${stored.config["connector.class"]}`);
    return new plugin.plugin() as Connector;
  }

  /** The type and version of the plugin `config` runs (looked up in the registry). */
  private pluginFacts(config: Readonly<Record<string, string>>): PluginFacts {
    return { type: connectorType(this.requests.registry, config), version: connectorPluginVersion(this.requests.registry, config) };
  }

  /** The connector's ConnectorStateInfo from `statuses`, or undefined while it has no status of its own. */
  private stateInfo(stored: Readonly<StoredConnector>, statuses: ConnectorStatuses | undefined, plugin = this.pluginFacts(stored.config)): ConnectorStateInfo | undefined {
    if (!statuses?.connector) return undefined;
    const info: ConnectorStateInfo = {
      name: stored.name,
      connector: instanceState(statuses.connector),
      tasks: [...statuses.tasks].filter(([task]) => task < stored.taskConfigs.length).map(([id, status]) => ({ id, ...instanceState(status) })),
      type: plugin.type,
    };
    return stateInfoWithVersions(info, plugin.version);
  }

  private info(stored: Readonly<StoredConnector>, plugin = this.pluginFacts(stored.config)): ConnectorInfo {
    return {
      name: stored.name,
      config: { ...stored.config },
      tasks: stored.taskConfigs.map((_, task) => ({ connector: stored.name, task })),
      type: plugin.type,
    };
  }
}

function instanceState(status: Readonly<Status>): InstanceState {
  return { state: status.state, worker_id: status.workerId, ...(status.trace ? { trace: status.trace } : {}) };
}
