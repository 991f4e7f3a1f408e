import { BigDecimal } from "@/server/plugins/api/data/big-decimal";
import { DataException } from "@/server/plugins/api/data/errors";
import { javaDoubleToString, javaFloatToString } from "@/server/plugins/api/data/java-number-format";
import { ConnectDate, Decimal, Time, Timestamp } from "@/server/plugins/api/data/logical-types";
import type { Schema, SchemaType } from "@/server/plugins/api/data/schema";
import { Struct } from "@/server/plugins/api/data/struct";
import { convertToString } from "@/server/plugins/api/data/values";
import { parseJavaDouble, parseJavaInteger } from "@/server/plugins/transforms/java-number-parsing";
import { typeNameOf } from "@/server/plugins/transforms/requirements";

/** The types Cast can produce. */
export type CastTarget = "INT8" | "INT16" | "INT32" | "INT64" | "FLOAT32" | "FLOAT64" | "BOOLEAN" | "STRING";

/** Cast's targets in Kafka's order, as its messages list them. */
export const CAST_TARGETS: readonly CastTarget[] = ["INT8", "INT16", "INT32", "INT64", "FLOAT32", "FLOAT64", "BOOLEAN", "STRING"];
const CAST_SOURCES: readonly SchemaType[] = [...CAST_TARGETS, "BYTES"];

const INT_BITS = { INT8: 8, INT16: 16, INT32: 32 } as const;
const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** The schema type a schemaless value has, as Kafka's `ConnectSchema.schemaType` infers it (none for a Date or BigDecimal). */
function inferType(value: unknown): SchemaType | null {
  switch (typeof value) {
    case "number":
      return "FLOAT64";
    case "bigint":
      return "INT64";
    case "boolean":
      return "BOOLEAN";
    case "string":
      return "STRING";
    default:
  }
  if (value instanceof Uint8Array) return "BYTES";
  if (Array.isArray(value)) return "ARRAY";
  if (value instanceof Map) return "MAP";
  return value instanceof Struct ? "STRUCT" : null;
}

/** A logical value in its integer (or, for Decimal, BigDecimal) form, for casts to anything but STRING. */
function encodeLogical(schema: Schema | null, value: unknown): unknown {
  if (!(value instanceof Date)) return value;
  switch (schema?.name) {
    case ConnectDate.LOGICAL_NAME:
      return ConnectDate.fromLogical(schema, value);
    case Time.LOGICAL_NAME:
      return Time.fromLogical(schema, value);
    default:
      return BigInt(value.getTime());
  }
}

/** Java's narrowing of a double to int: NaN is 0, the fraction is dropped, the range saturates. */
function doubleToInt32(value: number): number {
  if (Number.isNaN(value)) return 0;
  return Math.min(INT32_MAX, Math.max(INT32_MIN, Math.trunc(value)));
}

/** Java's narrowing of a double to long. */
function doubleToInt64(value: number): bigint {
  if (Number.isNaN(value)) return 0n;
  if (value >= 2 ** 63) return INT64_MAX;
  if (value <= -(2 ** 63)) return INT64_MIN;
  return BigInt(Math.trunc(value));
}

/** The whole-number part of a BigDecimal (Java's `toBigInteger()`). */
function truncate(value: BigDecimal): bigint {
  if (value.scale <= 0) return value.unscaled * 10n ** BigInt(-value.scale);
  return value.unscaled / 10n ** BigInt(value.scale);
}

/** `Number.longValue()` for each JS number representation. */
function toLong(value: number | bigint | BigDecimal): bigint {
  if (typeof value === "bigint") return value;
  if (value instanceof BigDecimal) return BigInt.asIntN(64, truncate(value));
  return doubleToInt64(value);
}

/** `Number.doubleValue()`. */
function toDouble(value: number | bigint | BigDecimal): number {
  return typeof value === "number" ? value : Number(value.toString());
}

function outOfRange(value: string): DataException {
  return new DataException(`Value (${value}) was out of range for requested data type`);
}

