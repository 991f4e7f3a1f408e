import type { Converter, HeaderConverter } from "@/server/plugins/api/converter";
import { DataException } from "@/server/plugins/api/data/errors";
import { describeValue, Schema } from "@/server/plugins/api/data/schema";
import type { SchemaAndValue } from "@/server/plugins/api/data/schema-and-value";

interface NumberFormat {
  /** Kafka's type name in messages (`long`, `integer`, …) and its deserializer's name. */
  readonly typeName: string;
  readonly deserializer: string;
  readonly size: number;
  readonly schema: Schema;
  /** Writes `value` at offset 0, or returns false when the JS value does not fit. */
  write(view: DataView, value: unknown): boolean;
  read(view: DataView): unknown;
}

/** The value as a number when it is an integer in [min, max]: a number, or a bigint (a schemaless integer). */
function intIn(value: unknown, min: number, max: number): number | null {
  const number = typeof value === "bigint" ? Number(value) : value;
  return typeof number === "number" && Number.isInteger(number) && number >= min && number <= max ? number : null;
}

/**
 * The fixed-width big-endian converters of `org.apache.kafka.connect.converters` (Kafka's
 * `NumberConverter` over its Long/Integer/Short/Float/Double serializers). Null ↔ null; a value
 * whose schema has another type (an INT8 for the IntegerConverter: Kafka's serializer refuses
 * the Java class), a value of the wrong JS type, or bytes of the wrong length, is a
 * DataException. Also header converters.
 */
abstract class NumberConverter implements Converter, HeaderConverter {
  protected abstract readonly format: NumberFormat;

  configure(_configs: Readonly<Record<string, string>>, _isKey = false): void {}

  config(): readonly [] {
    return [];
  }

  fromConnectData(_topic: string, _headers: unknown, schema: Schema | null, value: unknown): Uint8Array | null {
    if (value === null || value === undefined) return null;
    const bytes = Buffer.alloc(this.format.size);
    if ((schema !== null && schema.type !== this.format.schema.type) || !this.format.write(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), value)) {
      throw new DataException(`Failed to serialize to ${this.format.typeName} (was ${describeValue(value)})`);
    }
    return bytes;
  }

  toConnectData(_topic: string, _headers: unknown, bytes: Uint8Array | null): SchemaAndValue {
    if (bytes === null) return { schema: this.format.schema, value: null };
    if (bytes.byteLength !== this.format.size) {
      throw new DataException(`Failed to deserialize ${this.format.typeName}: Size of data received by ${this.format.deserializer} is not ${this.format.size}`);
    }
    return { schema: this.format.schema, value: this.format.read(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)) };
  }

  fromConnectHeader(topic: string, _headerKey: string, schema: Schema | null, value: unknown): Uint8Array | null {
    return this.fromConnectData(topic, null, schema, value);
  }

  toConnectHeader(topic: string, _headerKey: string, bytes: Uint8Array | null): SchemaAndValue {
    return this.toConnectData(topic, null, bytes);
  }
}

/** `org.apache.kafka.connect.converters.LongConverter`: 8 bytes; reads an OPTIONAL_INT64 bigint, writes a bigint or a safe integer. */
export class LongConverter extends NumberConverter {
  static readonly className = "org.apache.kafka.connect.converters.LongConverter";
  protected readonly format: NumberFormat = {
    typeName: "long",
    deserializer: "LongDeserializer",
    size: 8,
    schema: Schema.OPTIONAL_INT64_SCHEMA,
    write: (view, value) => {
      const big = typeof value === "bigint" ? value : Number.isSafeInteger(value) ? BigInt(value as number) : null;
      if (big === null || BigInt.asIntN(64, big) !== big) return false;
      view.setBigInt64(0, big);
      return true;
    },
    read: (view) => view.getBigInt64(0),
  };
}

/** `org.apache.kafka.connect.converters.IntegerConverter`: 4 bytes; OPTIONAL_INT32 number. */
export class IntegerConverter extends NumberConverter {
  static readonly className = "org.apache.kafka.connect.converters.IntegerConverter";
  protected readonly format: NumberFormat = {
    typeName: "integer",
    deserializer: "IntegerDeserializer",
    size: 4,
    schema: Schema.OPTIONAL_INT32_SCHEMA,
    write: (view, value) => {
      const int = intIn(value, -2147483648, 2147483647);
      return int !== null && (view.setInt32(0, int), true);
    },
    read: (view) => view.getInt32(0),
  };
}

