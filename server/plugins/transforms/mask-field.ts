import { ConfigDef, ConfigType, Importance, NonEmptyString } from "@/server/plugins/api/config-def";
import { BigDecimal } from "@/server/plugins/api/data/big-decimal";
import { DataException } from "@/server/plugins/api/data/errors";
import { JavaHashMap } from "@/server/plugins/api/data/java-hash-map";
import { Decimal, TEMPORAL_LOGICAL_NAMES } from "@/server/plugins/api/data/logical-types";
import type { Schema } from "@/server/plugins/api/data/schema";
import { Struct } from "@/server/plugins/api/data/struct";
import type { ConnectRecord } from "@/server/plugins/api/records";
import type { Transformation } from "@/server/plugins/api/transformation";
import { type IntegerType, parseJavaDouble, parseJavaInteger } from "@/server/plugins/transforms/java-number-parsing";
import { KEY_SIDE, type OperatingSide, VALUE_SIDE } from "@/server/plugins/transforms/operating-side";
import { defineReplaceNullWithDefault, fieldValue, REPLACE_NULL_WITH_DEFAULT } from "@/server/plugins/transforms/replace-null-with-default";
import { isSchemalessMap, requireMap, requireStruct, typeNameOf } from "@/server/plugins/transforms/requirements";
import { NON_EMPTY_LIST, SimpleConfig } from "@/server/plugins/transforms/transform-config";

const PURPOSE = "mask fields";

const CONFIG_DEF = defineReplaceNullWithDefault(
  new ConfigDef()
    .define({ name: "fields", type: ConfigType.LIST, validator: NON_EMPTY_LIST, importance: Importance.HIGH, documentation: "Names of the fields to mask." })
    .define({
      name: "replacement",
      type: ConfigType.STRING,
      default: null,
      validator: new NonEmptyString(),
      importance: Importance.LOW,
      documentation: "The value masked fields get, converted to each field's type (numbers, strings and decimals only). Unset, a field gets its type's empty value: 0, false, \"\", the epoch, or an empty list or map.",
    }),
);

/**
 * The masking value a schema calls for: its type's empty value, or `replacement` converted to the
 * type (a Decimal keeps the replacement's own scale, as Kafka's does, so a scale other than the
 * schema's fails where the Decimal is written).
 */
function maskForSchema(schema: Schema, replacement: string | null): unknown {
  if (schema.name === Decimal.LOGICAL_NAME) return replacement === null ? new BigDecimal(0n, Decimal.scale(schema)) : parseDecimal(replacement);
  if (schema.name !== null && TEMPORAL_LOGICAL_NAMES.has(schema.name)) {
    if (replacement === null) return new Date(0);
    throw new DataException(`Cannot mask value of type ${schema.name} with custom replacement.`);
  }
  switch (schema.type) {
    case "INT8":
    case "INT16":
    case "INT32":
      return replacement === null ? 0 : Number(parseInteger(replacement, schema.type));
    case "INT64":
      return replacement === null ? 0n : parseInteger(replacement, "INT64");
    case "FLOAT32":
      return replacement === null ? 0 : Math.fround(parseDouble(replacement));
    case "FLOAT64":
      return replacement === null ? 0 : parseDouble(replacement);
    case "STRING":
      return replacement ?? "";
    case "BOOLEAN":
      if (replacement === null) return false;
      break;
    case "ARRAY":
      if (replacement === null) return [];
      break;
    case "MAP":
      if (replacement === null) return new Map();
      break;
    default:
      if (replacement === null) throw new DataException(`Cannot mask value of type: ${schema.type}`);
  }
  throw new DataException(`Cannot mask value of type ${schema.type} with custom replacement.`);
}

