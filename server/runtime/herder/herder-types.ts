/**
 * The shapes the Herder answers with. They are Kafka Connect's REST entities (reference §1.3),
 * field names included, so the HTTP layer serializes them as they are.
 */
import type { RestartRequest, TargetState } from "@/server/storage/contracts/config-store";
import type { ConnectState } from "@/server/storage/contracts/status-store";
import type { ConfigKeyInfo, ConfigValueInfo } from "@/server/plugins/api/config-def";

export type ConnectorType = "source" | "sink" | "unknown";

/** `{connector, task}`: a task id as ConnectorInfo and TaskInfo show it. */
export interface ConnectorTaskId {
  connector: string;
  task: number;
}

/** ConnectorInfo: `GET /connectors/{c}` and the body of create and config updates. */
export interface ConnectorInfo {
  name: string;
  config: Record<string, string>;
  tasks: ConnectorTaskId[];
  type: ConnectorType;
}

/**
 * One instance's state in ConnectorStateInfo; `trace` is absent, never null, when empty.
 * `version` (Kafka Connect 4.1) is the running plugin's version, absent when unknown.
 */
export interface InstanceState {
  state: ConnectState;
  worker_id: string;
  trace?: string;
  version?: string;
}

/** A task's state: InstanceState plus its id (a bare number). */
export interface TaskState extends InstanceState {
  id: number;
}

/** Which expansions `GET /connectors?expand=…` asked for. */
export interface Expansions {
  status: boolean;
  info: boolean;
}

/** One connector of the expanded list: only the expansions asked for. */
export interface ExpandedConnector {
  status?: ConnectorStateInfo;
  info?: ConnectorInfo;
}

/** ConnectorStateInfo: `/status` and the 202 body of a restart with flags (the restart plan). */
export interface ConnectorStateInfo {
  name: string;
  connector: InstanceState;
  tasks: TaskState[];
  type: ConnectorType;
}

/** TaskInfo: items of `GET /connectors/{c}/tasks`. */
export interface TaskInfo {
  id: ConnectorTaskId;
  config: Record<string, string>;
}

/** One entry of `GET /connectors/{c}/offsets`: a source partition, or a sink topic-partition. */
export interface ConnectorOffset {
  partition: Record<string, unknown>;
  offset: Record<string, unknown> | null;
}

/**
 * PluginInfo: items of `GET /connector-plugins`. `version` is left out when unknown.
 * `description` (one sentence, for the console's catalogue) is Tributary's addition; Connect
 * clients ignore fields they do not know.
 */
export interface PluginInfo {
  class: string;
  type: "source" | "sink" | "converter" | "header_converter" | "transformation" | "predicate";
  version?: string;
  description?: string;
}

/** ConfigInfos: the body of `PUT /connector-plugins/{p}/config/validate`. */
export interface ConfigInfos {
  name: string;
  error_count: number;
  groups: string[];
  configs: Array<{ definition: ConfigKeyInfo | null; value: ConfigValueInfo }>;
}

/** What the user may ask a new connector to start as (`initial_state`). */
export type InitialState = "RUNNING" | "PAUSED" | "STOPPED";

/** A worker of a distributed cluster and the work the leader assigned it in the latest generation. */
export interface ClusterMember {
  /** The worker's group member id. */
  memberId: string;
  /** The root of its Connect REST API, as it advertises it. */
  url: string;
  leader: boolean;
  connectors: string[];
  tasks: ConnectorTaskId[];
}

/** A connector (no `task`) or task whose worker changed in a generation: `from`/`to` are REST URLs, null for none. */
export interface WorkMove {
  connector: string;
  task?: number;
  from: string | null;
  to: string | null;
  /** How long it waited without a worker before `to` got it, in ms. */
  unassignedMs?: number;
}

/** A generation that changed who runs what, as the leader recorded it. */
export interface RebalanceRecord {
  generation: number;
  /** When the leader assigned it, epoch ms. */
  at: number;
  workers: number;
  moves: WorkMove[];
}

/** The cluster as its leader knows it: the workers and their work, and its recent rebalances (newest first). */
export interface ClusterView {
  members: ClusterMember[];
  rebalances: RebalanceRecord[];
}

export type { RestartRequest, TargetState, ConnectState, ConfigKeyInfo, ConfigValueInfo };
