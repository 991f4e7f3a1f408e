import { ConfigDef, ConfigException, ConfigType, Importance } from "@/server/plugins/api/config-def";
import { Schema } from "@/server/plugins/api/data/schema";
import { Struct } from "@/server/plugins/api/data/struct";
import type { ConnectRecord } from "@/server/plugins/api/records";
import type { Transformation } from "@/server/plugins/api/transformation";
import { KEY_SIDE, type OperatingSide, VALUE_SIDE } from "@/server/plugins/transforms/operating-side";
import { defineReplaceNullWithDefault, fieldValue, REPLACE_NULL_WITH_DEFAULT } from "@/server/plugins/transforms/replace-null-with-default";
import { requireSchema } from "@/server/plugins/transforms/requirements";
import { SchemaUpdateCache } from "@/server/plugins/transforms/schema-update-cache";
import { SimpleConfig } from "@/server/plugins/transforms/transform-config";

const CONFIG_DEF = defineReplaceNullWithDefault(
  new ConfigDef()
    .define({ name: "schema.name", type: ConfigType.STRING, default: null, importance: Importance.HIGH, documentation: "The name to give the schema." })
    .define({ name: "schema.version", type: ConfigType.INT, default: null, importance: Importance.HIGH, documentation: "The version to give the schema." }),
);

/**
 * Kafka's SetSchemaMetadata: sets the name and/or version of the key or value schema, keeping
 * everything else about it; a Struct is rebuilt on the new schema. A schema is required,
 * except that a null value without one passes through.
 */
abstract class SetSchemaMetadata implements Transformation {
  protected abstract readonly side: OperatingSide;
  private schemaName: string | null = null;
  private schemaVersion: number | null = null;
  private replaceNullWithDefault = true;
  private readonly schemaUpdateCache = new SchemaUpdateCache();

  config(): ConfigDef {
    return CONFIG_DEF;
  }

  configure(configs: Readonly<Record<string, string>>): void {
    const config = new SimpleConfig(CONFIG_DEF, configs);
    this.schemaName = config.string("schema.name");
    this.schemaVersion = config.int("schema.version");
    this.replaceNullWithDefault = config.boolean(REPLACE_NULL_WITH_DEFAULT);
    if (this.schemaName === null && this.schemaVersion === null) throw new ConfigException("Neither schema name nor version configured: set schema.name, schema.version or both");
  }

  apply(record: ConnectRecord): ConnectRecord {
    const value = this.side.value(record);
    const original = this.side.schema(record);
    if ((value === null || value === undefined) && original === null) return record;
    const schema = this.schemaUpdateCache.get(requireSchema(original, "updating schema metadata"), (input) => this.updatedSchema(input));
    if (!(value instanceof Struct)) return this.side.newRecord(record, schema, value);
    const updated = new Struct(schema);
    for (const field of schema.fields) updated.put(field, fieldValue(value, field.name, this.replaceNullWithDefault));
    return this.side.newRecord(record, schema, updated);
  }

  private updatedSchema(input: Schema): Schema {
    return new Schema({
      type: input.type,
      optional: input.optional,
      defaultValue: input.defaultValue,
      name: this.schemaName ?? input.name,
      version: this.schemaVersion ?? input.version,
      doc: input.doc,
      parameters: input.parameters,
      fields: input.type === "STRUCT" ? input.fields : [],
      keySchema: input.keySchema,
      valueSchema: input.valueSchema,
    });
  }

  close(): void {
    this.schemaUpdateCache.clear();
  }
}

/** `org.apache.kafka.connect.transforms.SetSchemaMetadata$Key`. */
export class SetSchemaMetadataKey extends SetSchemaMetadata {
  static readonly className = "org.apache.kafka.connect.transforms.SetSchemaMetadata$Key";
  static readonly description = "Sets the name and/or version of the key schema.";
  protected readonly side = KEY_SIDE;
}

/** `org.apache.kafka.connect.transforms.SetSchemaMetadata$Value`. */
export class SetSchemaMetadataValue extends SetSchemaMetadata {
  static readonly className = "org.apache.kafka.connect.transforms.SetSchemaMetadata$Value";
  static readonly description = "Sets the name and/or version of the value schema.";
  protected readonly side = VALUE_SIDE;
}