/** `org.apache.kafka.connect.converters.ShortConverter`: 2 bytes; OPTIONAL_INT16 number. */
export class ShortConverter extends NumberConverter {
  static readonly className = "org.apache.kafka.connect.converters.ShortConverter";
  protected readonly format: NumberFormat = {
    typeName: "short",
    deserializer: "ShortDeserializer",
    size: 2,
    schema: Schema.OPTIONAL_INT16_SCHEMA,
    write: (view, value) => {
      const int = intIn(value, -32768, 32767);
      return int !== null && (view.setInt16(0, int), true);
    },
    read: (view) => view.getInt16(0),
  };
}

/** `org.apache.kafka.connect.converters.FloatConverter`: 4-byte IEEE 754; OPTIONAL_FLOAT32 number. */
export class FloatConverter extends NumberConverter {
  static readonly className = "org.apache.kafka.connect.converters.FloatConverter";
  protected readonly format: NumberFormat = {
    typeName: "float",
    deserializer: "FloatDeserializer",
    size: 4,
    schema: Schema.OPTIONAL_FLOAT32_SCHEMA,
    write: (view, value) => typeof value === "number" && (view.setFloat32(0, value), true),
    read: (view) => view.getFloat32(0),
  };
}

/** `org.apache.kafka.connect.converters.DoubleConverter`: 8-byte IEEE 754; OPTIONAL_FLOAT64 number. */
export class DoubleConverter extends NumberConverter {
  static readonly className = "org.apache.kafka.connect.converters.DoubleConverter";
  protected readonly format: NumberFormat = {
    typeName: "double",
    deserializer: "DoubleDeserializer",
    size: 8,
    schema: Schema.OPTIONAL_FLOAT64_SCHEMA,
    write: (view, value) => typeof value === "number" && (view.setFloat64(0, value), true),
    read: (view) => view.getFloat64(0),
  };
}

/**
 * `org.apache.kafka.connect.converters.BooleanConverter`: one byte, 1 for true and 0 for false;
 * reads an OPTIONAL_BOOLEAN (any other byte is a DataException). Writing with a non-BOOLEAN schema
 * or a non-boolean value is a DataException.
 */
export class BooleanConverter implements Converter, HeaderConverter {
  static readonly className = "org.apache.kafka.connect.converters.BooleanConverter";

  configure(_configs: Readonly<Record<string, string>>, _isKey = false): void {}

  config(): readonly [] {
    return [];
  }

  fromConnectData(_topic: string, _headers: unknown, schema: Schema | null, value: unknown): Uint8Array | null {
    if (schema !== null && schema.type !== "BOOLEAN") throw new DataException(`Invalid schema type for BooleanConverter: ${schema.type}`);
    if (value === null || value === undefined) return null;
    if (typeof value !== "boolean") throw new DataException(`BooleanConverter is not compatible with objects of type ${describeValue(value)}`);
    return Buffer.from([value ? 1 : 0]);
  }

  toConnectData(_topic: string, _headers: unknown, bytes: Uint8Array | null): SchemaAndValue {
    if (bytes === null) return { schema: Schema.OPTIONAL_BOOLEAN_SCHEMA, value: null };
    if (bytes.byteLength !== 1) throw new DataException("Failed to deserialize boolean: Size of data received by BooleanDeserializer is not 1");
    if (bytes[0] !== 0 && bytes[0] !== 1) throw new DataException(`Failed to deserialize boolean: Unexpected byte received by BooleanDeserializer: ${bytes[0]}`);
    return { schema: Schema.OPTIONAL_BOOLEAN_SCHEMA, value: bytes[0] === 1 };
  }

  fromConnectHeader(topic: string, _headerKey: string, schema: Schema | null, value: unknown): Uint8Array | null {
    return this.fromConnectData(topic, null, schema, value);
  }

  toConnectHeader(topic: string, _headerKey: string, bytes: Uint8Array | null): SchemaAndValue {
    return this.toConnectData(topic, null, bytes);
  }
}
