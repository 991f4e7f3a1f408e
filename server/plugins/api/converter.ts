import type { Schema } from "@/server/plugins/api/data/schema";
import type { SchemaAndValue } from "@/server/plugins/api/data/schema-and-value";

/**
 * One configuration key a converter accepts, as plain data (the subset of a ConfigDef key the
 * worker needs to validate `key.converter.*` settings and to list them in the plugin API).
 */
export interface ConverterConfigKey {
  readonly name: string;
  readonly type: "BOOLEAN" | "STRING" | "INT" | "LONG" | "DOUBLE" | "LIST" | "CLASS" | "PASSWORD";
  /** The default value in its typed form, or null when the key has none. */
  readonly default: unknown;
  readonly importance: "HIGH" | "MEDIUM" | "LOW";
  readonly documentation: string;
}

/**
 * Translates between Connect data (schema + value) and the bytes of a Kafka record key or value
 * (Kafka Connect's `Converter`). The worker creates one instance per task and per role (key or
 * value), calls `configure` once before any conversion, then calls the conversions from the task's
 * loop only, never concurrently. A conversion failure throws DataException; the runtime treats it
 * as a KEY_CONVERTER or VALUE_CONVERTER stage error. `headers` is the record's headers, which a
 * converter may read or add to (typed loosely until the runtime's header type settles).
 */
export interface Converter {
  /** `configs` are the `key.converter.*`/`value.converter.*` settings with the prefix removed. */
  configure(configs: Readonly<Record<string, string>>, isKey: boolean): void;
  /** Bytes for Kafka, or null (a null value with a null schema is a tombstone). */
  fromConnectData(topic: string, headers: unknown, schema: Schema | null, value: unknown): Uint8Array | null;
  /** Connect data from Kafka bytes; null bytes give the null SchemaAndValue. */
  toConnectData(topic: string, headers: unknown, bytes: Uint8Array | null): SchemaAndValue;
  /** The config keys this converter understands, for validation and documentation. */
  config?(): readonly ConverterConfigKey[];
  /** Releases resources; called once when the task stops. */
  close?(): void;
}

/**
 * Translates one record header value (Kafka Connect's `HeaderConverter`). Same lifecycle and
 * threading as Converter; errors are HEADER_CONVERTER stage errors.
 */
export interface HeaderConverter {
  /** `configs` are the `header.converter.*` settings with the prefix removed. */
  configure(configs: Readonly<Record<string, string>>): void;
  fromConnectHeader(topic: string, headerKey: string, schema: Schema | null, value: unknown): Uint8Array | null;
  toConnectHeader(topic: string, headerKey: string, bytes: Uint8Array | null): SchemaAndValue;
  config?(): readonly ConverterConfigKey[];
  close?(): void;
}

/**
 * A converter class as a plugin registry sees it: constructible without arguments and named by
 * Kafka's fully qualified class name (`org.apache.kafka.connect.json.JsonConverter`).
 */
export interface ConverterClass<T = Converter> {
  readonly className: string;
  new (): T;
}
