import { BigDecimal } from "@/server/plugins/api/data/big-decimal";
import { DataException } from "@/server/plugins/api/data/errors";
import { javaDoubleToString, javaFloatToString } from "@/server/plugins/api/data/java-number-format";
import { ConnectDate, Decimal, Time, Timestamp } from "@/server/plugins/api/data/logical-types";
import { Schema, type SchemaType } from "@/server/plugins/api/data/schema";
import { NULL_SCHEMA_AND_VALUE, type SchemaAndValue } from "@/server/plugins/api/data/schema-and-value";
import { SchemaBuilder } from "@/server/plugins/api/data/schema-builder";
import { Struct } from "@/server/plugins/api/data/struct";
import { javaDigit, javaTrim, ValuesTokenizer } from "@/server/plugins/api/data/values-parser";
import { parseTemporal } from "@/server/plugins/api/data/values-temporal";

const MILLIS_PER_DAY = 86_400_000;
const NUMERIC_RANK: Partial<Record<SchemaType, number>> = { INT8: 0, INT16: 1, INT32: 2, INT64: 3, FLOAT32: 4, FLOAT64: 5 };
const TRUE: SchemaAndValue = Object.freeze({ schema: Schema.BOOLEAN_SCHEMA, value: true });
const FALSE: SchemaAndValue = Object.freeze({ schema: Schema.BOOLEAN_SCHEMA, value: false });

/**
 * Kafka Connect's `Values.parseString`, quirks included: infers a schema and value from text, as
 * SimpleHeaderConverter and the InsertHeader SMT do. `true`/`false` → BOOLEAN; a whole number →
 * the smallest of INT8/INT16/INT32/INT64 that holds it (INT64 as bigint); any other number →
 * FLOAT32 when finite as a float (Kafka prefers FLOAT32, even at a loss of precision), else
 * FLOAT64, else a Decimal (Unicode digits count, `١٢٣` is 123); `yyyy-MM-dd`, `HH:mm:ss.SSS'Z'`,
 * `yyyy-MM-dd'T'HH:mm:ss.SSS'Z'` → Date, Time, Timestamp, parsed as leniently as Java does
 * (values-temporal.ts); `[..]` → ARRAY and `{..}` → MAP (a `Map`) with a common element schema
 * when one exists; anything else (and empty text) → STRING. Only the first value counts: `12:34`
 * and `10:00 meeting` are the INT8 12 and 10, `[1]x` the array [1] (a literal `true`, `false` or
 * `null` must stand alone). Null and `null` → the null SchemaAndValue. Never throws.
 */
export function parseString(text: string | null): SchemaAndValue {
  if (text === null) return NULL_SCHEMA_AND_VALUE;
  if (text === "") return { schema: Schema.STRING_SCHEMA, value: text };
  const tokenizer = new ValuesTokenizer(text);
  const parsed = parse(tokenizer, false);
  return parsed ?? NULL_SCHEMA_AND_VALUE;
}

function parse(tokenizer: ValuesTokenizer, embedded: boolean): SchemaAndValue | null {
  if (!tokenizer.hasNext()) return null;
  if (embedded && tokenizer.canConsume('"')) return parseQuoted(tokenizer);
  if (canParseLiteral(tokenizer, embedded, "null")) return null;
  if (canParseLiteral(tokenizer, embedded, "true")) return TRUE;
  if (canParseLiteral(tokenizer, embedded, "false")) return FALSE;
  const start = tokenizer.mark();
  try {
    if (tokenizer.canConsume("[")) return parseArray(tokenizer);
    if (tokenizer.canConsume("{")) return parseMap(tokenizer);
  } catch (error) {
    if (!(error instanceof DataException)) throw error;
    tokenizer.rewindTo(start);
  }
  const token = tokenizer.next();
  if (javaTrim(token) === "") return { schema: Schema.STRING_SCHEMA, value: token };
  return parseToken(tokenizer, embedded, javaTrim(token));
}

function canParseLiteral(tokenizer: ValuesTokenizer, embedded: boolean, literal: string): boolean {
  const start = tokenizer.mark();
  if (tokenizer.canConsume(literal) && (embedded || !tokenizer.hasNext())) return true;
  tokenizer.rewindTo(start);
  return false;
}

function parseToken(tokenizer: ValuesTokenizer, embedded: boolean, token: string): SchemaAndValue {
  const first = token[0]!;
  const digit = javaDigit(first) >= 0;
  if (digit) {
    const position = tokenizer.mark();
    const rest = tokenizer.nextTokens(4);
    const temporal = rest === null ? null : parseTemporal(token + rest);
    if (temporal !== null) return temporal;
    tokenizer.rewindTo(position);
    const single = parseTemporal(token);
    if (single !== null) return single;
  }
  if (digit || first === "+" || first === "-") {
    const number = parseNumber(token);
    if (number !== null) return number;
  }
  if (embedded) throw new DataException("Failed to parse embedded value");
  return { schema: Schema.STRING_SCHEMA, value: tokenizer.original };
}

