/**
 * A source partition or offset: a flat map of primitives (Kafka Connect's `Map<String, ?>`),
 * JSON-serializable, stored by the runtime's offset store.
 */
export type OffsetMap = Record<string, string | number | boolean | null>;

/** A Kafka topic partition. */
export interface TopicPartition {
  topic: string;
  partition: number;
}
