import type { OffsetMap } from "@/server/plugins/api/offsets";

/** One source partition and its committed offset. */
export interface OffsetEntry {
  partition: OffsetMap;
  offset: OffsetMap;
}

/**
 * Committed source offsets per connector (Kafka Connect's offset backing store; sink offsets are
 * the consumer group's and never stored here).
 *
 * Invariant: callers write an offset only after Kafka acknowledged every record up to it; the
 * store's job is to keep what it was given, atomically per `write` call.
 */
export interface OffsetStore {
  /** Every partition of the connector with its offset, in no particular order. */
  offsets(connector: string): Promise<OffsetEntry[]>;
  /** Offsets of the given partitions; partitions without one are absent from the result. */
  offsetsFor(connector: string, partitions: OffsetMap[]): Promise<OffsetEntry[]>;
  /** Writes a batch atomically; an entry with a null offset removes that partition's offset. */
  write(connector: string, entries: Array<{ partition: OffsetMap; offset: OffsetMap | null }>): Promise<void>;
}

/**
 * The canonical text of a partition map (keys sorted), so that `{a:1,b:2}` and `{b:2,a:1}` name
 * the same partition in every store.
 */
export function partitionKey(partition: OffsetMap): string {
  return JSON.stringify(Object.fromEntries(Object.entries(partition).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
}
