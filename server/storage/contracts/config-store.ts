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

/**
 * Connector configs, task configs and target states (Kafka Connect's config backing store).
 * Implementations: memory (tests), prisma (standalone, survives restarts), kafka (distributed).
 *
 * Guarantees every implementation keeps: each method is atomic (a reader sees all of a write or
 * none of it); a connector's task configs are replaced as one set; removing a connector removes
 * its config, task configs and target state but never its offsets.
 */
export interface ConfigStore {
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
  /** Removes the connector; resolves false if there was none. */
  removeConnector(name: string): Promise<boolean>;
}
