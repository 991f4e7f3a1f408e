import type { Converter, HeaderConverter } from "@/server/plugins/api/converter";
import { DataException } from "@/server/plugins/api/data/errors";
import { describeValue, Schema } from "@/server/plugins/api/data/schema";
import type { SchemaAndValue } from "@/server/plugins/api/data/schema-and-value";

/**
 * `org.apache.kafka.connect.converters.ByteArrayConverter`: passes bytes through unchanged, both
 * ways. Writing with a schema other than BYTES, or a value that is not a Uint8Array, is a
 * DataException; reading gives OPTIONAL_BYTES. No configuration. Also a header converter.
 */
export class ByteArrayConverter implements Converter, HeaderConverter {
  static readonly className = "org.apache.kafka.connect.converters.ByteArrayConverter";

  configure(_configs: Readonly<Record<string, string>>, _isKey = false): void {}

  config(): readonly [] {
    return [];
  }

  fromConnectData(_topic: string, _headers: unknown, schema: Schema | null, value: unknown): Uint8Array | null {
    if (schema !== null && schema.type !== "BYTES") throw new DataException(`Invalid schema type for ByteArrayConverter: ${schema.type}`);
    if (value === null || value === undefined) return null;
    if (!(value instanceof Uint8Array)) throw new DataException(`ByteArrayConverter is not compatible with objects of type ${describeValue(value)}`);
    return value;
  }

  toConnectData(_topic: string, _headers: unknown, bytes: Uint8Array | null): SchemaAndValue {
    return { schema: Schema.OPTIONAL_BYTES_SCHEMA, value: bytes };
  }

  fromConnectHeader(topic: string, _headerKey: string, schema: Schema | null, value: unknown): Uint8Array | null {
    return this.fromConnectData(topic, null, schema, value);
  }

  toConnectHeader(topic: string, _headerKey: string, bytes: Uint8Array | null): SchemaAndValue {
    return this.toConnectData(topic, null, bytes);
  }
}