function castNumeric(value: number | bigint | BigDecimal, target: Exclude<CastTarget, "STRING">): unknown {
  switch (target) {
    case "INT8":
    case "INT16":
    case "INT32": {
      const int = typeof value === "number" ? BigInt(doubleToInt32(value)) : toLong(value);
      return Number(BigInt.asIntN(INT_BITS[target], int));
    }
    case "INT64":
      return toLong(value);
    case "FLOAT32":
      return Math.fround(toDouble(value));
    case "FLOAT64":
      return toDouble(value);
    default:
      return toLong(value) !== 0n;
  }
}

function castText(text: string, target: Exclude<CastTarget, "STRING">): unknown {
  switch (target) {
    case "INT8":
    case "INT16":
    case "INT32":
    case "INT64": {
      const parsed = parseJavaInteger(text, target);
      if (parsed === null) throw outOfRange(text);
      return target === "INT64" ? parsed : Number(parsed);
    }
    case "FLOAT32":
    case "FLOAT64": {
      const parsed = parseJavaDouble(text);
      if (parsed === null) throw outOfRange(text);
      return target === "FLOAT32" ? Math.fround(parsed) : parsed;
    }
    default:
      return text.toLowerCase() === "true";
  }
}

/** Java's `toString()` of a value, with Kafka's date formats and bytes as base64. */
function castToString(schema: Schema | null, value: unknown): string {
  if (value instanceof Date) return convertToString(null, value)!;
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("base64");
  if (typeof value === "number") {
    if (schema?.type === "FLOAT32") return javaFloatToString(value);
    return schema === null || schema.type === "FLOAT64" ? javaDoubleToString(value) : String(value);
  }
  return String(value);
}

/**
 * One value cast to `target` with Java's conversions, as Kafka's Cast does: numbers narrow as
 * Java's `Number.xxxValue()` (wrapping integers, truncating and saturating floating point), a
 * number is true when its whole part is not 0, text parses as Java's `parseXxx` (a failure is
 * a DataException), and STRING is Java's `toString()` with Kafka's date formats and bytes as
 * base64. Logical values (Date, Time, Timestamp, Decimal) cast through their stored form. Null
 * stays null. `schema` is the value's schema, null for schemaless data, where an integer result
 * is a bigint (Tributary's schemaless integer) and a float32 the double its text reads as (a
 * schemaless number is a double, and Kafka writes a Float with its own digits: `1.1529215E18`).
 * @throws DataException for a source type Cast does not read (array, map, struct) or bytes to a non-string.
 */
export function castValue(schema: Schema | null, value: unknown, target: CastTarget): unknown {
  const cast = castToTarget(schema, value, target);
  if (schema !== null || typeof cast !== "number") return cast;
  if (target === "FLOAT32") return Number(javaFloatToString(cast));
  return target in INT_BITS ? BigInt(cast) : cast;
}

function castToTarget(schema: Schema | null, value: unknown, target: CastTarget): unknown {
  if (value === null || value === undefined) return null;
  const source = schema === null ? inferType(value) : schema.type;
  if (source === null) throw new DataException(`Cast transformation was passed a value of type ${typeNameOf(value)} which is not supported by Connect's data API`);
  if (!CAST_SOURCES.includes(source)) throw new DataException(`Cast transformation does not support casting from ${source}; supported types are [${CAST_SOURCES.join(", ")}]`);
  if (target === "STRING") return castToString(schema, value);
  const encoded = schema?.name === Decimal.LOGICAL_NAME ? value : encodeLogical(schema, value);
  if (typeof encoded === "string") return castText(encoded, target);
  if (typeof encoded === "boolean") return castNumeric(encoded ? 1 : 0, target);
  if (typeof encoded === "number" || typeof encoded === "bigint" || encoded instanceof BigDecimal) return castNumeric(encoded, target);
  throw new DataException(`Unexpected type in Cast transformation: ${typeNameOf(value)} cannot be cast to ${target}`);
}

/** Whether a logical type's name should be dropped when the value is cast (its JS representation changes). */
export function isLogicalTypeName(name: string | null): boolean {
  return name === Decimal.LOGICAL_NAME || name === ConnectDate.LOGICAL_NAME || name === Time.LOGICAL_NAME || name === Timestamp.LOGICAL_NAME;
}
