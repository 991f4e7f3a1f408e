import type { Schema } from "@/server/plugins/api/data/schema";
import type { Headers } from "@/server/plugins/api/headers";
import type { ConnectRecord } from "@/server/plugins/api/records";

/**
 * The half of a record a `$Key` or `$Value` transformation works on (Kafka's `operatingSchema`,
 * `operatingValue` and `newRecord` trio). Stateless; one constant per side, shared by every SMT.
 */
export interface OperatingSide {
  /** `"key"` or `"value"`, for messages. */
  readonly name: "key" | "value";
  schema(record: ConnectRecord): Schema | null;
  value(record: ConnectRecord): unknown;
  /** A copy of `record` (through `record.newRecord`) with this side replaced, and the headers when given. */
  newRecord(record: ConnectRecord, schema: Schema | null, value: unknown, headers?: Headers): ConnectRecord;
}

/** The record key (the `$Key` variants). */
export const KEY_SIDE: OperatingSide = Object.freeze({
  name: "key",
  schema: (record: ConnectRecord) => record.keySchema,
  value: (record: ConnectRecord) => record.key,
  newRecord: (record: ConnectRecord, schema: Schema | null, value: unknown, headers?: Headers) =>
    record.newRecord(headers === undefined ? { keySchema: schema, key: value } : { keySchema: schema, key: value, headers }),
});

/** The record value (the `$Value` variants). */
export const VALUE_SIDE: OperatingSide = Object.freeze({
  name: "value",
  schema: (record: ConnectRecord) => record.valueSchema,
  value: (record: ConnectRecord) => record.value,
  newRecord: (record: ConnectRecord, schema: Schema | null, value: unknown, headers?: Headers) =>
    record.newRecord(headers === undefined ? { valueSchema: schema, value } : { valueSchema: schema, value, headers }),
});
