import { ConfigDef, ConfigException, ConfigType, Importance, LambdaValidator } from "@/server/plugins/api/config-def";
import { JavaHashMap } from "@/server/plugins/api/data/java-hash-map";
import type { Schema } from "@/server/plugins/api/data/schema";
import { SchemaBuilder } from "@/server/plugins/api/data/schema-builder";
import { Struct } from "@/server/plugins/api/data/struct";
import type { ConnectRecord } from "@/server/plugins/api/records";
import type { Transformation } from "@/server/plugins/api/transformation";
import { KEY_SIDE, type OperatingSide, VALUE_SIDE } from "@/server/plugins/transforms/operating-side";
import { defineReplaceNullWithDefault, fieldValue, REPLACE_NULL_WITH_DEFAULT } from "@/server/plugins/transforms/replace-null-with-default";
import { requireMap, requireStruct } from "@/server/plugins/transforms/requirements";
import { copySchemaBasics, SchemaUpdateCache } from "@/server/plugins/transforms/schema-update-cache";
import { SimpleConfig } from "@/server/plugins/transforms/transform-config";

const PURPOSE = "field replacement";

/** `old:new` pairs as a map from old to new name. @throws ConfigException for a pair without exactly one colon. */
function parseRenames(mappings: readonly string[]): Map<string, string> {
  const renames = new Map<string, string>();
  for (const mapping of mappings) {
    const parts = mapping.split(":");
    while (parts.length > 0 && parts.at(-1) === "") parts.pop();
    if (parts.length !== 2) throw ConfigException.invalid("renames", mappings, `Invalid rename mapping: ${mapping}`);
    renames.set(parts[0]!, parts[1]!);
  }
  return renames;
}

const CONFIG_DEF = defineReplaceNullWithDefault(
  new ConfigDef()
    .define({ name: "exclude", type: ConfigType.LIST, default: "", importance: Importance.MEDIUM, documentation: "Fields to drop. Takes precedence over include." })
    .define({ name: "include", type: ConfigType.LIST, default: "", importance: Importance.MEDIUM, documentation: "Fields to keep; when set, every other field is dropped. Empty keeps every field." })
    .define({
      name: "renames",
      type: ConfigType.LIST,
      default: "",
      validator: LambdaValidator.with(
        (_name, value) => void parseRenames((value as string[] | null) ?? []),
        () => "list of colon-delimited pairs, e.g. foo:bar,abc:xyz",
      ),
      importance: Importance.MEDIUM,
      documentation: "Field renames, as old:new pairs.",
    }),
);

/**
 * Kafka's ReplaceField: drops (`exclude`), keeps (`include`) and renames (`renames`) top-level
 * fields of a Struct (a new schema with the same name, version, doc and parameters) or a
 * schemaless map. A null key or value passes through unchanged.
 */
abstract class ReplaceField implements Transformation {
  protected abstract readonly side: OperatingSide;
  private exclude: ReadonlySet<string> = new Set();
  private include: ReadonlySet<string> = new Set();
  private renames: ReadonlyMap<string, string> = new Map();
  private reverseRenames: ReadonlyMap<string, string> = new Map();
  private replaceNullWithDefault = true;
  private readonly schemaUpdateCache = new SchemaUpdateCache();

  config(): ConfigDef {
    return CONFIG_DEF;
  }

  configure(configs: Readonly<Record<string, string>>): void {
    const config = new SimpleConfig(CONFIG_DEF, configs);
    this.exclude = new Set(config.list("exclude"));
    this.include = new Set(config.list("include"));
    this.renames = parseRenames(config.list("renames"));
    this.reverseRenames = new Map([...this.renames].map(([from, to]) => [to, from]));
    this.replaceNullWithDefault = config.boolean(REPLACE_NULL_WITH_DEFAULT);
  }

  private kept(name: string): boolean {
    return !this.exclude.has(name) && (this.include.size === 0 || this.include.has(name));
  }

  private renamed(name: string): string {
    return this.renames.get(name) ?? name;
  }

  apply(record: ConnectRecord): ConnectRecord {
    const value = this.side.value(record);
    if (value === null || value === undefined) return record;
    if (this.side.schema(record) === null) {
      const original = requireMap(value, PURPOSE);
      const updated = new JavaHashMap<unknown, unknown>(original.size);
      for (const [name, entry] of original) if (this.kept(String(name))) updated.set(this.renamed(String(name)), entry);
      return this.side.newRecord(record, null, updated.toMap());
    }
    const struct = requireStruct(value, PURPOSE);
    const updatedSchema = this.schemaUpdateCache.get(struct.schema, (schema) => this.updatedSchema(schema));
    const updated = new Struct(updatedSchema);
    for (const field of updatedSchema.fields) {
      updated.put(field, fieldValue(struct, this.reverseRenames.get(field.name) ?? field.name, this.replaceNullWithDefault));
    }
    return this.side.newRecord(record, updatedSchema, updated);
  }

  private updatedSchema(schema: Schema): Schema {
    const builder = copySchemaBasics(schema, SchemaBuilder.struct());
    for (const field of schema.fields) if (this.kept(field.name)) builder.field(this.renamed(field.name), field.schema);
    return builder.build();
  }

  close(): void {
    this.schemaUpdateCache.clear();
  }
}

/** `org.apache.kafka.connect.transforms.ReplaceField$Key`. */
export class ReplaceFieldKey extends ReplaceField {
  static readonly className = "org.apache.kafka.connect.transforms.ReplaceField$Key";
  static readonly description = "Drops, keeps or renames fields of the key.";
  protected readonly side = KEY_SIDE;
}

/** `org.apache.kafka.connect.transforms.ReplaceField$Value`. */
export class ReplaceFieldValue extends ReplaceField {
  static readonly className = "org.apache.kafka.connect.transforms.ReplaceField$Value";
  static readonly description = "Drops, keeps or renames fields of the value.";
  protected readonly side = VALUE_SIDE;
}
