/**
 * Builders for vectors: connector configs naming Kafka's converter classes, and source, sink and
 * file vectors with defaults filled in. Shared by every vector module.
 */
import type { ConnectorConfig, HeaderSpec, RecordSpec, SchemaSpec, TypedValue, Vector } from "../vector";

/** Kafka's converter class names. */
export const C = {
  json: "org.apache.kafka.connect.json.JsonConverter",
  string: "org.apache.kafka.connect.storage.StringConverter",
  bytes: "org.apache.kafka.connect.converters.ByteArrayConverter",
  long: "org.apache.kafka.connect.converters.LongConverter",
  integer: "org.apache.kafka.connect.converters.IntegerConverter",
  short: "org.apache.kafka.connect.converters.ShortConverter",
  float: "org.apache.kafka.connect.converters.FloatConverter",
  double: "org.apache.kafka.connect.converters.DoubleConverter",
  boolean: "org.apache.kafka.connect.converters.BooleanConverter",
  simpleHeader: "org.apache.kafka.connect.storage.SimpleHeaderConverter",
} as const;

/** The short name of a class (`JsonConverter`, `Cast$Value`), as vectors list what they cover. */
export const short = (className: string) => className.slice(className.lastIndexOf(".") + 1);

/** A connector config: converters (JSON with schemas for key and value, SimpleHeaderConverter by default) plus `extra`. */
export function config(extra: ConnectorConfig = {}): ConnectorConfig {
  return { "key.converter": C.json, "value.converter": C.json, "header.converter": C.simpleHeader, ...extra };
}

/** The converter classes a config uses, as covered names. */
export function convertersOf(config: ConnectorConfig): string[] {
  return [config["key.converter"], config["value.converter"], config["header.converter"]].filter((name): name is string => !!name).map(short);
}

/** A source record with defaults: topic `orders`, no partition, timestamp 1700000000123, no key, no headers. */
export function record(fields: Partial<RecordSpec> = {}): RecordSpec {
  return { topic: "orders", partition: null, timestamp: "1700000000123", keySchema: null, key: null, valueSchema: null, value: null, headers: [], ...fields };
}

/** A header for a record. */
export const header = (key: string, schema: SchemaSpec | null, value: TypedValue): HeaderSpec => ({ key, schema, value });

/** A source vector. */
export function sourceVector(id: string, covers: string[], connector: ConnectorConfig, spec: RecordSpec): Vector {
  return { id, kind: "source", covers, config: connector, record: spec };
}

/** A sink vector reading these bytes (text is UTF-8 encoded; Uint8Array as is; null stays null). */
export function sinkVector(id: string, covers: string[], connector: ConnectorConfig, value: string | Uint8Array | null, extra: { key?: string | Uint8Array | null; headers?: [string, string | Uint8Array | null][]; topic?: string } = {}): Vector {
  const encode = (data: string | Uint8Array | null | undefined) => (data === null || data === undefined ? null : Buffer.from(data).toString("base64"));
  return {
    id,
    kind: "sink",
    covers,
    config: connector,
    message: {
      topic: extra.topic ?? "orders",
      partition: 3,
      offset: "42",
      timestamp: "1700000000123",
      key: encode(extra.key),
      value: encode(value),
      headers: (extra.headers ?? []).map(([key, data]): [string, string | null] => [key, encode(data)]),
    },
  };
}
