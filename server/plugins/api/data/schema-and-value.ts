import type { Schema } from "@/server/plugins/api/data/schema";

/**
 * A Connect value with its schema (Kafka Connect's `SchemaAndValue`), what converters and
 * `Values.parseString` return. `schema` is null for schemaless data; both are null for a tombstone.
 */
export interface SchemaAndValue {
  readonly schema: Schema | null;
  readonly value: unknown;
}

/** The null schema and value: a tombstone, or a missing header value. */
export const NULL_SCHEMA_AND_VALUE: SchemaAndValue = Object.freeze({ schema: null, value: null });
