import { ConfigDef, ConfigException, ConfigType, Importance, LambdaValidator } from "@/server/plugins/api/config-def";
import { JavaHashMap } from "@/server/plugins/api/data/java-hash-map";
import type { Schema } from "@/server/plugins/api/data/schema";
import { SchemaBuilder } from "@/server/plugins/api/data/schema-builder";
import { Struct } from "@/server/plugins/api/data/struct";
import type { ConnectRecord } from "@/server/plugins/api/records";
import type { Transformation } from "@/server/plugins/api/transformation";
import { CAST_TARGETS, type CastTarget, castValue, isLogicalTypeName } from "@/server/plugins/transforms/cast-value";
import { KEY_SIDE, type OperatingSide, VALUE_SIDE } from "@/server/plugins/transforms/operating-side";
import { defineReplaceNullWithDefault, fieldValue, REPLACE_NULL_WITH_DEFAULT } from "@/server/plugins/transforms/replace-null-with-default";
import { requireMap, requireStruct } from "@/server/plugins/transforms/requirements";
import { copySchemaBasics, SchemaUpdateCache } from "@/server/plugins/transforms/schema-update-cache";
import { SimpleConfig } from "@/server/plugins/transforms/transform-config";

const PURPOSE = "cast types";
const SCHEMA_TYPES = ["INT8", "INT16", "INT32", "INT64", "FLOAT32", "FLOAT64", "BOOLEAN", "STRING", "BYTES", "ARRAY", "MAP", "STRUCT"];

/** What `spec` asks for: a cast per field, or (field null) one cast of the whole key or value. */
interface CastSpec {
  readonly whole: CastTarget | null;
  readonly fields: ReadonlyMap<string, CastTarget>;
}

function castTarget(spec: readonly string[], text: string): CastTarget {
  const type = text.trim().toUpperCase();
  if (!SCHEMA_TYPES.includes(type)) throw ConfigException.invalid("spec", spec, `Invalid type found in casting spec: ${text.trim()}`);
  if (!(CAST_TARGETS as readonly string[]).includes(type)) {
    throw ConfigException.invalid("spec", spec, `Cast transformation does not support casting to ${type}; supported types are [${CAST_TARGETS.join(", ")}]`);
  }
  return type as CastTarget;
}

/** Parses `field:type,…` or a single `type`. @throws ConfigException in Kafka's words. */
function parseSpec(spec: readonly string[]): CastSpec {
  if (spec.length === 0) throw ConfigException.invalid("spec", spec, "Must specify at least one field to cast.");
  const fields = new Map<string, CastTarget>();
  let whole: CastTarget | null = null;
  for (const mapping of spec) {
    const parts = mapping.split(":");
    while (parts.length > 1 && parts.at(-1) === "") parts.pop();
    if (parts.length > 2) throw ConfigException.invalid("spec", spec, `Invalid cast mapping: ${mapping}`);
    if (parts.length === 1) whole = castTarget(spec, parts[0]!);
    else fields.set(parts[0]!.trim(), castTarget(spec, parts[1]!));
  }
  if (whole !== null && spec.length > 1) {
    throw ConfigException.invalid("spec", spec, "Cast transformations that specify a type to cast the entire value to may only specify a single cast in their spec");
  }
  return { whole, fields };
}

const CONFIG_DEF = defineReplaceNullWithDefault(
  new ConfigDef().define({
    name: "spec",
    type: ConfigType.LIST,
    validator: LambdaValidator.with(
      (_name, value) => void parseSpec((value as string[] | null) ?? []),
      () => "list of colon-delimited pairs, e.g. foo:bar,abc:xyz",
    ),
    importance: Importance.HIGH,
    documentation:
      "Fields of a Struct or map and the types to cast them to, as field1:type,field2:type; or a single type to cast the whole key or value. Types: int8, int16, int32, int64, float32, float64, boolean, string.",
  }),
);

