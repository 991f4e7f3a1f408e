import type { OffsetMap } from "@/server/plugins/api/offsets";
import type { PgInstant } from "@/server/plugins/connectors/postgres-client/pg-text-values";
import type { TableRef } from "@/server/plugins/connectors/postgres-client/pg-catalog";

/** Where a querier is: the last incrementing value and timestamp read (null: none yet). */
export interface SourcePosition {
  incrementing: bigint | null;
  timestamp: PgInstant | null;
}

/**
 * A table's source partition as Kafka Connect JDBC writes it (offset protocol 1):
 * `{"protocol": "1", "table": "public.orders"}`.
 */
export function tablePartition(ref: TableRef): OffsetMap {
  return { protocol: "1", table: `${ref.schema}.${ref.table}` };
}

/** The partition Kafka Connect JDBC used before protocol 1, read as a fallback: `{"table": "orders"}`. */
export function legacyTablePartition(ref: TableRef): OffsetMap {
  return { table: ref.table };
}

/** The partition of a `query` connector: `{"query": "query"}`. */
export const QUERY_PARTITION: OffsetMap = Object.freeze({ query: "query" });

/**
 * A position as Kafka Connect JDBC's offset: `incrementing` (the last id), `timestamp` (epoch
 * milliseconds) and `timestamp_nanos` (nanoseconds within that second), each only when known.
 * Ids beyond ±2^53 lose precision in the offset store's JSON numbers, as they would in a JVM
 * reading them back as doubles: keep incrementing columns within that range.
 */
export function encodeSourceOffset(position: SourcePosition): OffsetMap {
  const offset: OffsetMap = {};
  if (position.incrementing !== null) offset.incrementing = Number(position.incrementing);
  if (position.timestamp !== null) {
    offset.timestamp = position.timestamp.millis;
    offset.timestamp_nanos = position.timestamp.nanos;
  }
  return offset;
}

/** The position an offset stands for; without one, timestamps start at `initialTimestampMs` (or the epoch). */
export function decodeSourceOffset(offset: OffsetMap | null, initialTimestampMs: number | null): SourcePosition {
  const incrementing = offset?.incrementing;
  const millis = offset?.timestamp;
  const nanos = offset?.timestamp_nanos;
  const timestamp =
    typeof millis === "number"
      ? { millis, nanos: typeof nanos === "number" ? nanos : ((millis % 1000) + 1000) % 1000 * 1_000_000 }
      : initialTimestampMs !== null
        ? { millis: initialTimestampMs, nanos: ((initialTimestampMs % 1000) + 1000) % 1000 * 1_000_000 }
        : null;
  return {
    incrementing: typeof incrementing === "number" || typeof incrementing === "string" ? BigInt(incrementing) : null,
    timestamp,
  };
}
