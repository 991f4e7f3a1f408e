import { BigDecimal } from "@/server/plugins/api/data/big-decimal";
import { Decimal, toTwosComplementBytes } from "@/server/plugins/api/data/logical-types";
import type { Schema } from "@/server/plugins/api/data/schema";
import { SchemaBuilder } from "@/server/plugins/api/data/schema-builder";
import { Struct } from "@/server/plugins/api/data/struct";
import type { PgColumn } from "@/server/plugins/connectors/postgres-client/pg-catalog";
import { parsePgBytea, parsePgInstant } from "@/server/plugins/connectors/postgres-client/pg-text-values";

/** What Debezium puts in a column whose unchanged TOASTed value the server did not send. */
export const UNAVAILABLE_VALUE = "__debezium_unavailable_value";
const DAY_MS = 86_400_000;

/** A column's Debezium schema and how its text becomes the value. */
interface ColumnType {
  builder: () => SchemaBuilder;
  read: (text: string) => unknown;
}

function micros(text: string): bigint {
  const { millis, nanos } = parsePgInstant(text);
  const secondMillis = millis - (((millis % 1000) + 1000) % 1000);
  return BigInt(secondMillis) * 1000n + BigInt(Math.floor(nanos / 1000));
}

/** `timestamptz` as Debezium's ZonedTimestamp: ISO 8601 in UTC, fractional digits without trailing zeros. */
function zoned(text: string): string {
  const { millis, nanos } = parsePgInstant(text);
  const base = new Date(millis - (((millis % 1000) + 1000) % 1000)).toISOString().slice(0, 19);
  const fraction = String(nanos).padStart(9, "0").slice(0, 6).replace(/0+$/, "");
  return `${base}${fraction ? `.${fraction}` : ""}Z`;
}

function timeMicros(text: string): bigint {
  const m = /^(\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))?/.exec(text);
  if (!m) return 0n;
  return BigInt((Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3])) * 1_000_000 + Number((m[4] ?? "").padEnd(6, "0")));
}

/** Debezium's default mapping (`decimal.handling.mode=precise`, `time.precision.mode=adaptive`) of a PostgreSQL column. */
function columnType(column: PgColumn): ColumnType {
  const named = (builder: () => SchemaBuilder, name: string, read: (text: string) => unknown): ColumnType => ({ builder: () => builder().name(name).version(1), read });
  switch (column.typeName) {
    case "bool":
      return { builder: SchemaBuilder.bool, read: (text) => text === "t" };
    case "int2":
      return { builder: SchemaBuilder.int16, read: Number };
    case "int4":
    case "oid":
      return { builder: SchemaBuilder.int32, read: Number };
    case "int8":
      return { builder: SchemaBuilder.int64, read: BigInt };
    case "float4":
      return { builder: SchemaBuilder.float32, read: Number };
    case "float8":
      return { builder: SchemaBuilder.float64, read: Number };
    case "numeric":
      if (column.precision !== null) {
        const scale = column.scale ?? 0;
        return { builder: () => Decimal.builder(scale).parameter("connect.decimal.precision", String(column.precision)), read: (text) => BigDecimal.parse(text).setScale(scale) };
      }
      return {
        builder: () => SchemaBuilder.struct().name("io.debezium.data.VariableScaleDecimal").version(1).doc("Variable scaled decimal").field("scale", SchemaBuilder.int32().build()).field("value", SchemaBuilder.bytes().build()),
        read: (text) => variableScale(text),
      };
    case "date":
      return named(SchemaBuilder.int32, "io.debezium.time.Date", (text) => Math.floor(parsePgInstant(text).millis / DAY_MS));
    case "time":
      return named(SchemaBuilder.int64, "io.debezium.time.MicroTime", timeMicros);
    case "timestamp":
      return named(SchemaBuilder.int64, "io.debezium.time.MicroTimestamp", micros);
    case "timestamptz":
      return named(SchemaBuilder.string, "io.debezium.time.ZonedTimestamp", zoned);
    case "bytea":
      return { builder: SchemaBuilder.bytes, read: parsePgBytea };
    case "uuid":
      return named(SchemaBuilder.string, "io.debezium.data.Uuid", (text) => text);
    case "json":
    case "jsonb":
      return named(SchemaBuilder.string, "io.debezium.data.Json", (text) => text);
    default:
      return { builder: SchemaBuilder.string, read: (text) => text };
  }
}

let variableScaleSchema: Schema | null = null;
function variableScale(text: string): Struct {
  variableScaleSchema ??= columnType({ typeName: "numeric", precision: null } as PgColumn).builder().build();
  const value = BigDecimal.parse(text);
  return new Struct(variableScaleSchema).put("scale", value.scale).put("value", toTwosComplementBytes(value.unscaled));
}

