import { ConfigDef, ConfigException, ConfigType, Importance, ValidString } from "@/server/plugins/api/config-def";
import { DataException } from "@/server/plugins/api/data/errors";
import { JavaHashMap } from "@/server/plugins/api/data/java-hash-map";
import { ConnectDate, Time, Timestamp } from "@/server/plugins/api/data/logical-types";
import { Schema } from "@/server/plugins/api/data/schema";
import { SchemaBuilder } from "@/server/plugins/api/data/schema-builder";
import { Struct } from "@/server/plugins/api/data/struct";
import type { ConnectRecord } from "@/server/plugins/api/records";
import type { Transformation } from "@/server/plugins/api/transformation";
import { KEY_SIDE, type OperatingSide, VALUE_SIDE } from "@/server/plugins/transforms/operating-side";
import { defineReplaceNullWithDefault, fieldValue, REPLACE_NULL_WITH_DEFAULT } from "@/server/plugins/transforms/replace-null-with-default";
import { requireMap, requireStructOrNull, typeNameOf } from "@/server/plugins/transforms/requirements";
import { copySchemaBasics, SchemaUpdateCache } from "@/server/plugins/transforms/schema-update-cache";
import { SimpleDateFormat } from "@/server/plugins/transforms/simple-date-format";
import { SimpleConfig } from "@/server/plugins/transforms/transform-config";

const PURPOSE = "converting timestamp formats";
const MILLIS_PER_DAY = 86_400_000;
const TYPES = ["string", "unix", "Date", "Time", "Timestamp"] as const;
const PRECISIONS = ["nanoseconds", "microseconds", "milliseconds", "seconds"] as const;
/** The representations a timestamp can take (`target.type`'s values). */
type TimestampType = (typeof TYPES)[number];
type UnixPrecision = (typeof PRECISIONS)[number];
/** How each `unix.precision` unit relates to a millisecond: units per millisecond (finer units) and milliseconds per unit (seconds). */
const UNIX_SCALE: Readonly<Record<UnixPrecision, { readonly perMilli: bigint; readonly millisPer: bigint }>> = {
  nanoseconds: { perMilli: 1_000_000n, millisPer: 1n },
  microseconds: { perMilli: 1_000n, millisPer: 1n },
  milliseconds: { perMilli: 1n, millisPer: 1n },
  seconds: { perMilli: 1n, millisPer: 1_000n },
};

const CONFIG_DEF = defineReplaceNullWithDefault(
  new ConfigDef()
    .define({ name: "field", type: ConfigType.STRING, default: "", importance: Importance.HIGH, documentation: "The field holding the timestamp; empty converts the whole key or value." })
    .define({
      name: "target.type",
      type: ConfigType.STRING,
      validator: ValidString.in(...TYPES),
      importance: Importance.HIGH,
      documentation: "The representation to convert to: string, unix, Date, Time or Timestamp.",
    })
    .define({
      name: "format",
      type: ConfigType.STRING,
      default: "",
      importance: Importance.MEDIUM,
      documentation: "A java.text.SimpleDateFormat pattern (read in UTC), used to parse string timestamps and to write them when target.type=string, where it is required.",
    })
    .define({
      name: "unix.precision",
      type: ConfigType.STRING,
      default: "milliseconds",
      validator: ValidString.in(...PRECISIONS),
      importance: Importance.LOW,
      documentation: "The unit of unix timestamps, read and written: seconds, milliseconds, microseconds or nanoseconds. Conversions to a coarser unit drop the remainder.",
    }),
);

function typeSchema(type: TimestampType, optional: boolean): Schema {
  switch (type) {
    case "string":
      return optional ? Schema.OPTIONAL_STRING_SCHEMA : Schema.STRING_SCHEMA;
    case "unix":
      return optional ? Schema.OPTIONAL_INT64_SCHEMA : Schema.INT64_SCHEMA;
    case "Date":
      return optional ? ConnectDate.builder().optional().build() : ConnectDate.SCHEMA;
    case "Time":
      return optional ? Time.builder().optional().build() : Time.SCHEMA;
    default:
      return optional ? Timestamp.builder().optional().build() : Timestamp.SCHEMA;
  }
}

function typeFromSchema(schema: Schema): TimestampType {
  if (schema.name === Timestamp.LOGICAL_NAME) return "Timestamp";
  if (schema.name === ConnectDate.LOGICAL_NAME) return "Date";
  if (schema.name === Time.LOGICAL_NAME) return "Time";
  if (schema.type === "STRING") return "string";
  if (schema.type === "INT64") return "unix";
  throw new DataException(`Schema ${schema.toString()} does not correspond to a known timestamp type format`);
}

function typeFromValue(value: unknown): TimestampType {
  if (value instanceof Date) return "Timestamp";
  if (typeof value === "bigint" || (typeof value === "number" && Number.isInteger(value))) return "unix";
  if (typeof value === "string") return "string";
  throw new DataException(`TimestampConverter does not support ${typeNameOf(value)} objects as timestamps`);
}

/**
 * Kafka's TimestampConverter: converts a timestamp between a formatted string, a unix number
 * (`unix.precision`), and the Date, Time and Timestamp logical types, for the whole key or value
 * or for one top-level field (`field`). All in UTC: `Date` keeps the day (the time of day
 * dropped), `Time` keeps the time of day on 1970-01-01. The source type comes from the schema,
 * or from the value when there is none. Nulls stay null.
 */
