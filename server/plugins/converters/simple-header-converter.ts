import type { HeaderConverter } from "@/server/plugins/api/converter";
import type { Schema } from "@/server/plugins/api/data/schema";
import { decodeJavaUtf8, encodeJava } from "@/server/plugins/api/data/java-charsets";
import { NULL_SCHEMA_AND_VALUE, type SchemaAndValue } from "@/server/plugins/api/data/schema-and-value";
import { convertToString, parseString } from "@/server/plugins/api/data/values";

/**
 * `org.apache.kafka.connect.storage.SimpleHeaderConverter`, the worker's default header converter:
 * writes `Values.convertToString(schema, value)` as UTF-8 and reads with `Values.parseString`, so a
 * header `42` comes back as INT8 42 and `2024-01-31` as a Date. Null stays null; empty bytes read
 * as the empty STRING. Text goes through Java's UTF-8 rules both ways (java-charsets.ts). No
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
    return text === null ? null : encodeJava(text, "UTF-8");
  }

  toConnectHeader(_topic: string, _headerKey: string, bytes: Uint8Array | null): SchemaAndValue {
    if (bytes === null) return NULL_SCHEMA_AND_VALUE;
    return parseString(decodeJavaUtf8(bytes));
  }
}
