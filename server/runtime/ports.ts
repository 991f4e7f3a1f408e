/**
 * What the runtime needs from the outside world, declared here by the runtime and implemented
 * elsewhere (server/kafka, server/storage/*). The runtime never imports those implementations.
 */

/** The worker's Kafka cluster, as far as the runtime uses it directly. */
export interface ClusterPort {
  /** Bootstrap servers as configured, for display. */
  readonly bootstrap: string;
  /** Resolves with the cluster id and broker count, or rejects with a TributaryError. */
  describeCluster(): Promise<{ clusterId: string; brokers: number }>;
  /** Releases every client; idempotent. */
  close(): Promise<void>;
}

/** A worker process as recorded in the store. */
export interface WorkerProcessRecord {
  id: string;
  mode: string;
  version: string;
  restUrl: string | null;
  pid: number;
  host: string;
  startedAt: Date;
  lastSeenAt: Date;
  stoppedAt: Date | null;
}

/** Where worker processes record their life: one record per runtime instance. */
export interface WorkerProcessStore {
  /** Records a start; `id` is the runtime instance id. */
  started(record: Omit<WorkerProcessRecord, "startedAt" | "lastSeenAt" | "stoppedAt">): Promise<void>;
  /** Marks the instance alive now. */
  seen(id: string): Promise<void>;
  /** Marks a clean stop. */
  stopped(id: string): Promise<void>;
  /** Most recent starts first. */
  recent(limit: number): Promise<WorkerProcessRecord[]>;
  /** Releases the store's resources; idempotent. */
  close(): Promise<void>;
}
