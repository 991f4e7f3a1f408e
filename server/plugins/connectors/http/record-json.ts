import { BigDecimal } from "@/server/plugins/api/data/big-decimal";
import { ConnectDate, Time, Timestamp } from "@/server/plugins/api/data/logical-types";
import type { Schema } from "@/server/plugins/api/data/schema";
import { Struct } from "@/server/plugins/api/data/struct";

const DAY_MS = 86_400_000;

/**
 * A Connect value as JSON text, the way the JsonConverter writes a payload with schemas off:
 * Structs and string-keyed maps as objects, bytes as base64, Date as days and Time and Timestamp
 * as milliseconds, decimals and 64-bit integers as exact JSON numbers (never rounded through a
 * double). `schema` (when known) tells logical types apart.
 */
export function toJsonText(value: unknown, schema: Schema | null = null): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof Date) {
    const millis = value.getTime();
    if (schema?.name === ConnectDate.LOGICAL_NAME) return String(Math.floor(millis / DAY_MS));
    if (schema?.name === Time.LOGICAL_NAME || schema?.name === Timestamp.LOGICAL_NAME) return String(millis);
    return JSON.stringify(value.toISOString());
  }
  if (value instanceof BigDecimal) return value.toPlainString();
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : JSON.stringify(String(value));
  if (typeof value === "string" || typeof value === "boolean") return JSON.stringify(value);
  if (value instanceof Uint8Array) return JSON.stringify(Buffer.from(value).toString("base64"));
  if (value instanceof Struct) {
    const fields = value.schema.fields.map((field) => `${JSON.stringify(field.name)}:${toJsonText(value.get(field), field.schema)}`);
    return `{${fields.join(",")}}`;
  }
  if (value instanceof Map) {
    const entries = [...value];
    if (entries.every(([key]) => typeof key === "string")) return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${toJsonText(item, schema?.valueSchema ?? null)}`).join(",")}}`;
    return `[${entries.map(([key, item]) => `[${toJsonText(key, schema?.keySchema ?? null)},${toJsonText(item, schema?.valueSchema ?? null)}]`).join(",")}]`;
  }
  if (Array.isArray(value)) return `[${value.map((item) => toJsonText(item, schema?.valueSchema ?? null)).join(",")}]`;
  if (typeof value === "object") return `{${Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}:${toJsonText(item)}`).join(",")}}`;
  return JSON.stringify(String(value));
}
