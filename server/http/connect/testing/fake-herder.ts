import { TributaryError } from "@/server/errors/tributary-error";
import type { Herder } from "@/server/runtime/herder/herder";
import type { PreviewResult, PreviewSample } from "@/server/runtime/transforms/pipeline-preview";
import type {
  ConfigInfos,
  ConfigKeyInfo,
  ConnectorInfo,
  ConnectorOffset,
  ConnectorStateInfo,
  ExpandedConnector,
  Expansions,
  InitialState,
  PluginInfo,
  RestartRequest,
  TaskInfo,
  TaskState,
  TargetState,
} from "@/server/runtime/herder/herder-types";

interface FakeConnector {
  config: Record<string, string>;
  target: TargetState;
  tasks: Record<string, string>[];
  failedTasks: Set<number>;
  topics: string[];
  offsets: ConnectorOffset[];
}

const WORKER = "fake:8083";

const PLUGINS: PluginInfo[] = [
  { class: "org.apache.kafka.connect.file.FileStreamSinkConnector", type: "sink", version: "4.0.0" },
  { class: "org.apache.kafka.connect.file.FileStreamSourceConnector", type: "source", version: "4.0.0" },
  { class: "org.apache.kafka.connect.transforms.InsertField$Value", type: "transformation" },
  { class: "org.apache.kafka.connect.json.JsonConverter", type: "converter" },
];

const TASKS_MAX: ConfigKeyInfo = {
  name: "tasks.max",
  type: "INT",
  required: false,
  default_value: "1",
  importance: "HIGH",
  documentation: "Maximum number of tasks to use for this connector.",
  group: "Common",
  order: 3,
  width: "SHORT",
  display_name: "Tasks max",
  dependents: [],
};

function invalid(errors: string[], connectorClass: string): TributaryError {
  return new TributaryError(
    "config.invalid",
    `Connector configuration is invalid and contains the following ${errors.length} error(s):\n${errors.join("\n")}\n` +
      `You can also find the above list of errors at the endpoint \`/connector-plugins/${connectorClass}/config/validate\``,
  );
}

/**
 * An in-memory Herder for the REST layer's unit tests, test-only: it keeps connectors in a map and
 * throws TributaryErrors with the real Herder's codes and Kafka Connect's messages, so tests can
 * assert HTTP behaviour. Tasks are `tasks.max` configs, all RUNNING unless `failTask` was called.
 * Not a model of the runtime: no workers, no validation beyond what the REST tests need.
 */
export class FakeHerder implements Herder {
  private readonly store = new Map<string, FakeConnector>();
  /** Connectors whose status is not written yet: `/status` is 404 and `?expand` leaves them out. */
  readonly withoutStatus = new Set<string>();
  topicTracking = true;
  /** End offsets per partition of the topics `topicEndOffsets` knows; any other topic is unknown to the fake cluster. */
  readonly endOffsets = new Map<string, number[]>();

  /** Marks task `task` of `name` FAILED with a trace. */
  failTask(name: string, task: number): void {
    this.get(name, `Connector ${name} not found`).failedTasks.add(task);
  }

  /** Records `topics` as the connector's active topics. */
  useTopics(name: string, topics: string[]): void {
    this.get(name, `Connector ${name} not found`).topics = topics;
  }

  private get(name: string, message: string): FakeConnector {
    const connector = this.store.get(name);
    if (!connector) throw new TributaryError("connector.not_found", message);
    return connector;
  }

  private type(config: Record<string, string>): ConnectorInfo["type"] {
    const found = PLUGINS.find((plugin) => plugin.class === config["connector.class"] || plugin.class.endsWith(`.${config["connector.class"]}Connector`));
    return found?.type === "sink" || found?.type === "source" ? found.type : "unknown";
  }

  private info(name: string, connector: FakeConnector): ConnectorInfo {
    return { name, config: { ...connector.config }, tasks: connector.tasks.map((_, task) => ({ connector: name, task })), type: this.type(connector.config) };
  }

  private taskState(connector: FakeConnector, id: number): TaskState {
    if (connector.failedTasks.has(id)) return { id, state: "FAILED", worker_id: WORKER, trace: "org.apache.kafka.connect.errors.ConnectException: boom\n\tat Fake" };
    return { id, state: connector.target === "PAUSED" ? "PAUSED" : "RUNNING", worker_id: WORKER };
  }

  private taskConfigsOf(connector: FakeConnector): Record<string, string>[] {
    if (connector.target === "STOPPED") return [];
    const count = Number(connector.config["tasks.max"] ?? "1");
    return Array.from({ length: count }, () => ({ ...connector.config, "task.class": "org.apache.kafka.connect.file.FileStreamSinkTask" }));
  }

  async connectors(): Promise<string[]> {
    return [...this.store.keys()].sort();
  }

