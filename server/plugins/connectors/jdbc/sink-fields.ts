import { DataException } from "@/server/plugins/api/data/errors";
import { Schema } from "@/server/plugins/api/data/schema";
import { Struct } from "@/server/plugins/api/data/struct";
import type { SinkRecord } from "@/server/plugins/api/records";

/** Kafka Connect JDBC's `pk.mode`. */
export type PkMode = "none" | "kafka" | "record_key" | "record_value";

/** The column names pk.mode=kafka uses by default, in order: topic, partition, offset. */
export const KAFKA_PK_FIELDS = ["__connect_topic", "__connect_partition", "__connect_offset"] as const;
/** The column a primitive record key goes to with pk.mode=record_key and no pk.fields. */
export const DEFAULT_KEY_FIELD = "__connect_key";

/** One column a record writes: its name, its Connect schema, and the record's value for it. */
export interface SinkColumn {
  name: string;
  schema: Schema;
  value: unknown;
  primaryKey: boolean;
}

/** A record as a row: its columns (key columns first), and whether it deletes (a tombstone). */
export interface SinkRow {
  columns: SinkColumn[];
  delete: boolean;
}

/** What decides a record's columns. */
export interface FieldRules {
  pkMode: PkMode;
  pkFields: readonly string[];
  fieldsWhitelist: readonly string[];
  deleteEnabled: boolean;
}

const TOPIC_SCHEMA = Schema.STRING_SCHEMA;
const PARTITION_SCHEMA = Schema.INT32_SCHEMA;
const OFFSET_SCHEMA = Schema.INT64_SCHEMA;

function structOf(value: unknown, schema: Schema | null, what: string, record: SinkRecord): Struct {
  if (!(value instanceof Struct) || !schema || schema.type !== "STRUCT") {
    throw new DataException(
      `The JDBC sink needs records whose ${what} is a Struct with a schema (topic ${record.topic}, partition ${record.kafkaPartition}, offset ${record.kafkaOffset}): use a converter with schemas, e.g. the JsonConverter with schemas.enable=true`,
    );
  }
  return value;
}

function fromStruct(struct: Struct, names: readonly string[] | null, primaryKey: boolean): SinkColumn[] {
  const fields = names === null ? struct.schema.fields : names.map((name) => {
    const field = struct.schema.fields.find((each) => each.name === name);
    if (!field) throw new DataException(`pk.fields names ${name}, which the record's ${primaryKey ? "key" : "value"} does not have (its fields: ${struct.schema.fields.map((each) => each.name).join(", ")})`);
    return field;
  });
  return fields.map((field) => ({ name: field.name, schema: field.schema, value: struct.getWithoutDefault(field.name) ?? field.schema.defaultValue ?? null, primaryKey }));
}

/** The key columns of a record per pk.mode (Kafka Connect JDBC's FieldsMetadata). */
function keyColumns(record: SinkRecord, rules: FieldRules): SinkColumn[] {
  switch (rules.pkMode) {
    case "none":
      return [];
    case "kafka": {
      const names = rules.pkFields.length === 3 ? rules.pkFields : KAFKA_PK_FIELDS;
      return [
        { name: names[0]!, schema: TOPIC_SCHEMA, value: record.topic, primaryKey: true },
        { name: names[1]!, schema: PARTITION_SCHEMA, value: record.kafkaPartition, primaryKey: true },
        { name: names[2]!, schema: OFFSET_SCHEMA, value: record.kafkaOffset, primaryKey: true },
      ];
    }
    case "record_key": {
      const schema = record.keySchema;
      if (!schema) throw new DataException(`pk.mode=record_key needs records with a key schema (topic ${record.topic}, offset ${record.kafkaOffset}); the key has none`);
      if (schema.type !== "STRUCT") {
        if (rules.pkFields.length > 1) throw new DataException(`pk.fields must name one column for a primitive record key, got ${rules.pkFields.join(",")}`);
        if (record.key === null) throw new DataException(`pk.mode=record_key: the record at offset ${record.kafkaOffset} of ${record.topic} has a null key`);
        return [{ name: rules.pkFields[0] ?? DEFAULT_KEY_FIELD, schema, value: record.key, primaryKey: true }];
      }
      return fromStruct(structOf(record.key, schema, "key", record), rules.pkFields.length > 0 ? rules.pkFields : null, true);
    }
    case "record_value":
      return fromStruct(structOf(record.value, record.valueSchema, "value", record), rules.pkFields.length > 0 ? rules.pkFields : null, true);
  }
}

/**
 * A record's row: the key columns of `pk.mode`, then the value's other fields (only those in
 * fields.whitelist when it is set). A tombstone (null value) is a delete when delete.enabled,
 * otherwise null (the record writes nothing).
 * @throws DataException when the record does not fit the rules (no Struct value, a missing key).
 */
export function sinkRow(record: SinkRecord, rules: FieldRules): SinkRow | null {
  if (record.value === null) return rules.deleteEnabled ? { columns: keyColumns(record, rules), delete: true } : null;
  const keys = keyColumns(record, rules);
  const taken = new Set(keys.map((column) => column.name));
  const value = structOf(record.value, record.valueSchema, "value", record);
  const others = fromStruct(value, null, false).filter((column) => !taken.has(column.name) && (rules.fieldsWhitelist.length === 0 || rules.fieldsWhitelist.includes(column.name)));
  return { columns: [...keys, ...others], delete: false };
}
