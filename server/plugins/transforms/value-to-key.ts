import { ConfigDef, ConfigType, Importance } from "@/server/plugins/api/config-def";
import { DataException } from "@/server/plugins/api/data/errors";
import { JavaHashMap } from "@/server/plugins/api/data/java-hash-map";
import type { Schema } from "@/server/plugins/api/data/schema";
import { SchemaBuilder } from "@/server/plugins/api/data/schema-builder";
import { Struct } from "@/server/plugins/api/data/struct";
import type { ConnectRecord } from "@/server/plugins/api/records";
import type { Transformation } from "@/server/plugins/api/transformation";
import { defineReplaceNullWithDefault, fieldValue, REPLACE_NULL_WITH_DEFAULT } from "@/server/plugins/transforms/replace-null-with-default";
import { requireMap, requireStruct } from "@/server/plugins/transforms/requirements";
import { SchemaUpdateCache } from "@/server/plugins/transforms/schema-update-cache";
import { NON_EMPTY_LIST, SimpleConfig } from "@/server/plugins/transforms/transform-config";

const PURPOSE = "copying fields from value to key";

const CONFIG_DEF = defineReplaceNullWithDefault(
  new ConfigDef().define({ name: "fields", type: ConfigType.LIST, validator: NON_EMPTY_LIST, importance: Importance.HIGH, documentation: "Names of the value's fields that make up the new key." }),
);

/**
 * `org.apache.kafka.connect.transforms.ValueToKey`: replaces the key with a Struct (schema: the
 * listed fields with their value schemas, in the listed order) or a schemaless map of those value
 * fields. With a schema, a listed field the value lacks is a DataException; without one, it is
 * a null entry. The value must be a Struct or a map (a tombstone is a DataException, as in Kafka).
 */
export class ValueToKey implements Transformation {
  static readonly className = "org.apache.kafka.connect.transforms.ValueToKey";
  static readonly description = "Replaces the record key with fields copied from the value.";

  private fields: readonly string[] = [];
  private replaceNullWithDefault = true;
  private readonly schemaUpdateCache = new SchemaUpdateCache();

  config(): ConfigDef {
    return CONFIG_DEF;
  }

  configure(configs: Readonly<Record<string, string>>): void {
    const config = new SimpleConfig(CONFIG_DEF, configs);
    this.fields = config.list("fields");
    this.replaceNullWithDefault = config.boolean(REPLACE_NULL_WITH_DEFAULT);
  }

  apply(record: ConnectRecord): ConnectRecord {
    if (record.valueSchema === null) {
      const value = requireMap(record.value, PURPOSE);
      const key = new JavaHashMap<string, unknown>(this.fields.length);
      for (const field of this.fields) key.set(field, value.get(field) ?? null);
      return record.newRecord({ keySchema: null, key: key.toMap() });
    }
    const value = requireStruct(record.value, PURPOSE);
    const keySchema = this.schemaUpdateCache.get(value.schema, (schema) => this.keySchema(schema));
    const key = new Struct(keySchema);
    for (const field of this.fields) key.put(field, fieldValue(value, field, this.replaceNullWithDefault));
    return record.newRecord({ keySchema, key });
  }

  private keySchema(valueSchema: Schema): Schema {
    const builder = SchemaBuilder.struct();
    for (const name of this.fields) {
      const field = valueSchema.field(name);
      if (field === null) throw new DataException(`Field does not exist: ${name}`);
      builder.field(name, field.schema);
    }
    return builder.build();
  }

  close(): void {
    this.schemaUpdateCache.clear();
  }
}
