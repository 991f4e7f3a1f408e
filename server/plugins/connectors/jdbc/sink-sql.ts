import { BigDecimal } from "@/server/plugins/api/data/big-decimal";
import { ConnectDate, Decimal, Time, Timestamp } from "@/server/plugins/api/data/logical-types";
import type { Schema } from "@/server/plugins/api/data/schema";
import { Struct } from "@/server/plugins/api/data/struct";
import { quoteIdentifier } from "@/server/plugins/connectors/postgres-client/postgres-session";

/** The column type `auto.create` and `auto.evolve` give a Connect schema (Kafka Connect JDBC's PostgreSQL types; nested data as JSONB). */
export function sqlTypeFor(schema: Schema): string {
  switch (schema.name) {
    case Decimal.LOGICAL_NAME:
      return "DECIMAL";
    case ConnectDate.LOGICAL_NAME:
      return "DATE";
    case Time.LOGICAL_NAME:
      return "TIME";
    case Timestamp.LOGICAL_NAME:
      return "TIMESTAMP";
  }
  switch (schema.type) {
    case "INT8":
    case "INT16":
      return "SMALLINT";
    case "INT32":
      return "INT";
    case "INT64":
      return "BIGINT";
    case "FLOAT32":
      return "REAL";
    case "FLOAT64":
      return "DOUBLE PRECISION";
    case "BOOLEAN":
      return "BOOLEAN";
    case "STRING":
      return "TEXT";
    case "BYTES":
      return "BYTEA";
    default:
      return "JSONB";
  }
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function jsonValue(value: unknown): unknown {
  if (value instanceof Struct) return Object.fromEntries(value.schema.fields.map((field) => [field.name, jsonValue(value.getWithoutDefault(field.name))]));
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), jsonValue(v)]));
  if (Array.isArray(value)) return value.map(jsonValue);
  if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value instanceof BigDecimal) return value.toPlainString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  if (value instanceof Date) return value.toISOString();
  return value;
}

/**
 * A Connect value as the parameter PostgreSQL reads for its column: text for numbers, decimals,
 * dates and times (UTC), bytes as a Buffer, nested data as JSON text, null as null.
 */
export function sqlParam(value: unknown, schema: Schema): string | Buffer | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    if (schema.name === ConnectDate.LOGICAL_NAME) return value.toISOString().slice(0, 10);
    if (schema.name === Time.LOGICAL_NAME) return `${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}.${pad(value.getUTCMilliseconds(), 3)}`;
    return value.toISOString();
  }
  if (value instanceof BigDecimal) return value.toPlainString();
  if (value instanceof Uint8Array) return Buffer.isBuffer(value) ? value : Buffer.from(value);
  if (typeof value === "object") return JSON.stringify(jsonValue(value));
  return String(value);
}

/**
 * A column of a write statement: its name and the SQL type of its array parameter, without type
 * modifiers, so that storing into the column applies PostgreSQL's assignment checks (a string too
 * long for `varchar(8)` fails instead of being cut, as an explicit cast would do).
 */
export interface StatementColumn {
  name: string;
  sqlType: string;
}

const list = (columns: readonly StatementColumn[]) => columns.map((column) => quoteIdentifier(column.name)).join(", ");
const arrays = (columns: readonly StatementColumn[], from = 1) => columns.map((column, i) => `$${i + from}::${column.sqlType}[]`).join(", ");

/**
 * The statement writing many rows at once, one array parameter per column
 * (`unnest($1::int[], $2::text[])`): `insert`, `upsert` (INSERT … ON CONFLICT (keys) DO UPDATE)
 * or `update` (UPDATE … FROM the arrays, matched on the keys).
 */
export function writeStatement(mode: "insert" | "upsert" | "update", table: string, columns: readonly StatementColumn[], keys: readonly string[]): string {
  const others = columns.filter((column) => !keys.includes(column.name));
  if (mode === "update") {
    const set = others.map((column) => `${quoteIdentifier(column.name)} = v.${quoteIdentifier(column.name)}`).join(", ");
    const match = keys.map((key) => `t.${quoteIdentifier(key)} = v.${quoteIdentifier(key)}`).join(" AND ");
    return `UPDATE ${table} AS t SET ${set} FROM unnest(${arrays(columns)}) AS v(${list(columns)}) WHERE ${match}`;
  }
  const insert = `INSERT INTO ${table} (${list(columns)}) SELECT * FROM unnest(${arrays(columns)})`;
  if (mode === "insert") return insert;
  const conflict = `ON CONFLICT (${keys.map(quoteIdentifier).join(", ")})`;
  if (others.length === 0) return `${insert} ${conflict} DO NOTHING`;
  return `${insert} ${conflict} DO UPDATE SET ${others.map((column) => `${quoteIdentifier(column.name)} = EXCLUDED.${quoteIdentifier(column.name)}`).join(", ")}`;
}

/** DELETE of the rows whose keys are in the array parameters. */
export function deleteStatement(table: string, keys: readonly StatementColumn[]): string {
  return `DELETE FROM ${table} WHERE (${list(keys)}) IN (SELECT * FROM unnest(${arrays(keys)}))`;
}
