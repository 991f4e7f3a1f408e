import { ConfigException } from "@/server/plugins/api/config/config-exception";
import type { Converter, ConverterConfigKey, HeaderConverter } from "@/server/plugins/api/converter";
import { BigDecimal } from "@/server/plugins/api/data/big-decimal";
import { javaDateToString } from "@/server/plugins/api/data/java-calendar";
import { decodeJava, encodeJava, javaCharset, type JavaCharset } from "@/server/plugins/api/data/java-charsets";
import { javaDoubleToString, javaFloatToString } from "@/server/plugins/api/data/java-number-format";
import { Schema } from "@/server/plugins/api/data/schema";
import type { SchemaAndValue } from "@/server/plugins/api/data/schema-and-value";


const CONFIG: readonly ConverterConfigKey[] = [
  { name: "converter.encoding", type: "STRING", default: "UTF-8", importance: "HIGH", documentation: "The name of the Java character set to use for encoding strings as byte arrays." },
  { name: "converter.type", type: "STRING", default: null, importance: "LOW", documentation: "How this converter will be used (key, value or header); set by the worker." },
];

function encodingOf(configs: Readonly<Record<string, string>>, key: string, fallback: JavaCharset): JavaCharset {
  const name = configs[key];
  if (name === undefined) return fallback;
  const encoding = javaCharset(name);
  if (encoding === null) throw ConfigException.invalid(key, name, "Unsupported encoding (supported: UTF-8, UTF-16, UTF-16BE, UTF-16LE, ISO-8859-1, US-ASCII)");
  return encoding;
}

/**
 * A value's text the way Java's `toString()` would print it, for StringConverter: numbers in Java's
 * format for their schema (FLOAT64 5 → `5.0`; schemaless numbers are doubles), lists as `[a, b]`,
 * maps as `{k=v}`, Dates as `Date.toString()` in UTC (`Thu Jan 01 00:00:00 UTC 1970`).
 */
export function javaToString(schema: Schema | null, value: unknown): string {
  if (typeof value === "number") {
    if (schema?.type === "FLOAT32") return javaFloatToString(value);
    if (schema === null || schema.type === "FLOAT64") return javaDoubleToString(value);
    return String(value);
  }
  if (value instanceof BigDecimal) return value.toString();
  if (value instanceof Date) return javaDateToString(value);
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("utf8");
  if (Array.isArray(value)) return `[${value.map((item) => javaToString(schema?.valueSchema ?? null, item)).join(", ")}]`;
  if (value instanceof Map) {
    const entries = [...value].map(([k, v]) => `${javaToString(schema?.keySchema ?? null, k)}=${javaToString(schema?.valueSchema ?? null, v)}`);
    return `{${entries.join(", ")}}`;
  }
  return String(value);
}

/**
 * `org.apache.kafka.connect.storage.StringConverter`: writes the value's text (Java `toString()`
 * form, see javaToString) in `converter.encoding` (UTF-8 default; `serializer.encoding` and
 * `deserializer.encoding` override one direction); reads bytes as an OPTIONAL_STRING. Null stays
 * null both ways. Also a header converter, as in Kafka.
 */
export class StringConverter implements Converter, HeaderConverter {
  static readonly className = "org.apache.kafka.connect.storage.StringConverter";

  private encodeAs: JavaCharset = "UTF-8";
  private decodeAs: JavaCharset = "UTF-8";

  config(): readonly ConverterConfigKey[] {
    return CONFIG;
  }

  configure(configs: Readonly<Record<string, string>>, _isKey = false): void {
    const encoding = encodingOf(configs, "converter.encoding", "UTF-8");
    this.encodeAs = encodingOf(configs, "serializer.encoding", encoding);
    this.decodeAs = encodingOf(configs, "deserializer.encoding", encoding);
  }

  fromConnectData(_topic: string, _headers: unknown, schema: Schema | null, value: unknown): Uint8Array | null {
    if (value === null || value === undefined) return null;
    return encodeJava(javaToString(schema, value), this.encodeAs);
  }

  toConnectData(_topic: string, _headers: unknown, bytes: Uint8Array | null): SchemaAndValue {
    const value = bytes === null ? null : decodeJava(bytes, this.decodeAs);
    return { schema: Schema.OPTIONAL_STRING_SCHEMA, value };
  }

  fromConnectHeader(topic: string, _headerKey: string, schema: Schema | null, value: unknown): Uint8Array | null {
    return this.fromConnectData(topic, null, schema, value);
  }

  toConnectHeader(topic: string, _headerKey: string, bytes: Uint8Array | null): SchemaAndValue {
    return this.toConnectData(topic, null, bytes);
  }
}