/** How one table's rows become Debezium's Key and Value structs. */
export interface TableSchemas {
  schema: string;
  table: string;
  topic: string;
  columns: PgColumn[];
  keySchema: Schema | null;
  valueSchema: Schema;
  envelopeSchema: Schema;
  readers: Array<(text: string) => unknown>;
  /** Indexes into `columns` of the key columns (the primary key, else the replica identity). */
  keyIndexes: number[];
}

/** Debezium's `source` block schema for PostgreSQL. */
export const SOURCE_SCHEMA: Schema = SchemaBuilder.struct()
  .name("io.debezium.connector.postgresql.Source")
  .field("version", SchemaBuilder.string().build())
  .field("connector", SchemaBuilder.string().build())
  .field("name", SchemaBuilder.string().build())
  .field("ts_ms", SchemaBuilder.int64().build())
  .field("snapshot", SchemaBuilder.string().optional().name("io.debezium.data.Enum").version(1).parameter("allowed", "true,first,first_in_data_collection,last_in_data_collection,last,false,incremental").defaultValue("false").build())
  .field("db", SchemaBuilder.string().build())
  .field("sequence", SchemaBuilder.string().optional().build())
  .field("ts_us", SchemaBuilder.int64().optional().build())
  .field("ts_ns", SchemaBuilder.int64().optional().build())
  .field("schema", SchemaBuilder.string().build())
  .field("table", SchemaBuilder.string().build())
  .field("txId", SchemaBuilder.int64().optional().build())
  .field("lsn", SchemaBuilder.int64().optional().build())
  .field("xmin", SchemaBuilder.int64().optional().build())
  .build();

/**
 * The schemas Debezium's PostgreSQL connector gives a table: `<prefix>.<schema>.<table>.Key`
 * (its key columns), `.Value` (every column, each optional: a delete's `before` holds only the
 * key unless the table's REPLICA IDENTITY is FULL) and `.Envelope`
 * (`before`, `after`, `source`, `op`, `ts_ms`, `ts_us`, `ts_ns`, `transaction`).
 */
export function tableSchemas(prefix: string, schema: string, table: string, columns: PgColumn[], replicaKey: readonly string[]): TableSchemas {
  const topic = `${prefix}.${schema}.${table}`;
  const types = columns.map(columnType);
  const value = SchemaBuilder.struct().name(`${topic}.Value`);
  columns.forEach((column, i) => value.field(column.name, types[i]!.builder().optional()));
  const valueSchema = value.optional().build();
  const primary = columns.map((column, i) => (column.primaryKeyPosition !== null ? i : -1)).filter((i) => i >= 0);
  const keyIndexes = primary.length > 0 ? primary : columns.map((column, i) => (replicaKey.includes(column.name) ? i : -1)).filter((i) => i >= 0);
  let keySchema: Schema | null = null;
  if (keyIndexes.length > 0) {
    const key = SchemaBuilder.struct().name(`${topic}.Key`);
    for (const i of keyIndexes) key.field(columns[i]!.name, types[i]!.builder());
    keySchema = key.build();
  }
  const transaction = SchemaBuilder.struct().name("event.block").version(1).optional()
    .field("id", SchemaBuilder.string().build())
    .field("total_order", SchemaBuilder.int64().build())
    .field("data_collection_order", SchemaBuilder.int64().build())
    .build();
  const envelopeSchema = SchemaBuilder.struct()
    .name(`${topic}.Envelope`)
    .version(2)
    .field("before", valueSchema)
    .field("after", valueSchema)
    .field("source", SOURCE_SCHEMA)
    .field("op", SchemaBuilder.string().build())
    .field("ts_ms", SchemaBuilder.int64().optional().build())
    .field("ts_us", SchemaBuilder.int64().optional().build())
    .field("ts_ns", SchemaBuilder.int64().optional().build())
    .field("transaction", transaction)
    .build();
  return { schema, table, topic, columns, keySchema, valueSchema, envelopeSchema, readers: types.map((type) => type.read), keyIndexes };
}

/** A row (text values in column order; `undefined` = unchanged TOAST) as the Value struct. Key-only tuples leave other columns null. */
export function rowStruct(schemas: TableSchemas, row: ReadonlyArray<string | null | undefined>): Struct {
  const struct = new Struct(schemas.valueSchema);
  schemas.columns.forEach((column, i) => {
    const text = row[i];
    const field = schemas.valueSchema.fields[i]!;
    if (text === undefined) struct.put(column.name, field.schema.type === "STRING" ? UNAVAILABLE_VALUE : null);
    else if (text !== null) struct.put(column.name, schemas.readers[i]!(text));
  });
  return struct;
}

/** The Key struct of a row, or null when the table has no key. */
export function keyStruct(schemas: TableSchemas, row: ReadonlyArray<string | null | undefined>): Struct | null {
  if (!schemas.keySchema) return null;
  const struct = new Struct(schemas.keySchema);
  for (const i of schemas.keyIndexes) {
    const text = row[i];
    struct.put(schemas.columns[i]!.name, text === null || text === undefined ? null : schemas.readers[i]!(text));
  }
  return struct;
}
