/** Observed states (Kafka Connect's AbstractStatus.State), as workers report them. */
export type ConnectState = "UNASSIGNED" | "RUNNING" | "PAUSED" | "STOPPED" | "FAILED" | "RESTARTING";

/** What a worker reported about one connector or task. */
export interface Status {
  state: ConnectState;
  /** The error trace of a FAILED instance; absent otherwise. */
  trace?: string;
  /** The reporting worker's id (`host:port`). */
  workerId: string;
  /** The worker's assignment generation when it reported; newer wins in distributed mode. */
  generation: number;
}

/** A task's status with its task number. */
export interface TaskStatus extends Status {
  task: number;
}

/** The statuses of one connector: its own (absent until reported) and its tasks', by task number. */
export interface ConnectorStatuses {
  readonly connector: Readonly<Status> | undefined;
  readonly tasks: ReadonlyMap<number, Readonly<Status>>;
}

/**
 * A status that was stored, told to subscribers: `task` null for the connector itself. This is
 * what the console's live events carry, from whichever worker wrote it.
 */
export interface StatusChange {
  connector: string;
  task: number | null;
  status: Status;
}

/**
 * Connector and task statuses (Kafka Connect's status backing store). Each put replaces the
 * previous status of that connector or task. `start()` resolves once the store holds everything
 * written before; reads and writes come after it. What it loads is not told to subscribers: they
 * hear of writes applied after it.
 *
 * Change notification: every stored status, whichever worker wrote it, is told to every
 * subscriber exactly once, in the order the puts were applied, after `snapshot()` and the
 * readers show it and before the put's promise resolves (for this process's own puts).
 * Subscribers are called synchronously and must not throw or block. Removals are not told:
 * they follow a config change (a deleted connector, a shrunk task set) the config store tells.
 */
export interface StatusStore {
  /** Loads what the store holds; call once before anything else. */
  start(): Promise<void>;
  /** Every connector that has statuses, by name, from memory: cheap, never waits. */
  snapshot(): ReadonlyMap<string, ConnectorStatuses>;
  /** Adds a subscriber of stored statuses; returns the function that removes it. */
  subscribe(listener: (change: StatusChange) => void): () => void;
  putConnector(connector: string, status: Status): Promise<void>;
  putTask(connector: string, task: number, status: Status): Promise<void>;
  connector(connector: string): Promise<Status | undefined>;
  /** The connector's task statuses, sorted by task number. */
  tasks(connector: string): Promise<TaskStatus[]>;
  /** Forgets the task statuses numbered `fromTask` and above (after the task count shrank). */
  removeTasks(connector: string, fromTask: number): Promise<void>;
  /** Forgets the connector's status and all its task statuses. */
  removeConnector(connector: string): Promise<void>;
}

/** A topic a connector used since its last topic reset (Kafka Connect's TopicStatus). */
export interface TopicStatus {
  topic: string;
  connector: string;
  /** The task that first used it. */
  task: number;
  /** When it was first used, epoch milliseconds. */
  discoverTimestamp: number;
}

/**
 * Where a cluster keeps its connectors' active topics, so any worker answers for any connector
 * (distributed mode's status topic, in Kafka Connect's format). `activeTopics` reads the store's
 * current copy; writes resolve once stored.
 */
export interface TopicStatusStore {
  putTopic(status: TopicStatus): Promise<void>;
  activeTopics(connector: string): TopicStatus[];
  resetTopics(connector: string): Promise<void>;
}