  async expandedConnectors(expand: Expansions): Promise<Record<string, ExpandedConnector>> {
    const expanded: Record<string, ExpandedConnector> = {};
    for (const name of await this.connectors()) {
      if (expand.status && this.withoutStatus.has(name)) continue;
      expanded[name] = {
        ...(expand.status ? { status: await this.connectorStatus(name) } : {}),
        ...(expand.info ? { info: await this.connectorInfo(name) } : {}),
      };
    }
    return expanded;
  }

  async connectorInfo(name: string): Promise<ConnectorInfo> {
    return this.info(name, this.get(name, `Connector ${name} not found`));
  }

  async connectorConfig(name: string): Promise<Record<string, string>> {
    return { ...this.get(name, `Connector ${name} not found`).config };
  }

  async putConnectorConfig(
    name: string,
    config: Record<string, string>,
    options: { allowReplace: boolean; initialState?: InitialState },
  ): Promise<{ created: boolean; info: ConnectorInfo }> {
    const errors: string[] = [];
    if (name === "") errors.push('Invalid value  for configuration name: String may not be empty');
    if (Object.values(config).some((value) => value === null)) errors.push("Null value can not be supplied as the configuration value.");
    if (!config["connector.class"]) errors.push('Missing required configuration "connector.class" which has no default value.');
    if (errors.length) throw invalid(errors, config["connector.class"] ?? "null");
    const existing = this.store.get(name);
    if (existing && !options.allowReplace) throw new TributaryError("connector.already_exists", `Connector ${name} already exists`);
    const target: TargetState = existing?.target ?? (options.initialState === "RUNNING" || !options.initialState ? "STARTED" : options.initialState);
    const connector: FakeConnector = existing ?? { config, target, tasks: [], failedTasks: new Set(), topics: [], offsets: [] };
    connector.config = { ...config };
    connector.tasks = this.taskConfigsOf(connector);
    this.store.set(name, connector);
    return { created: !existing, info: this.info(name, connector) };
  }

