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

/**
 * Connector and task statuses (Kafka Connect's status backing store). Each put replaces the
 * previous status of that connector or task.
 */
export interface StatusStore {
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
