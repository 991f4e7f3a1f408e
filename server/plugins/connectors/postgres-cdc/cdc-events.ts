import type { OffsetMap } from "@/server/plugins/api/offsets";
import { SourceRecord } from "@/server/plugins/api/records";
import { Struct } from "@/server/plugins/api/data/struct";
import { keyStruct, rowStruct, SOURCE_SCHEMA, type TableSchemas } from "@/server/plugins/connectors/postgres-cdc/cdc-schemas";
import { PLUGIN_VERSION } from "@/server/plugins/connectors/plugin-version";

/** Debezium's `op` codes: create, update, delete, read (snapshot). */
export type Op = "c" | "u" | "d" | "r";
/** A row in text form, `undefined` for an unchanged TOASTed value. */
export type TextRow = ReadonlyArray<string | null | undefined>;

/** Where an event comes from, for its `source` block and offset. */
export interface EventOrigin {
  server: string;
  database: string;
  /** The change's LSN (the snapshot's consistent point for snapshot reads). */
  lsn: bigint;
  /** The LSN of its transaction's commit record; null for snapshot reads. */
  commitLsn: bigint | null;
  txId: number | null;
  /** Commit time (snapshot: read time), microseconds since the Unix epoch. */
  timeMicros: bigint;
  /** `source.snapshot`: "true", "last" or "false". */
  snapshot: "true" | "last" | "false";
}

/**
 * The offset Debezium's PostgreSQL connector stores with an event (partition `{"server":
 * <topic.prefix>}`): streaming events carry `lsn_proc` (this change), `lsn_commit` (its
 * transaction's commit), `lsn`, `txId` and `ts_usec`; snapshot reads carry `lsn` (the snapshot's
 * consistent point), `snapshot: true` and `last_snapshot_record`.
 */
export function eventOffset(origin: EventOrigin): OffsetMap {
  const offset: OffsetMap = { lsn: Number(origin.lsn), txId: origin.txId, ts_usec: Number(origin.timeMicros) };
  if (origin.snapshot !== "false") return { ...offset, snapshot: true, last_snapshot_record: origin.snapshot === "last" };
  return { ...offset, lsn_proc: Number(origin.lsn), lsn_commit: Number(origin.commitLsn) };
}

function sourceBlock(schemas: TableSchemas, origin: EventOrigin): Struct {
  const millis = origin.timeMicros / 1000n;
  return new Struct(SOURCE_SCHEMA)
    .put("version", PLUGIN_VERSION)
    .put("connector", "postgresql")
    .put("name", origin.server)
    .put("ts_ms", millis)
    .put("snapshot", origin.snapshot)
    .put("db", origin.database)
    .put("sequence", JSON.stringify([origin.commitLsn === null ? null : String(origin.commitLsn), String(origin.lsn)]))
    .put("ts_us", origin.timeMicros)
    .put("ts_ns", origin.timeMicros * 1000n)
    .put("schema", schemas.schema)
    .put("table", schemas.table)
    .put("txId", origin.txId === null ? null : BigInt(origin.txId))
    .put("lsn", origin.lsn);
}

/**
 * A change event in Debezium's envelope (`before`, `after`, `source`, `op`, `ts_ms`…), keyed
 * by the table's key, plus the tombstone that follows a delete when `tombstones` is on.
 */
export function changeRecords(schemas: TableSchemas, op: Op, before: TextRow | null, after: TextRow | null, origin: EventOrigin, partition: OffsetMap, tombstones: boolean): SourceRecord[] {
  const now = BigInt(Date.now());
  const envelope = new Struct(schemas.envelopeSchema)
    .put("before", before ? rowStruct(schemas, before) : null)
    .put("after", after ? rowStruct(schemas, after) : null)
    .put("source", sourceBlock(schemas, origin))
    .put("op", op)
    .put("ts_ms", now)
    .put("ts_us", now * 1000n)
    .put("ts_ns", now * 1_000_000n);
  const key = keyStruct(schemas, (after ?? before)!);
  const offset = eventOffset(origin);
  const common = { topic: schemas.topic, keySchema: schemas.keySchema, key, sourcePartition: partition, sourceOffset: offset };
  const event = new SourceRecord({ ...common, valueSchema: schemas.envelopeSchema, value: envelope, timestamp: Number(origin.timeMicros / 1000n) });
  if (op !== "d" || !tombstones) return [event];
  return [event, new SourceRecord({ ...common, valueSchema: null, value: null, timestamp: Number(origin.timeMicros / 1000n) })];
}

/** Whether an update moved the row to another key (Debezium then emits a delete and a create). */
export function keyChanged(schemas: TableSchemas, before: TextRow | null, after: TextRow): boolean {
  return before !== null && schemas.keyIndexes.some((i) => before[i] !== undefined && before[i] !== after[i]);
}