function parseQuoted(tokenizer: ValuesTokenizer): SchemaAndValue {
  let content = "";
  while (tokenizer.hasNext()) {
    if (tokenizer.canConsume('"')) break;
    content += tokenizer.next();
  }
  return parseTemporal(content) ?? { schema: Schema.STRING_SCHEMA, value: content };
}

function parseArray(tokenizer: ValuesTokenizer): SchemaAndValue {
  const result: unknown[] = [];
  const merger = new SchemaMerger();
  while (tokenizer.hasNext()) {
    if (tokenizer.canConsume("]")) {
      if (merger.common === null) return { schema: SchemaBuilder.arrayOfNull().build(), value: result };
      const schema = SchemaBuilder.array(merger.common).build();
      return { schema, value: result.map((item) => align(merger.common!, item)) };
    }
    if (tokenizer.canConsume(",")) throw new DataException(`Unable to parse an empty array element: ${tokenizer.original}`);
    const element = parse(tokenizer, true);
    merger.merge(element);
    result.push(untyped(element));
    const position = tokenizer.mark();
    if (tokenizer.canConsume("]")) tokenizer.rewindTo(position);
    else if (!tokenizer.canConsume(",")) throw new DataException("Array elements missing ',' delimiter");
  }
  if (tokenizer.previous() === ",") throw new DataException(`Array is missing element after ',': ${tokenizer.original}`);
  throw new DataException(`Array is missing terminating ']': ${tokenizer.original}`);
}

function parseMap(tokenizer: ValuesTokenizer): SchemaAndValue {
  const result = new Map<unknown, unknown>();
  const keys = new SchemaMerger();
  const values = new SchemaMerger();
  while (tokenizer.hasNext()) {
    if (tokenizer.canConsume("}")) {
      if (keys.common === null) return { schema: SchemaBuilder.mapOfNull().build(), value: result };
      const keySchema = keys.common;
      const valueSchema = values.common;
      const schema = valueSchema === null ? SchemaBuilder.mapWithNullValues(keySchema).build() : SchemaBuilder.map(keySchema, valueSchema).build();
      const aligned = new Map<unknown, unknown>();
      for (const [k, v] of result) aligned.set(align(keySchema, k), valueSchema === null ? v : align(valueSchema, v));
      return { schema, value: aligned };
    }
    if (tokenizer.canConsume(",")) throw new DataException(`Unable to parse a map entry with no key or value: ${tokenizer.original}`);
    const key = parse(tokenizer, true);
    if (key === null || key.value === null) throw new DataException(`Map entry may not have a null key: ${tokenizer.original}`);
    if (!tokenizer.canConsume(":")) throw new DataException(`Map entry is missing ':' at ${tokenizer.position()} in ${tokenizer.original}`);
    const value = parse(tokenizer, true);
    result.set(untyped(key), untyped(value));
    tokenizer.canConsume(",");
    keys.merge(key);
    values.merge(value);
  }
  if (tokenizer.previous() === ",") throw new DataException(`Map is missing element after ',': ${tokenizer.original}`);
  throw new DataException(`Map is missing terminating '}': ${tokenizer.original}`);
}

/**
 * A parsed element as it stays when its array or map has no common schema: Tributary's schemaless
 * form, where an integer of any width is a bigint (Kafka keeps the Byte, Short or Integer) and a
 * float32 the double its text reads as (Kafka keeps the Float, written with its own digits).
 */
function untyped(element: SchemaAndValue | null): unknown {
  if (element === null) return null;
  const type = element.schema?.name === null ? element.schema.type : null;
  if (type === "FLOAT32") return Number(javaFloatToString(element.value as number));
  return type === "INT8" || type === "INT16" || type === "INT32" ? BigInt(element.value as number) : element.value;
}

/** Kafka's SchemaMerger: widens numeric types (INT8 < … < INT64 < FLOAT32 < FLOAT64); anything else must agree. */
class SchemaMerger {
  common: Schema | null = null;
  private compatible = true;

  merge(latest: SchemaAndValue | null): void {
    if (latest === null || latest.schema === null || !this.compatible) return;
    this.common = this.common === null ? latest.schema : mergeSchemas(this.common, latest.schema);
    this.compatible = this.common !== null;
  }
}

function mergeSchemas(previous: Schema, next: Schema): Schema | null {
  if (previous.type !== next.type) {
    const a = NUMERIC_RANK[previous.type];
    const b = NUMERIC_RANK[next.type];
    if (a === undefined || b === undefined) return null;
    return a >= b ? previous : next;
  }
  if (previous.optional === next.optional) return previous.optional ? previous : next;
  return previous.equals(next) ? previous : null;
}