abstract class TimestampConverter implements Transformation {
  protected abstract readonly side: OperatingSide;
  private field = "";
  private target: TimestampType = "Timestamp";
  private format: SimpleDateFormat | null = null;
  private precision: UnixPrecision = "milliseconds";
  private replaceNullWithDefault = true;
  private readonly schemaUpdateCache = new SchemaUpdateCache();

  config(): ConfigDef {
    return CONFIG_DEF;
  }

  configure(configs: Readonly<Record<string, string>>): void {
    const config = new SimpleConfig(CONFIG_DEF, configs);
    this.field = config.string("field")!;
    this.target = config.string("target.type") as TimestampType;
    this.precision = config.string("unix.precision") as UnixPrecision;
    this.replaceNullWithDefault = config.boolean(REPLACE_NULL_WITH_DEFAULT);
    const pattern = config.string("format")!;
    if (this.target === "string" && pattern === "") throw ConfigException.invalid("format", pattern, "TimestampConverter requires format option to be specified when using string timestamps");
    try {
      this.format = pattern === "" ? null : SimpleDateFormat.compile(pattern);
    } catch (error) {
      throw ConfigException.invalid("format", pattern, `TimestampConverter requires a SimpleDateFormat-compatible pattern for string timestamps: ${(error as Error).message}`);
    }
  }

  apply(record: ConnectRecord): ConnectRecord {
    const schema = this.side.schema(record);
    const value = this.side.value(record);
    if (schema === null) {
      if (value === null || value === undefined || this.field === "") return this.side.newRecord(record, null, this.convert(value, null));
      const updated = JavaHashMap.copyOf(requireMap(value, PURPOSE));
      updated.set(this.field, this.convert(updated.get(this.field), null));
      return this.side.newRecord(record, null, updated.toMap());
    }
    if (this.field === "") return this.side.newRecord(record, typeSchema(this.target, schema.optional), this.convert(value, typeFromSchema(schema)));
    const struct = requireStructOrNull(value, PURPOSE);
    const updatedSchema = this.schemaUpdateCache.get(schema, (input) => this.updatedSchema(input));
    if (struct === null) return this.side.newRecord(record, updatedSchema, null);
    const updated = new Struct(updatedSchema);
    for (const field of struct.schema.fields) {
      const original = fieldValue(struct, field, this.replaceNullWithDefault);
      updated.put(field.name, field.name === this.field ? this.convert(original, typeFromSchema(field.schema)) : original);
    }
    return this.side.newRecord(record, updatedSchema, updated);
  }

  private updatedSchema(input: Schema): Schema {
    const builder = copySchemaBasics(input, SchemaBuilder.struct());
    for (const field of input.fields) builder.field(field.name, field.name === this.field ? typeSchema(this.target, field.schema.optional) : field.schema);
    if (input.optional) builder.optional();
    return builder.build();
  }

  /** `value` (of `source` type, inferred from the value when null) as the target type; null stays null. */
  private convert(value: unknown, source: TimestampType | null): unknown {
    if (value === null || value === undefined) return null;
    return this.fromInstant(this.toInstant(value, source ?? typeFromValue(value)));
  }

  private toInstant(value: unknown, source: TimestampType): Date {
    if (source === "string") {
      if (typeof value !== "string") throw new DataException(`Expected string timestamp to be a String, but found ${typeNameOf(value)}`);
      if (this.format === null) throw new DataException("TimestampConverter needs the format option to read string timestamps");
      const parsed = this.format.parse(value);
      if (parsed === null) throw new DataException(`Could not parse timestamp: value (${value}) does not match pattern (${this.format.pattern})`);
      return parsed;
    }
    if (source === "unix") {
      if (typeof value !== "bigint" && !(typeof value === "number" && Number.isInteger(value))) {
        throw new DataException(`Expected Unix timestamp to be a Long, but found ${typeNameOf(value)}`);
      }
      const { perMilli, millisPer } = UNIX_SCALE[this.precision];
      return new Date(Number((BigInt(value) * millisPer) / perMilli));
    }
    if (!(value instanceof Date)) throw new DataException(`Expected ${source} to be a Date, but found ${typeNameOf(value)}`);
    return value;
  }

  private fromInstant(instant: Date): unknown {
    const millis = instant.getTime();
    switch (this.target) {
      case "string":
        return this.format!.format(instant);
      case "unix": {
        const { perMilli, millisPer } = UNIX_SCALE[this.precision];
        return (BigInt(millis) * perMilli) / millisPer;
      }
      case "Date":
        return new Date(Math.floor(millis / MILLIS_PER_DAY) * MILLIS_PER_DAY);
      case "Time":
        return new Date(((millis % MILLIS_PER_DAY) + MILLIS_PER_DAY) % MILLIS_PER_DAY);
      default:
        return instant;
    }
  }

  close(): void {
    this.schemaUpdateCache.clear();
  }
}

/** `org.apache.kafka.connect.transforms.TimestampConverter$Key`. */
export class TimestampConverterKey extends TimestampConverter {
  static readonly className = "org.apache.kafka.connect.transforms.TimestampConverter$Key";
  static readonly description = "Converts a timestamp in the key between string, unix, Date, Time and Timestamp forms.";
  protected readonly side = KEY_SIDE;
}

/** `org.apache.kafka.connect.transforms.TimestampConverter$Value`. */
export class TimestampConverterValue extends TimestampConverter {
  static readonly className = "org.apache.kafka.connect.transforms.TimestampConverter$Value";
  static readonly description = "Converts a timestamp in the value between string, unix, Date, Time and Timestamp forms.";
  protected readonly side = VALUE_SIDE;
}