  async patchConnectorConfig(name: string, patch: Record<string, string | null>): Promise<ConnectorInfo> {
    const connector = this.get(name, `Connector ${name} not found`);
    const merged = { ...connector.config };
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) delete merged[key];
      else merged[key] = value;
    }
    return (await this.putConnectorConfig(name, merged, { allowReplace: true })).info;
  }

  async deleteConnector(name: string): Promise<void> {
    this.get(name, `Connector ${name} not found`);
    this.store.delete(name);
  }

  async connectorStatus(name: string): Promise<ConnectorStateInfo> {
    const connector = this.store.get(name);
    if (!connector || this.withoutStatus.has(name)) throw new TributaryError("connector.not_found", `No status found for connector ${name}`);
    const state = connector.target === "STARTED" ? "RUNNING" : connector.target;
    return {
      name,
      connector: { state, worker_id: WORKER },
      tasks: connector.tasks.map((_, id) => this.taskState(connector, id)),
      type: this.type(connector.config),
    };
  }

  async taskStatus(name: string, task: number): Promise<TaskState> {
    const connector = this.store.get(name);
    if (!connector || task < 0 || task >= connector.tasks.length) throw new TributaryError("task.not_found", `No status found for task ${name}-${task}`);
    return this.taskState(connector, task);
  }

  async taskConfigs(name: string): Promise<TaskInfo[]> {
    return this.get(name, `Connector ${name} not found`).tasks.map((config, task) => ({ id: { connector: name, task }, config }));
  }

  async pauseConnector(name: string): Promise<void> {
    this.get(name, `Unknown connector ${name}`).target = "PAUSED";
  }

  async resumeConnector(name: string): Promise<void> {
    this.get(name, `Unknown connector ${name}`).target = "STARTED";
  }

  async stopConnector(name: string): Promise<void> {
    const connector = this.get(name, `Unknown connector ${name}`);
    connector.target = "STOPPED";
    connector.tasks = [];
  }

  async restartConnector(name: string): Promise<void> {
    this.get(name, `Unknown connector: ${name}`);
  }

  async restartConnectorAndTasks(name: string, request: RestartRequest): Promise<ConnectorStateInfo> {
    this.get(name, `Unknown connector: ${name}`);
    const status = await this.connectorStatus(name);
    const restarting = (state: string) => !request.onlyFailed || state === "FAILED";
    return {
      ...status,
      connector: { ...status.connector, state: restarting(status.connector.state) ? "RESTARTING" : status.connector.state },
      tasks: status.tasks.map((task) => (request.includeTasks && restarting(task.state) ? { id: task.id, state: "RESTARTING", worker_id: task.worker_id } : task)),
    };
  }

  async restartTask(name: string, task: number): Promise<void> {
    const connector = this.store.get(name);
    if (!connector || task < 0 || task >= connector.tasks.length) throw new TributaryError("task.not_found", `Unknown task: ${name}-${task}`);
    connector.failedTasks.delete(task);
  }

  async putTaskConfigs(name: string, taskConfigs: Record<string, string>[]): Promise<void> {
    const connector = this.store.get(name);
    if (!connector) throw new TributaryError("connector.not_found", `Unknown connector: ${name}`);
    connector.tasks = taskConfigs.map((config) => ({ ...config }));
  }

  async connectorActiveTopics(name: string): Promise<string[]> {
    if (!this.topicTracking) throw new TributaryError("topic_tracking.disabled", "Topic tracking is disabled.");
    return this.store.get(name)?.topics ?? [];
  }

  async resetConnectorActiveTopics(name: string): Promise<void> {
    if (!this.topicTracking) throw new TributaryError("topic_tracking.disabled", "Topic tracking reset is disabled.");
    const connector = this.store.get(name);
    if (connector) connector.topics = [];
  }

  async connectorOffsets(name: string): Promise<{ offsets: ConnectorOffset[] }> {
    return { offsets: this.get(name, `Connector ${name} not found`).offsets };
  }

  private stoppedForOffsets(name: string): FakeConnector {
    const connector = this.get(name, `Connector ${name} not found`);
    if (connector.target !== "STOPPED" || connector.tasks.length > 0) {
      throw new TributaryError(
        "request.invalid",
        `Connectors must be in the STOPPED state before their offsets can be modified. This can be done for the specified connector by issuing a 'PUT' request to the '/connectors/${name}/stop' endpoint`,
      );
    }
    return connector;
  }

  async alterConnectorOffsets(name: string, offsets: ConnectorOffset[]): Promise<{ message: string }> {
    const connector = this.stoppedForOffsets(name);
    for (const entry of offsets) {
      const key = JSON.stringify(entry.partition);
      connector.offsets = connector.offsets.filter((existing) => JSON.stringify(existing.partition) !== key);
      if (entry.offset !== null) connector.offsets.push(entry);
    }
    return { message: "The offsets for this connector have been altered successfully" };
  }

  async resetConnectorOffsets(name: string): Promise<{ message: string }> {
    this.stoppedForOffsets(name).offsets = [];
    return { message: "The offsets for this connector have been reset successfully" };
  }

  async topicEndOffsets(topics: string[]): Promise<Array<{ topic: string; partition: number; offset: number }>> {
    return topics.flatMap((topic) => {
      const ends = this.endOffsets.get(topic);
      if (!ends) throw new TributaryError("kafka.unknown_topic_or_partition", "This server does not host this topic-partition");
      return ends.map((offset, partition) => ({ topic, partition, offset }));
    });
  }

  async validateConnectorConfig(_pluginName: string | null, config: Record<string, string>): Promise<ConfigInfos> {
    const connectorClass = config["connector.class"];
    if (!connectorClass) throw new TributaryError("request.invalid", `Connector config ${JSON.stringify(config)} contains no connector type`);
    const missingName = !config.name;
    return {
      name: connectorClass,
      error_count: missingName ? 1 : 0,
      groups: ["Common"],
      configs: [
        {
          definition: { ...TASKS_MAX, name: "name", type: "STRING", required: true, default_value: null, order: 1 },
          value: { name: "name", value: config.name ?? null, recommended_values: [], errors: missingName ? ['Missing required configuration "name" which has no default value.'] : [], visible: true },
        },
      ],
    };
  }

  plugins(connectorsOnly: boolean): PluginInfo[] {
    return connectorsOnly ? PLUGINS.filter((plugin) => plugin.type === "sink" || plugin.type === "source") : PLUGINS;
  }

  pluginConfig(pluginName: string): ConfigKeyInfo[] {
    const plugin = PLUGINS.find((candidate) => candidate.class === pluginName || candidate.class.endsWith(`.${pluginName}`));
    if (!plugin) throw new TributaryError("plugin.not_found", `Unknown plugin ${pluginName}.`);
    if (plugin.type === "transformation") throw new TributaryError("plugin.invalid_kind", `Plugin ${pluginName} has no config definition.`);
    return [TASKS_MAX];
  }

  /** Echoes each sample as delivered unchanged, for the known connector plugins. */
  previewPipeline(config: Record<string, string>, samples: PreviewSample[]): { kind: "source" | "sink"; results: PreviewResult[] } {
    const name = config["connector.class"] ?? "";
    const plugin = PLUGINS.find((candidate) => (candidate.type === "sink" || candidate.type === "source") && [name, `${name}Connector`].some((n) => candidate.class === n || candidate.class.endsWith(`.${n}`)));
    if (!plugin) throw new TributaryError("plugin.not_found", `Failed to find any class that implements Connector and which name matches ${config["connector.class"]}`);
    return { kind: plugin.type as "source" | "sink", results: samples.map(() => ({ steps: [], outcome: "delivered" as const })) };
  }

  async testConnection(config: Record<string, string>): Promise<{ supported: boolean; ok: boolean; message: string }> {
    return { supported: false, ok: false, message: `${config["connector.class"]} offers no connection test.` };
  }
}
