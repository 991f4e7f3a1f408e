import { BigDecimal } from "@/server/plugins/api/data/big-decimal";
import { DataException } from "@/server/plugins/api/data/errors";
import { ConnectDate, Decimal, Time, Timestamp } from "@/server/plugins/api/data/logical-types";
import type { Schema } from "@/server/plugins/api/data/schema";
import { SchemaBuilder } from "@/server/plugins/api/data/schema-builder";
import { Struct } from "@/server/plugins/api/data/struct";
import type { PgColumn } from "@/server/plugins/connectors/postgres-client/pg-catalog";
import { parsePgBytea, parsePgDate, parsePgInstant, parsePgTime } from "@/server/plugins/connectors/postgres-client/pg-text-values";

/** Kafka Connect JDBC's `numeric.mapping`. */
export type NumericMapping = "none" | "precision_only" | "best_fit" | "best_fit_eager_double";

/** The scale Kafka Connect JDBC gives an unconstrained `numeric` column's Decimal. */
export const UNCONSTRAINED_NUMERIC_SCALE = 127;
/** The widest precision an INT64 holds exactly. */
const MAX_INTEGER_PRECISION = 18;

/** A column of a result: its Connect schema and how its PostgreSQL text becomes a Connect value. */
export interface ColumnMapping {
  name: string;
  schema: Schema;
  read: (text: string) => unknown;
}

/** How a result's rows become Connect Structs: the STRUCT schema and one mapping per column. */
export interface RowMapping {
  schema: Schema;
  columns: ColumnMapping[];
}

const asNumber = (text: string) => Number(text);
const asBigint = (text: string) => BigInt(text);

function integerBuilder(precision: number): { builder: SchemaBuilder; read: (text: string) => unknown } {
  if (precision > 9) return { builder: SchemaBuilder.int64(), read: (text) => BigInt(BigDecimal.parse(text).setScale(0).unscaled) };
  const read = (text: string) => Number(text);
  if (precision > 4) return { builder: SchemaBuilder.int32(), read };
  if (precision > 2) return { builder: SchemaBuilder.int16(), read };
  return { builder: SchemaBuilder.int8(), read };
}

/** numeric(p,s) per `numeric.mapping`, as Kafka Connect JDBC maps NUMERIC. */
function numericMapping(column: PgColumn, mapping: NumericMapping): { builder: SchemaBuilder; read: (text: string) => unknown } {
  const precision = column.precision ?? 0;
  const scale = column.scale ?? 0;
  const constrained = column.precision !== null;
  if (constrained && mapping === "precision_only" && scale === 0 && precision <= MAX_INTEGER_PRECISION) return integerBuilder(precision);
  if (constrained && (mapping === "best_fit" || mapping === "best_fit_eager_double") && precision <= MAX_INTEGER_PRECISION) {
    if (scale < 1) return integerBuilder(precision);
    return { builder: SchemaBuilder.float64(), read: asNumber };
  }
  if (mapping === "best_fit_eager_double" && scale > 0) return { builder: SchemaBuilder.float64(), read: asNumber };
  const decimalScale = constrained ? scale : UNCONSTRAINED_NUMERIC_SCALE;
  return {
    builder: Decimal.builder(decimalScale),
    read: (text) => {
      if (text === "NaN" || text.endsWith("Infinity")) throw new DataException(`Column ${column.name} holds ${text}, which Connect's Decimal cannot represent`);
      return BigDecimal.parse(text).setScale(decimalScale);
    },
  };
}

/** The Connect schema builder and reader of one column's type. Types without a Connect counterpart are read as their text. */
function typeMapping(column: PgColumn, mapping: NumericMapping): { builder: SchemaBuilder; read: (text: string) => unknown } {
  switch (column.typeName) {
    case "bool":
      return { builder: SchemaBuilder.bool(), read: (text) => text === "t" };
    case "int2":
      return { builder: SchemaBuilder.int16(), read: asNumber };
    case "int4":
    case "oid":
      return { builder: SchemaBuilder.int32(), read: asNumber };
    case "int8":
      return { builder: SchemaBuilder.int64(), read: asBigint };
    case "float4":
      return { builder: SchemaBuilder.float32(), read: asNumber };
    case "float8":
      return { builder: SchemaBuilder.float64(), read: asNumber };
    case "numeric":
      return numericMapping(column, mapping);
    case "date":
      return { builder: ConnectDate.builder(), read: parsePgDate };
    case "time":
    case "timetz":
      return { builder: Time.builder(), read: parsePgTime };
    case "timestamp":
    case "timestamptz":
      return { builder: Timestamp.builder(), read: (text) => new Date(parsePgInstant(text).millis) };
    case "bytea":
      return { builder: SchemaBuilder.bytes(), read: parsePgBytea };
    default:
      return { builder: SchemaBuilder.string(), read: (text) => text };
  }
}

/** The mapping of one column; nullable columns get optional schemas. */
export function columnMapping(column: PgColumn, mapping: NumericMapping): ColumnMapping {
  const { builder, read } = typeMapping(column, mapping);
  return { name: column.name, schema: (column.nullable ? builder.optional() : builder).build(), read };
}

/** The STRUCT schema (named `name` when given, as Kafka Connect JDBC names it after the table) of these columns. */
export function rowMapping(columns: readonly PgColumn[], mapping: NumericMapping, name: string | null): RowMapping {
  const mapped = columns.map((column) => columnMapping(column, mapping));
  const builder = SchemaBuilder.struct();
  if (name) builder.name(name);
  for (const column of mapped) builder.field(column.name, column.schema);
  return { schema: builder.build(), columns: mapped };
}

/** One row (text values in column order) as a Struct of the mapping's schema. */
export function rowToStruct(mapping: RowMapping, row: ReadonlyArray<string | null>): Struct {
  const struct = new Struct(mapping.schema);
  for (let i = 0; i < mapping.columns.length; i++) {
    const text = row[i];
    const column = mapping.columns[i]!;
    struct.put(column.name, text === null || text === undefined ? null : column.read(text));
  }
  return struct;
}
