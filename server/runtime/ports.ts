/**
 * What the runtime needs from Kafka, declared here by the runtime and implemented by server/kafka.
 * The store contracts live in server/storage/contracts. The runtime never imports implementations.
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
