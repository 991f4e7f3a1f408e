import type {
  ClusterView,
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
} from "@/server/runtime/herder/herder-types";
import type { AutoRestartView } from "@/server/runtime/herder/auto-restart";
import type { ConnectionTestOutcome } from "@/server/runtime/herder/connection-test";
import type { PreviewResult, PreviewSample } from "@/server/runtime/transforms/pipeline-preview";

/**
 * The control plane (Kafka Connect's Herder): every change to connectors goes through it, from
 * the REST API, the console's own endpoints and the CLI alike. Standalone and distributed mode
 * differ only in which implementation runs.
 *
 * Errors are TributaryErrors with Kafka Connect's messages (reference §1.5) and these codes,
 * which the HTTP layer maps to statuses: `connector.not_found` (404), `task.not_found` (404),
 * `connector.already_exists` (409), `config.invalid` (400), `request.invalid` (400),
 * `plugin.not_found` (404), `plugin.invalid_kind` (400), `rebalance.in_progress` (409),
 * `topic_tracking.disabled` (403).
 */
export interface Herder {
  /** Connector names, sorted. */
  connectors(): Promise<string[]>;
  /**
   * `GET /connectors?expand=…`: every connector, in the order of `connectors()`, with the
   * expansions asked for, all read from one moment's snapshots (O(1) store round trips, however
   * many connectors). With `status` asked for, a connector with no status yet is left out, as
   * Kafka Connect leaves it out.
   */
  expandedConnectors(expand: Expansions): Promise<Record<string, ExpandedConnector>>;
  connectorInfo(name: string): Promise<ConnectorInfo>;
  /** The raw config as submitted (secrets and `${...}` placeholders unmasked, as Connect does). */
  connectorConfig(name: string): Promise<Record<string, string>>;
  /**
   * Creates or replaces a connector after validating the config (400 `config.invalid` with
   * Connect's multi-line message). `allowReplace: false` (POST) refuses an existing name with
   * 409. `initialState` applies to a new connector only. Resolves whether it was created.
   */
  putConnectorConfig(
    name: string,
    config: Record<string, string>,
    options: { allowReplace: boolean; initialState?: InitialState },
  ): Promise<{ created: boolean; info: ConnectorInfo }>;
  /** Merges `patch` over the stored config (a null value removes the key), validates, applies. */
  patchConnectorConfig(name: string, patch: Record<string, string | null>): Promise<ConnectorInfo>;
  /** Deletes the connector and stops its tasks; offsets and the sink group are kept. */
  deleteConnector(name: string): Promise<void>;
  connectorStatus(name: string): Promise<ConnectorStateInfo>;
  taskStatus(name: string, task: number): Promise<TaskState>;
  taskConfigs(name: string): Promise<TaskInfo[]>;
  pauseConnector(name: string): Promise<void>;
  resumeConnector(name: string): Promise<void>;
  /** Stops the connector: target STOPPED and zero task configs, so offsets can be edited. */
  stopConnector(name: string): Promise<void>;
  /** The legacy restart: the connector instance only, done before this resolves. */
  restartConnector(name: string): Promise<void>;
  /** Restart with flags; resolves with the plan (instances to restart shown as RESTARTING). */
  restartConnectorAndTasks(name: string, request: RestartRequest): Promise<ConnectorStateInfo>;
  restartTask(name: string, task: number): Promise<void>;
  /**
   * Tributary's auto-restart policy of the connector, its pending automatic restarts and the
   * last attempts this worker made (newest first); `connector.not_found` for an unknown connector.
   * A worker knows only the attempts it made itself (in memory, since it started).
   */
  autoRestarts?(name: string): Promise<AutoRestartView>;
  /**
   * Kafka Connect's internal task-config hand-over (`POST /connectors/{c}/tasks`): the worker that
   * runs a connector sends its generated task configs to the leader, which writes them as one
   * set. `connector.not_found` for an unknown connector.
   */
  putTaskConfigs(name: string, taskConfigs: Record<string, string>[]): Promise<void>;
  /** Topics the connector used since its last topic reset (no existence check, as in Connect). */
  connectorActiveTopics(name: string): Promise<string[]>;
  resetConnectorActiveTopics(name: string): Promise<void>;
  connectorOffsets(name: string): Promise<{ offsets: ConnectorOffset[] }>;
  /** Only when STOPPED with no tasks; resolves with Connect's success message. */
  alterConnectorOffsets(name: string, offsets: ConnectorOffset[]): Promise<{ message: string }>;
  resetConnectorOffsets(name: string): Promise<{ message: string }>;
  /** The end offset of every partition of `topics` (the console's sink lag); a `kafka.*` error for an unknown topic. */
  topicEndOffsets(topics: string[]): Promise<Array<{ topic: string; partition: number; offset: number }>>;
  /** Validates a candidate config; `pluginName` is the path's plugin, only cross-checked. */
  validateConnectorConfig(pluginName: string | null, config: Record<string, string>): Promise<ConfigInfos>;
  /**
   * The workers of this worker's cluster with their assigned work and the recent rebalances, as
   * the leader knows them (asked over REST when another worker leads); absent outside distributed
   * mode. Rejects with
   * `rebalance.in_progress` while no leader is known, `forwarded.404` when the leader is an
   * Apache Kafka Connect worker.
   */
  clusterView?(): Promise<ClusterView>;
  plugins(connectorsOnly: boolean): PluginInfo[];
  /** The config definition of any plugin kind (404 unknown, 400 for kinds without one). */
  pluginConfig(pluginName: string): ConfigKeyInfo[];
  /**
   * Runs samples through a candidate config's converters and transforms without starting it
   * (the transform playground). `plugin.not_found` for an unknown connector class,
   * `config.invalid_value` for a transform or converter that cannot be built.
   */
  previewPipeline(config: Record<string, string>, samples: PreviewSample[]): { kind: "source" | "sink"; results: PreviewResult[] };
  /** Asks a candidate config's connector to reach its external system (see connection-test.ts); `plugin.not_found` for an unknown class. */
  testConnection(config: Record<string, string>): Promise<ConnectionTestOutcome>;
}
