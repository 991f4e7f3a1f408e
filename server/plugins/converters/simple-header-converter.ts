import type { HeaderConverter } from "@/server/plugins/api/converter";
import type { Schema } from "@/server/plugins/api/data/schema";
import { NULL_SCHEMA_AND_VALUE, type SchemaAndValue } from "@/server/plugins/api/data/schema-and-value";
import { convertToString, parseString } from "@/server/plugins/api/data/values";

/**
 * `org.apache.kafka.connect.storage.SimpleHeaderConverter`, the worker's default header converter:
 * writes `Values.convertToString(schema, value)` as UTF-8 and reads with `Values.parseString`, so a
 * header `42` comes back as INT8 42 and `2024-01-31` as a Date. Null stays null; empty bytes read
 * as the empty STRING. Invalid UTF-8 is read with replacement characters, as Java does. No
 * configuration.
 */
export class SimpleHeaderConverter implements HeaderConverter {
  static readonly className = "org.apache.kafka.connect.storage.SimpleHeaderConverter";

  configure(_configs: Readonly<Record<string, string>>): void {}

  config(): readonly [] {
    return [];
  }

  fromConnectHeader(_topic: string, _headerKey: string, schema: Schema | null, value: unknown): Uint8Array | null {
    const text = convertToString(schema, value);
    return text === null ? null : Buffer.from(text, "utf8");
  }

  toConnectHeader(_topic: string, _headerKey: string, bytes: Uint8Array | null): SchemaAndValue {
    if (bytes === null) return NULL_SCHEMA_AND_VALUE;
    return parseString(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8"));
  }
}
