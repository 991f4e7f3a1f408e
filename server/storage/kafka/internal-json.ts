/**
 * Kafka Connect's internal converter for its internal topics: the JsonConverter with
 * `schemas.enable=false`, so every key and value is plain compact JSON in UTF-8.
 */

/** A JSON object as read from an internal topic. */
export type JsonObject = { [key: string]: unknown };

/** The bytes of `value` as compact JSON, fields in the order given (Kafka Connect writes a record's fields in schema order). */
export function encodeJson(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value), "utf8");
}

/** The JSON in `bytes`, or undefined when they are not JSON. */
export function decodeJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString("utf8")) as unknown;
  } catch {
    return undefined;
  }
}

/** `value` when it is a JSON object (not an array, not null). */
export function asObject(value: unknown): JsonObject | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

/** `value` when it is a whole number that fits Java's int, the type Kafka Connect gives counts, task ids and generations. */
export function asInt(value: unknown): number | undefined {
  return typeof value === "number" && Number.isInteger(value) && value >= -(2 ** 31) && value < 2 ** 31 ? value : undefined;
}
