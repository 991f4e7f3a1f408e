import { ConfigDef, ConfigType, Importance } from "@/server/plugins/api/config-def";
import { SchemaBuilder } from "@/server/plugins/api/data/schema-builder";
import { Struct } from "@/server/plugins/api/data/struct";
import type { ConnectRecord } from "@/server/plugins/api/records";
import type { Transformation } from "@/server/plugins/api/transformation";
import { KEY_SIDE, type OperatingSide, VALUE_SIDE } from "@/server/plugins/transforms/operating-side";
import { SchemaUpdateCache } from "@/server/plugins/transforms/schema-update-cache";
import { SimpleConfig } from "@/server/plugins/transforms/transform-config";

const CONFIG_DEF = new ConfigDef().define({
  name: "field",
  type: ConfigType.STRING,
  importance: Importance.MEDIUM,
  documentation: "Name of the single field of the Struct (with a schema) or map (without) that wraps the data.",
});

/**
 * Kafka's HoistField: wraps the key or value in a Struct with one field named `field` (whose
 * schema is the original one), or in a one-entry map when there is no schema.
 */
abstract class HoistField implements Transformation {
  protected abstract readonly side: OperatingSide;
  private fieldName = "";
  private readonly schemaUpdateCache = new SchemaUpdateCache();

  config(): ConfigDef {
    return CONFIG_DEF;
  }

  configure(configs: Readonly<Record<string, string>>): void {
    this.fieldName = new SimpleConfig(CONFIG_DEF, configs).string("field")!;
  }

  apply(record: ConnectRecord): ConnectRecord {
    const schema = this.side.schema(record);
    const value = this.side.value(record);
    if (schema === null) return this.side.newRecord(record, null, new Map([[this.fieldName, value ?? null]]));
    const updatedSchema = this.schemaUpdateCache.get(schema, (input) => SchemaBuilder.struct().field(this.fieldName, input).build());
    return this.side.newRecord(record, updatedSchema, new Struct(updatedSchema).put(this.fieldName, value));
  }

  close(): void {
    this.schemaUpdateCache.clear();
  }
}

/** `org.apache.kafka.connect.transforms.HoistField$Key`. */
export class HoistFieldKey extends HoistField {
  static readonly className = "org.apache.kafka.connect.transforms.HoistField$Key";
  static readonly description = "Wraps the key in a Struct or map with a single named field.";
  protected readonly side = KEY_SIDE;
}

/** `org.apache.kafka.connect.transforms.HoistField$Value`. */
export class HoistFieldValue extends HoistField {
  static readonly className = "org.apache.kafka.connect.transforms.HoistField$Value";
  static readonly description = "Wraps the value in a Struct or map with a single named field.";
  protected readonly side = VALUE_SIDE;
}
