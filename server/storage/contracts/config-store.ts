/** What the user asked a connector to be: Kafka Connect's TargetState. */
export type TargetState = "STARTED" | "PAUSED" | "STOPPED";

/** One connector as the config store holds it. */
export interface StoredConnector {
  name: string;
  /** The connector config exactly as submitted: raw strings, `${...}` placeholders unresolved. */
  config: Record<string, string>;
  targetState: TargetState;
  /** Task configs 0..N-1 as last committed; empty when STOPPED or not yet generated. */
  taskConfigs: Record<string, string>[];
}

/** Restart flags (`POST /connectors/{c}/restart`); Kafka Connect's `restart-connector-<c>` record. */
export interface RestartRequest {
  includeTasks: boolean;
  onlyFailed: boolean;
}

/**
 * Everything the config store holds, as of one moment (Kafka Connect's ClusterConfigState).
 * Immutable: a later write produces a new snapshot and never changes one already handed out.
 */
export interface ConfigSnapshot {
  /**
   * Grows with every change the store applied, by this process or (distributed) any worker:
   * the config topic's offset there. Two snapshots with the same version hold the same state.
   */
  readonly version: number;
  /** Every connector by name, in name order. */
  readonly connectors: ReadonlyMap<string, Readonly<StoredConnector>>;
  /**
   * The latest restart request of each connector that has one, as the compacted config topic
   * keeps it: a later request for a connector replaces the earlier one. Requests are not
   * retired when carried out; a worker acts on those it is told of (ConfigChange) while running,
   * as Kafka Connect's workers ignore the ones they read at start-up, so whether they survive a
   * restart of the store is the implementation's choice.
   */
  readonly restartRequests: ReadonlyMap<string, Readonly<RestartRequest>>;
}

/**
 * What one applied write changed, told to subscribers. `connector-created` and
 * `connector-updated` are a connector config put (new or replaced), `connector-removed` its
 * removal; `tasks` a task-config set; `target-state` a target state; `restart` a restart request.
 */
export interface ConfigChange {
  kind: "connector-created" | "connector-updated" | "connector-removed" | "tasks" | "target-state" | "restart";
  connector: string;
  /** The snapshot version that includes this change. */
  version: number;
}

/**
 * Connector configs, task configs, target states and restart requests (Kafka Connect's config
 * backing store). Implementations: memory (unit tests, and the in-memory state of the others),
 * prisma (standalone, survives restarts), kafka (distributed).
 *
 * Guarantees every implementation keeps: each write is atomic (a reader sees all of it or none);
 * a connector's task configs are replaced as one set; removing a connector removes its config,
 * task configs, target state and restart request but never its offsets. `start()` resolves once
 * the store holds everything written before (its own earlier runs' writes, or the whole config
 * topic); reads and writes come after it. What it loads is not told to subscribers: they hear
 * of writes applied after it.
 *
 * Change notification: every applied write, whichever process or worker made it, is told to
 * every subscriber exactly once, in the order the writes were applied, after `snapshot()` shows
 * it and before the write's promise resolves (for this process's own writes). Subscribers are
 * called synchronously and must not throw or block; they read what they need from `snapshot()`.
 */
export interface ConfigStore {
  /** Loads what the store holds; call once before anything else. */
  start(): Promise<void>;
  /** The current state, from memory: cheap, never waits, never throws. */
  snapshot(): ConfigSnapshot;
  /** Adds a subscriber of changes; returns the function that removes it. */
  subscribe(listener: (change: ConfigChange) => void): () => void;
  /** Every connector, sorted by name. */
  connectors(): Promise<StoredConnector[]>;
  /** One connector, or undefined. */
  connector(name: string): Promise<StoredConnector | undefined>;
  /**
   * Creates or replaces a connector's config. A new connector gets `targetState` (default
   * STARTED) and no task configs; an existing one keeps its target state unless one is given.
   */
  putConnectorConfig(name: string, config: Record<string, string>, targetState?: TargetState): Promise<void>;
  /** Replaces the connector's task configs as one set. Throws if the connector does not exist. */
  putTaskConfigs(name: string, taskConfigs: Record<string, string>[]): Promise<void>;
  /** Records the target state. Throws if the connector does not exist. */
  putTargetState(name: string, state: TargetState): Promise<void>;
  /** Records a restart request (replacing the connector's previous one). Throws if the connector does not exist. */
  putRestartRequest(name: string, request: RestartRequest): Promise<void>;
  /** Removes the connector; resolves false if there was none. */
  removeConnector(name: string): Promise<boolean>;
}
