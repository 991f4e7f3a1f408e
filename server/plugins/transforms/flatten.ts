import { ConfigDef, ConfigType, Importance } from "@/server/plugins/api/config-def";
import { BigDecimal } from "@/server/plugins/api/data/big-decimal";
import { DataException } from "@/server/plugins/api/data/errors";
import type { Schema } from "@/server/plugins/api/data/schema";
import { SchemaBuilder } from "@/server/plugins/api/data/schema-builder";
import { Struct } from "@/server/plugins/api/data/struct";
import type { ConnectRecord } from "@/server/plugins/api/records";
import type { Transformation } from "@/server/plugins/api/transformation";
import { KEY_SIDE, type OperatingSide, VALUE_SIDE } from "@/server/plugins/transforms/operating-side";
import { isSchemalessMap, requireMap, requireStruct, type SchemalessMap, typeNameOf } from "@/server/plugins/transforms/requirements";
import { copySchemaBasics, SchemaUpdateCache } from "@/server/plugins/transforms/schema-update-cache";
import { SimpleConfig } from "@/server/plugins/transforms/transform-config";

const PURPOSE = "flattening";

const CONFIG_DEF = new ConfigDef().define({
  name: "delimiter",
  type: ConfigType.STRING,
  default: ".",
  importance: Importance.MEDIUM,
  documentation: "Put between the names of a nested field and its parents to make the flattened field's name.",
});

/** True for the schemaless values Flatten copies as they are: primitives, bytes, dates, decimals and arrays. */
function isLeaf(value: unknown): boolean {
  return ["string", "number", "bigint", "boolean"].includes(typeof value) || value instanceof Uint8Array || value instanceof Date || value instanceof BigDecimal || Array.isArray(value);
}

/**
 * Kafka's Flatten: turns nested Structs (with a schema) or nested maps (without) into one level,
 * naming each field by its path joined with `delimiter` (`a.b.c`). Arrays are kept as they are.
 * A field nested in an optional struct becomes optional, and a struct's default supplies its
 * fields' defaults. A MAP inside a Struct, or a Struct inside a schemaless map, is a
 * DataException. A null key or value passes through unchanged.
 */
abstract class Flatten implements Transformation {
  protected abstract readonly side: OperatingSide;
  private delimiter = ".";
  private readonly schemaUpdateCache = new SchemaUpdateCache();

  config(): ConfigDef {
    return CONFIG_DEF;
  }

  configure(configs: Readonly<Record<string, string>>): void {
    this.delimiter = new SimpleConfig(CONFIG_DEF, configs).string("delimiter")!;
  }

  private name(prefix: string, name: string): string {
    return prefix === "" ? name : prefix + this.delimiter + name;
  }

  apply(record: ConnectRecord): ConnectRecord {
    const value = this.side.value(record);
    if (value === null || value === undefined) return record;
    if (this.side.schema(record) === null) {
      const flat = new Map<string, unknown>();
      this.flattenMap(requireMap(value, PURPOSE), "", flat);
      return this.side.newRecord(record, null, flat);
    }
    const struct = requireStruct(value, PURPOSE);
    const schema = this.schemaUpdateCache.get(struct.schema, (input) => {
      const builder = copySchemaBasics(input, SchemaBuilder.struct());
      this.flattenSchema(input, "", builder, input.optional, input.defaultValue as Struct | null);
      return builder.build();
    });
    const flat = new Struct(schema);
    this.flattenStruct(struct, "", flat);
    return this.side.newRecord(record, schema, flat);
  }

  private flattenMap(map: SchemalessMap, prefix: string, into: Map<string, unknown>): void {
    for (const [key, entry] of map) {
      const name = this.name(prefix, String(key));
      if (entry === null || entry === undefined || isLeaf(entry)) into.set(name, entry ?? null);
      else if (isSchemalessMap(entry)) this.flattenMap(requireMap(entry, PURPOSE), name, into);
      else throw new DataException(`Flatten transformation does not support ${typeNameOf(entry)} for record without schemas (for field ${name}).`);
    }
  }

  private flattenSchema(schema: Schema, prefix: string, builder: SchemaBuilder, optional: boolean, parentDefault: Struct | null): void {
    for (const field of schema.fields) {
      const name = this.name(prefix, field.name);
      const fieldOptional = optional || field.schema.optional;
      const fieldDefault = field.schema.defaultValue ?? (parentDefault === null ? null : parentDefault.get(field));
      switch (field.schema.type) {
        case "STRUCT":
          this.flattenSchema(field.schema, name, builder, fieldOptional, fieldDefault as Struct | null);
          break;
        case "MAP":
          throw new DataException(`Flatten transformation does not support ${field.schema.type} for record with schemas (for field ${name}).`);
        default: {
          const fieldBuilder = copySchemaBasics(field.schema, field.schema.type === "ARRAY" ? SchemaBuilder.array(field.schema.valueSchema!) : SchemaBuilder.type(field.schema.type));
          if (fieldOptional) fieldBuilder.optional();
          if (fieldDefault !== null) fieldBuilder.defaultValue(fieldDefault);
          builder.field(name, fieldBuilder.build());
        }
      }
    }
  }

  private flattenStruct(struct: Struct, prefix: string, into: Struct): void {
    for (const field of struct.schema.fields) {
      const name = this.name(prefix, field.name);
      if (field.schema.type !== "STRUCT") into.put(name, struct.get(field));
      else {
        const nested = struct.get(field) as Struct | null;
        if (nested !== null) this.flattenStruct(nested, name, into);
      }
    }
  }

  close(): void {
    this.schemaUpdateCache.clear();
  }
}

/** `org.apache.kafka.connect.transforms.Flatten$Key`. */
export class FlattenKey extends Flatten {
  static readonly className = "org.apache.kafka.connect.transforms.Flatten$Key";
  static readonly description = "Flattens nested structs or maps in the key into top-level fields named by their path.";
  protected readonly side = KEY_SIDE;
}

/** `org.apache.kafka.connect.transforms.Flatten$Value`. */
export class FlattenValue extends Flatten {
  static readonly className = "org.apache.kafka.connect.transforms.Flatten$Value";
  static readonly description = "Flattens nested structs or maps in the value into top-level fields named by their path.";
  protected readonly side = VALUE_SIDE;
}