/** The masking value for a schemaless value, chosen by its JavaScript type. */
function maskForValue(value: unknown, replacement: string | null): unknown {
  if (typeof value === "string") return replacement ?? "";
  if (typeof value === "number") return replacement === null ? 0 : parseDouble(replacement);
  if (typeof value === "bigint") return replacement === null ? 0n : parseInteger(replacement, "INT64");
  if (value instanceof BigDecimal) return replacement === null ? new BigDecimal(0n, 0) : parseDecimal(replacement);
  if (replacement !== null) throw new DataException(`Cannot mask value of type ${typeNameOf(value)} with custom replacement.`);
  if (typeof value === "boolean") return false;
  if (value instanceof Date) return new Date(0);
  if (Array.isArray(value)) return [];
  if (isSchemalessMap(value)) return new Map();
  throw new DataException(`Cannot mask value of type: ${typeNameOf(value)}`);
}

function parseInteger(replacement: string, type: IntegerType): bigint {
  const parsed = parseJavaInteger(replacement, type);
  if (parsed === null) throw new DataException(`Unable to convert ${replacement} to a number of type ${type}`);
  return parsed;
}

function parseDouble(replacement: string): number {
  const parsed = parseJavaDouble(replacement);
  if (parsed === null) throw new DataException(`Unable to convert ${replacement} to a number`);
  return parsed;
}

function parseDecimal(replacement: string): BigDecimal {
  try {
    return BigDecimal.parse(replacement);
  } catch (error) {
    throw new DataException(`Unable to convert ${replacement} to a decimal number`, { cause: error });
  }
}

/**
 * Kafka's MaskField: replaces the listed fields of a Struct (schema unchanged) or a schemaless
 * map with their type's empty value, or with `replacement` converted to the field's type. A
 * null field stays null. Unlike most SMTs it does not pass a null key or value through: a
 * tombstone is a DataException, as in Kafka.
 */
abstract class MaskField implements Transformation {
  protected abstract readonly side: OperatingSide;
  private fields: ReadonlySet<string> = new Set();
  private replacement: string | null = null;
  private replaceNullWithDefault = true;

  config(): ConfigDef {
    return CONFIG_DEF;
  }

  configure(configs: Readonly<Record<string, string>>): void {
    const config = new SimpleConfig(CONFIG_DEF, configs);
    this.fields = new Set(config.list("fields"));
    this.replacement = config.string("replacement");
    this.replaceNullWithDefault = config.boolean(REPLACE_NULL_WITH_DEFAULT);
  }

  apply(record: ConnectRecord): ConnectRecord {
    const value = this.side.value(record);
    if (this.side.schema(record) === null) {
      const original = requireMap(value, PURPOSE);
      const updated = JavaHashMap.copyOf(original);
      for (const name of this.fields) {
        const entry = original.get(name);
        updated.set(name, entry === null || entry === undefined ? null : maskForValue(entry, this.replacement));
      }
      return this.side.newRecord(record, null, updated.toMap());
    }
    const struct = requireStruct(value, PURPOSE);
    const updated = new Struct(struct.schema);
    for (const field of struct.schema.fields) {
      const original = fieldValue(struct, field, this.replaceNullWithDefault);
      const masked = this.fields.has(field.name) && original !== null ? maskForSchema(field.schema, this.replacement) : original;
      updated.put(field, masked);
    }
    return this.side.newRecord(record, struct.schema, updated);
  }
}

/** `org.apache.kafka.connect.transforms.MaskField$Key`. */
export class MaskFieldKey extends MaskField {
  static readonly className = "org.apache.kafka.connect.transforms.MaskField$Key";
  static readonly description = "Masks fields of the key with an empty value of their type or a replacement.";
  protected readonly side = KEY_SIDE;
}

/** `org.apache.kafka.connect.transforms.MaskField$Value`. */
export class MaskFieldValue extends MaskField {
  static readonly className = "org.apache.kafka.connect.transforms.MaskField$Value";
  static readonly description = "Masks fields of the value with an empty value of their type or a replacement.";
  protected readonly side = VALUE_SIDE;
}
