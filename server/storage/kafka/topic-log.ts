/**
 * What the Kafka-backed stores need from Kafka: one compacted internal topic, read from the
 * beginning and then tailed, written record by record (Kafka Connect's KafkaBasedLog). Declared
 * here, by its consumer; implemented in server/kafka.
 */

/** One record of an internal topic, as read. */
export interface LogRecord {
  partition: number;
  offset: bigint;
  key: Buffer | null;
  /** Null for a tombstone. */
  value: Buffer | null;
}

/** One record to write: a tombstone when `value` is null. */
export interface LogWrite {
  key: Buffer;
  value: Buffer | null;
}

/** How an internal topic is named, sized and created (Kafka Connect's `*.storage.*` worker settings). */
export interface TopicLogSpec {
  topic: string;
  /** Partitions of a topic the log creates; -1 for the broker's default. */
  partitions: number;
  /** Replication factor of a topic the log creates; -1 for the broker's default. */
  replicationFactor: number;
  /** Further topic configs for a topic the log creates (`config.storage.<config>`); `cleanup.policy` is always `compact`. */
  topicConfigs: Readonly<Record<string, string>>;
  /** The worker setting that names the topic (`config.storage.topic`), for messages. */
  setting: string;
  /** What the topic holds ("connector configurations"), for messages. */
  purpose: string;
  /** The Kafka client id of the log's clients. */
  clientId: string;
}

/**
 * A compacted internal topic. Not reusable: `start` once, `stop` once.
 *
 * Guarantees: `onRecord` sees every record of every partition from the beginning, each
 * partition's records in offset order, one call at a time, never after `stop` resolved;
 * `readToEnd` resolves only after `onRecord` returned for every record below the end offsets
 * taken when it was called (writes of this log that were not yet acknowledged included);
 * `send` resolves once Kafka acknowledged every record (acks=all, idempotent) and places a key
 * on the partition Kafka's Java clients choose for it, so a key written by Kafka Connect and by
 * Tributary stays in one partition and compaction keeps only its latest value.
 */
export interface TopicLog {
  /**
   * Creates the topic when it is missing (compacted, with the spec's partitions, replication
   * factor and configs) or refuses one whose cleanup policy is not exactly `compact`; then reads
   * every partition to its end and resolves, and keeps tailing. Rejects with a TributaryError
   * naming the topic and the worker setting when the topic cannot be used.
   */
  start(onRecord: (record: LogRecord) => void): Promise<void>;
  /** The topic's partition count, as found by `start`. */
  partitionCount(): number;
  /** Resolves once everything up to the current end of every partition has been handed to `onRecord`. */
  readToEnd(): Promise<void>;
  /** Writes `records` in order; resolves when Kafka acknowledged all of them, rejects with a TributaryError otherwise. */
  send(records: readonly LogWrite[]): Promise<void>;
  /** Stops tailing and closes the clients; pending `readToEnd` calls reject. Idempotent. */
  stop(): Promise<void>;
}

/** Opens internal topics; the composition root passes the Kafka implementation to the stores. */
export interface TopicLogOpener {
  open(spec: TopicLogSpec): TopicLog;
}