/** Brings a parsed element to the common schema (Kafka's `convertTo` for the widening cases). */
function align(schema: Schema, value: unknown): unknown {
  if (value === null) {
    if (schema.optional) return null;
    throw new DataException("Unable to convert a null value to a schema that requires a value");
  }
  if (schema.name === ConnectDate.LOGICAL_NAME && typeof value === "number") return ConnectDate.toLogical(schema, value);
  if (schema.name === Time.LOGICAL_NAME && typeof value === "number") return Time.toLogical(schema, value);
  if (schema.name === Timestamp.LOGICAL_NAME && (typeof value === "number" || typeof value === "bigint")) return Timestamp.toLogical(schema, value);
  if (typeof value !== "number" && typeof value !== "bigint") return value;
  switch (schema.type) {
    case "INT64":
      return BigInt(value);
    case "FLOAT32":
      return Math.fround(Number(value));
    case "FLOAT64":
    case "INT8":
    case "INT16":
    case "INT32":
      return Number(value);
    default:
      return value;
  }
}

function parseNumber(token: string): SchemaAndValue | null {
  let decimal: BigDecimal;
  try {
    decimal = BigDecimal.parse(token.replace(/\p{Nd}/gu, (c) => (c.length === 1 ? String(javaDigit(c)) : c)));
  } catch {
    return null;
  }
  const adjusted = decimal.precision() - 1 - decimal.scale;
  if (decimal.signum() === 0 || (adjusted >= 0 && adjusted < 19)) {
    const whole = wholeValue(decimal);
    if (whole !== null) {
      if (whole >= -128n && whole <= 127n) return { schema: Schema.INT8_SCHEMA, value: Number(whole) };
      if (whole >= -32768n && whole <= 32767n) return { schema: Schema.INT16_SCHEMA, value: Number(whole) };
      if (whole >= -2147483648n && whole <= 2147483647n) return { schema: Schema.INT32_SCHEMA, value: Number(whole) };
      if (whole >= -(2n ** 63n) && whole < 2n ** 63n) return { schema: Schema.INT64_SCHEMA, value: whole };
    }
  }
  const double = decimal.toNumber();
  if (decimal.scale !== 0 && Number.isFinite(Math.fround(double))) return { schema: Schema.FLOAT32_SCHEMA, value: Math.fround(double) };
  if (decimal.scale !== 0 && Number.isFinite(double)) return { schema: Schema.FLOAT64_SCHEMA, value: double };
  return { schema: Decimal.schema(decimal.scale), value: decimal };
}

function wholeValue(decimal: BigDecimal): bigint | null {
  if (decimal.scale <= 0) return decimal.unscaled * 10n ** BigInt(-decimal.scale);
  const divisor = 10n ** BigInt(decimal.scale);
  return decimal.unscaled % divisor === 0n ? decimal.unscaled / divisor : null;
}

/**
 * Kafka Connect's `Values.convertToString`: the text form SimpleHeaderConverter writes, which
 * `parseString` reads back. Top-level strings are unquoted; inside arrays, maps and structs they are
 * quoted with `\` and `"` escaped. Bytes are base64; numbers print as Java does (`FLOAT64` 5 →
 * `5.0`, FLOAT32 by its float digits); Decimals as `BigDecimal.toString()`; a Date as `HH:mm:ss.SSS'Z'`
 * when under one day, `yyyy-MM-dd` at a UTC midnight, else `yyyy-MM-dd'T'HH:mm:ss.SSS'Z'` (decided by
 * the value, as Kafka does). `schema` picks the number format and may be null. Null → null.
 */
export function convertToString(schema: Schema | null, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return append(value, false, schema);
}

function append(value: unknown, embedded: boolean, schema: Schema | null): string {
  if (value === null || value === undefined) return "null";
  switch (typeof value) {
    case "number":
      if (schema?.type === "FLOAT32") return javaFloatToString(value);
      if (schema === null || schema.type === "FLOAT64") return javaDoubleToString(value);
      return String(value);
    case "bigint":
    case "boolean":
      return String(value);
    case "string":
      return embedded ? `"${value.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"` : value;
    default:
  }
  if (value instanceof Uint8Array) {
    const encoded = Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("base64");
    return embedded ? `"${encoded}"` : encoded;
  }
  if (value instanceof BigDecimal) return value.toString();
  if (value instanceof Date) return formatDate(value);
  if (Array.isArray(value)) return `[${value.map((item) => append(item, true, schema?.valueSchema ?? null)).join(",")}]`;
  if (value instanceof Map) {
    const entries = [...value].map(([k, v]) => `${append(k, true, schema?.keySchema ?? null)}:${append(v, true, schema?.valueSchema ?? null)}`);
    return `{${entries.join(",")}}`;
  }
  if (value instanceof Struct) {
    const fields = value.schema.fields.map((field) => `${append(field.name, true, null)}:${append(value.get(field), true, field.schema)}`);
    return `{${fields.join(",")}}`;
  }
  throw new DataException(`Failed to serialize unexpected value type ${(value as object).constructor?.name ?? typeof value}: ${String(value)}`);
}

function formatDate(value: Date): string {
  const millis = value.getTime();
  const iso = value.toISOString();
  if (millis < MILLIS_PER_DAY) return iso.slice(iso.indexOf("T") + 1);
  const full = `${String(value.getUTCFullYear()).padStart(4, "0")}${iso.slice(iso.indexOf("-", 1))}`;
  return millis % MILLIS_PER_DAY === 0 ? full.slice(0, full.indexOf("T")) : full;
}
