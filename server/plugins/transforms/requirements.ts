import { DataException } from "@/server/plugins/api/data/errors";
import type { Schema } from "@/server/plugins/api/data/schema";
import { Struct } from "@/server/plugins/api/data/struct";
import { type ConnectRecord, SinkRecord } from "@/server/plugins/api/records";

/**
 * A schemaless map value as SMTs read it. The JsonConverter gives a `Map` for every JSON object;
 * a plain object (what a source connector may hand over) is read the same way.
 */
export type SchemalessMap = ReadonlyMap<unknown, unknown>;

/** The type of a value as error messages show it: `null`, `string`, `bigint`, `Struct`, `Map`. */
export function typeNameOf(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value !== "object") return typeof value;
  return (value as object).constructor?.name ?? "Object";
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/** True for a value a schemaless SMT treats as a map: a `Map` or a plain object. */
export function isSchemalessMap(value: unknown): boolean {
  return value instanceof Map || isPlainObject(value);
}

/**
 * `value` as a map for schemaless processing (Kafka's `Requirements.requireMap`); a plain object
 * is viewed as a Map of its own entries. `purpose` names the SMT's job in the message.
 * @throws DataException for anything else, null included.
 */
export function requireMap(value: unknown, purpose: string): SchemalessMap {
  if (value instanceof Map) return value;
  if (isPlainObject(value)) return new Map(Object.entries(value));
  throw new DataException(`Only Map objects supported in absence of schema for [${purpose}], found: ${typeNameOf(value)}`);
}

/** requireMap, except that null gives null. */
export function requireMapOrNull(value: unknown, purpose: string): SchemalessMap | null {
  return value === null || value === undefined ? null : requireMap(value, purpose);
}

/** `value` as a Struct (Kafka's `Requirements.requireStruct`). @throws DataException otherwise, null included. */
export function requireStruct(value: unknown, purpose: string): Struct {
  if (value instanceof Struct) return value;
  throw new DataException(`Only Struct objects supported for [${purpose}], found: ${typeNameOf(value)}`);
}

/** requireStruct, except that null gives null. */
export function requireStructOrNull(value: unknown, purpose: string): Struct | null {
  return value === null || value === undefined ? null : requireStruct(value, purpose);
}

/** `schema` when it is not null (Kafka's `Requirements.requireSchema`). @throws DataException for null. */
export function requireSchema(schema: Schema | null, purpose: string): Schema {
  if (schema === null) throw new DataException(`Schema required for [${purpose}]`);
  return schema;
}

/** `record` as a SinkRecord (Kafka's `Requirements.requireSinkRecord`). @throws DataException for a source record. */
export function requireSinkRecord(record: ConnectRecord, purpose: string): SinkRecord {
  if (record instanceof SinkRecord) return record;
  throw new DataException(`Only SinkRecord supported for [${purpose}], found: ${typeNameOf(record)}`);
}