/**
 * Kafka's Cast: casts the whole key or value, or listed top-level fields of a Struct or
 * schemaless map, to a primitive type (see `castValue` for the conversions); the schema follows.
 * A whole-value cast keeps the schema's name, version and doc unless the name is a logical
 * type's. A null key or value passes through unchanged.
 */
abstract class Cast implements Transformation {
  protected abstract readonly side: OperatingSide;
  private spec: CastSpec = { whole: null, fields: new Map() };
  private replaceNullWithDefault = true;
  private readonly schemaUpdateCache = new SchemaUpdateCache();

  config(): ConfigDef {
    return CONFIG_DEF;
  }

  configure(configs: Readonly<Record<string, string>>): void {
    const config = new SimpleConfig(CONFIG_DEF, configs);
    this.spec = parseSpec(config.list("spec"));
    this.replaceNullWithDefault = config.boolean(REPLACE_NULL_WITH_DEFAULT);
  }

  apply(record: ConnectRecord): ConnectRecord {
    const value = this.side.value(record);
    if (value === null || value === undefined) return record;
    const schema = this.side.schema(record);
    const { whole, fields } = this.spec;
    if (schema === null) {
      if (whole !== null) return this.side.newRecord(record, null, castValue(null, value, whole));
      const original = requireMap(value, PURPOSE);
      const updated = JavaHashMap.copyOf(original);
      for (const [field, target] of fields) updated.set(field, castValue(null, original.get(field) ?? null, target));
      return this.side.newRecord(record, null, updated.toMap());
    }
    if (whole !== null) return this.side.newRecord(record, this.schemaUpdateCache.get(schema, (input) => this.updatedSchema(input)), castValue(schema, value, whole));
    const struct = requireStruct(value, PURPOSE);
    const updatedSchema = this.schemaUpdateCache.get(schema, (input) => this.updatedSchema(input));
    const updated = new Struct(updatedSchema);
    for (const field of struct.schema.fields) {
      const original = fieldValue(struct, field, this.replaceNullWithDefault);
      const target = fields.get(field.name);
      updated.put(field.name, target === undefined ? original : castValue(field.schema, original, target));
    }
    return this.side.newRecord(record, updatedSchema, updated);
  }

  private updatedSchema(input: Schema): Schema {
    const { whole, fields } = this.spec;
    if (whole !== null) {
      const builder = isLogicalTypeName(input.name) ? SchemaBuilder.type(whole) : copySchemaBasics(input, SchemaBuilder.type(whole));
      if (input.optional) builder.optional();
      if (input.defaultValue !== null) builder.defaultValue(castValue(input, input.defaultValue, whole));
      return builder.build();
    }
    const builder = copySchemaBasics(input, SchemaBuilder.struct());
    for (const field of input.fields) {
      const target = fields.get(field.name);
      if (target === undefined) {
        builder.field(field.name, field.schema);
        continue;
      }
      const fieldBuilder = SchemaBuilder.type(target);
      if (field.schema.optional) fieldBuilder.optional();
      if (field.schema.defaultValue !== null) fieldBuilder.defaultValue(castValue(field.schema, field.schema.defaultValue, target));
      builder.field(field.name, fieldBuilder.build());
    }
    if (input.optional) builder.optional();
    return builder.build();
  }

  close(): void {
    this.schemaUpdateCache.clear();
  }
}

/** `org.apache.kafka.connect.transforms.Cast$Key`. */
export class CastKey extends Cast {
  static readonly className = "org.apache.kafka.connect.transforms.Cast$Key";
  static readonly description = "Casts the key, or fields of it, to another primitive type.";
  protected readonly side = KEY_SIDE;
}

/** `org.apache.kafka.connect.transforms.Cast$Value`. */
export class CastValue extends Cast {
  static readonly className = "org.apache.kafka.connect.transforms.Cast$Value";
  static readonly description = "Casts the value, or fields of it, to another primitive type.";
  protected readonly side = VALUE_SIDE;
}
