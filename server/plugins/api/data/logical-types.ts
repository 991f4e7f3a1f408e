import { BigDecimal } from "@/server/plugins/api/data/big-decimal";
import { DataException } from "@/server/plugins/api/data/errors";
import type { Schema } from "@/server/plugins/api/data/schema";
import { SchemaBuilder } from "@/server/plugins/api/data/schema-builder";

const MILLIS_PER_DAY = 86_400_000;
const DATE_NAME = "org.apache.kafka.connect.data.Date";
const TIME_NAME = "org.apache.kafka.connect.data.Time";
const TIMESTAMP_NAME = "org.apache.kafka.connect.data.Timestamp";

/**
 * Big-endian two's-complement bytes of `value` in the fewest bytes that keep the sign, exactly
 * Java's `BigInteger.toByteArray()`: 0 → `00`, 500 → `01 F4`, 128 → `00 80`, -1 → `FF`, -129 → `FF 7F`.
 */
export function toTwosComplementBytes(value: bigint): Uint8Array {
  const magnitude = value < 0n ? -value - 1n : value;
  const bits = magnitude === 0n ? 0 : magnitude.toString(2).length;
  const length = Math.floor(bits / 8) + 1;
  const bytes = new Uint8Array(length);
  let rest = BigInt.asUintN(length * 8, value);
  for (let i = length - 1; i >= 0; i--) {
    bytes[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  return bytes;
}

/** The signed integer in big-endian two's-complement `bytes` (Java's `new BigInteger(bytes)`); empty input is an error. */
export function fromTwosComplementBytes(bytes: Uint8Array): bigint {
  if (bytes.length === 0) throw new DataException("Invalid Decimal bytes: zero length");
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return bytes[0]! >= 0x80 ? value - (1n << BigInt(bytes.length * 8)) : value;
}

function time(value: unknown, type: string): number {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new DataException(`Invalid type for ${type}, expected a valid Date but was ${String(value)}`);
  return value.getTime();
}

function requireName(schema: Schema, name: string, type: string): void {
  if (schema.name !== name) throw new DataException(`Requested conversion of ${type} object but the schema does not match.`);
}

/**
 * `org.apache.kafka.connect.data.Decimal`: BYTES holding the unscaled value (big-endian two's
 * complement), the scale in the schema parameter `scale`. JS value: BigDecimal, whose scale must
 * equal the schema's.
 */
export const Decimal = {
  LOGICAL_NAME: "org.apache.kafka.connect.data.Decimal",
  SCALE_FIELD: "scale",

  /** A builder for a Decimal schema with this scale (version 1), to add optional() or a default. */
  builder(scale: number): SchemaBuilder {
    return SchemaBuilder.bytes().name(Decimal.LOGICAL_NAME).parameter(Decimal.SCALE_FIELD, String(scale)).version(1);
  },

  /** The required Decimal schema with this scale. */
  schema(scale: number): Schema {
    return Decimal.builder(scale).build();
  },

  /** The schema's `scale` parameter; DataException when it is missing or not an integer. */
  scale(schema: Schema): number {
    const text = schema.parameters?.[Decimal.SCALE_FIELD];
    if (text === undefined) throw new DataException("Invalid Decimal schema: scale parameter not found.");
    const scale = Number(text);
    if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(scale)) throw new DataException(`Invalid scale for Decimal schema: ${text}`);
    return scale;
  },

  /** The bytes stored for `value`; its scale must be the schema's. */
  fromLogical(schema: Schema, value: BigDecimal): Uint8Array {
    if (!(value instanceof BigDecimal)) throw new DataException(`Invalid type for Decimal, expected BigDecimal but was ${String(value)}`);
    if (value.scale !== Decimal.scale(schema)) throw new DataException("BigDecimal has mismatching scale value for given Decimal schema");
    return toTwosComplementBytes(value.unscaled);
  },

  /** The BigDecimal that `bytes` stand for at the schema's scale. */
  toLogical(schema: Schema, bytes: Uint8Array): BigDecimal {
    return new BigDecimal(fromTwosComplementBytes(bytes), Decimal.scale(schema));
  },
} as const;

/**
 * `org.apache.kafka.connect.data.Date`: INT32 days since the epoch. JS value: a `Date` at UTC
 * midnight. Named ConnectDate so it does not shadow the global `Date`.
 */
export const ConnectDate = {
  LOGICAL_NAME: DATE_NAME,
  /** A builder for this logical schema (version 1), to add optional() or a default. */
  builder(): SchemaBuilder {
    return SchemaBuilder.int32().name(DATE_NAME).version(1);
  },
  /** The required schema. */
  SCHEMA: SchemaBuilder.int32().name(DATE_NAME).version(1).build(),
  /** Days since the epoch; DataException when the Date is not at UTC midnight. */
  fromLogical(schema: Schema, value: Date): number {
    requireName(schema, ConnectDate.LOGICAL_NAME, "Date");
    const millis = time(value, "Date");
    if (millis % MILLIS_PER_DAY !== 0) throw new DataException("Kafka Connect Date type should not have any time fields set to non-zero values.");
    return millis / MILLIS_PER_DAY;
  },
  toLogical(schema: Schema, days: number): Date {
    requireName(schema, ConnectDate.LOGICAL_NAME, "Date");
    return new globalThis.Date(days * MILLIS_PER_DAY);
  },
} as const;

/** `org.apache.kafka.connect.data.Time`: INT32 milliseconds since midnight. JS value: a `Date` on 1970-01-01 UTC. */
export const Time = {
  LOGICAL_NAME: TIME_NAME,
  /** A builder for this logical schema (version 1), to add optional() or a default. */
  builder(): SchemaBuilder {
    return SchemaBuilder.int32().name(TIME_NAME).version(1);
  },
  /** The required schema. */
  SCHEMA: SchemaBuilder.int32().name(TIME_NAME).version(1).build(),
  /** Milliseconds since midnight; DataException when the Date is not on 1970-01-01 UTC. */
  fromLogical(schema: Schema, value: Date): number {
    requireName(schema, Time.LOGICAL_NAME, "Time");
    const millis = time(value, "Time");
    if (millis < 0 || millis >= MILLIS_PER_DAY) throw new DataException("Kafka Connect Time type should not have any date fields set to non-zero values.");
    return millis;
  },
  toLogical(schema: Schema, millis: number): Date {
    requireName(schema, Time.LOGICAL_NAME, "Time");
    if (millis < 0 || millis >= MILLIS_PER_DAY) throw new DataException("Time values must use number of milliseconds greater than 0 and less than 86400000");
    return new globalThis.Date(millis);
  },
} as const;

/** `org.apache.kafka.connect.data.Timestamp`: INT64 epoch milliseconds. JS value: a `Date`. */
export const Timestamp = {
  LOGICAL_NAME: TIMESTAMP_NAME,
  /** A builder for this logical schema (version 1), to add optional() or a default. */
  builder(): SchemaBuilder {
    return SchemaBuilder.int64().name(TIMESTAMP_NAME).version(1);
  },
  /** The required schema. */
  SCHEMA: SchemaBuilder.int64().name(TIMESTAMP_NAME).version(1).build(),
  /** Epoch milliseconds as the INT64 (bigint) stored. */
  fromLogical(schema: Schema, value: Date): bigint {
    requireName(schema, Timestamp.LOGICAL_NAME, "Timestamp");
    return BigInt(time(value, "Timestamp"));
  },
  toLogical(schema: Schema, millis: bigint | number): Date {
    requireName(schema, Timestamp.LOGICAL_NAME, "Timestamp");
    return new globalThis.Date(Number(millis));
  },
} as const;

/** The logical type names whose JS value is a `Date`. */
export const TEMPORAL_LOGICAL_NAMES: ReadonlySet<string> = new Set([DATE_NAME, TIME_NAME, TIMESTAMP_NAME]);
