import { ConfigDef, ConfigException, ConfigType, Importance, ValidString } from "@/server/plugins/api/config-def";
import { DataException } from "@/server/plugins/api/data/errors";
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
import { NON_EMPTY_LIST, SimpleConfig } from "@/server/plugins/transforms/transform-config";

const CONFIG_DEF = defineReplaceNullWithDefault(
  new ConfigDef()
    .define({ name: "fields", type: ConfigType.LIST, validator: NON_EMPTY_LIST, importance: Importance.HIGH, documentation: "Names of the fields whose values go into headers." })
    .define({ name: "headers", type: ConfigType.LIST, validator: NON_EMPTY_LIST, importance: Importance.HIGH, documentation: "Names of the headers, one for each field, in the same order." })
    .define({
      name: "operation",
      type: ConfigType.STRING,
      validator: ValidString.in("move", "copy"),
      importance: Importance.HIGH,
      documentation: "move takes the fields out of the key or value; copy leaves them there.",
    }),
);

/**
 * Kafka's HeaderFrom: appends a header per listed field holding the field's value (and, with a
 * schema, the field's schema), then removes the fields (`move`) or keeps them (`copy`). A Struct
 * field the schema lacks is a DataException; a schemaless entry that is missing gives a null
 * header. The key or value must be a Struct or map: a tombstone is a DataException, as in Kafka.
 */
abstract class HeaderFrom implements Transformation {
  protected abstract readonly side: OperatingSide;
  private fields: readonly string[] = [];
  private headers: readonly string[] = [];
  private move = false;
  private replaceNullWithDefault = true;
  private readonly schemaUpdateCache = new SchemaUpdateCache();

  config(): ConfigDef {
    return CONFIG_DEF;
  }

  configure(configs: Readonly<Record<string, string>>): void {
    const config = new SimpleConfig(CONFIG_DEF, configs);
    this.fields = config.list("fields");
    this.headers = config.list("headers");
    if (this.fields.length !== this.headers.length) throw new ConfigException("'fields' config must have the same number of elements as 'headers' config.", { key: "headers" });
    this.move = config.string("operation") === "move";
    this.replaceNullWithDefault = config.boolean(REPLACE_NULL_WITH_DEFAULT);
  }

  private purpose(): string {
    return `header ${this.move ? "move" : "copy"}`;
  }

  apply(record: ConnectRecord): ConnectRecord {
    const schema = this.side.schema(record);
    const headers = record.headers.duplicate();
    if (schema === null) {
      const value = requireMap(this.side.value(record), this.purpose());
      const updated = JavaHashMap.copyOf(value);
      this.fields.forEach((field, i) => {
        headers.add(this.headers[i]!, value.get(field) ?? null, null);
        if (this.move) updated.delete(field);
      });
      return this.side.newRecord(record, null, updated.toMap(), headers);
    }
    const struct = requireStruct(this.side.value(record), this.purpose());
    this.fields.forEach((name, i) => {
      const field = schema.field(name);
      if (field === null) throw new DataException(`Field ${name} not found in the ${this.side.name} schema, for [${this.purpose()}]`);
      headers.add(this.headers[i]!, fieldValue(struct, name, this.replaceNullWithDefault), field.schema);
    });
    if (!this.move) return this.side.newRecord(record, schema, struct, headers);
    const updatedSchema = this.schemaUpdateCache.get(schema, (input) => this.movedSchema(input));
    const updated = new Struct(updatedSchema);
    for (const field of updatedSchema.fields) updated.put(field, fieldValue(struct, field.name, this.replaceNullWithDefault));
    return this.side.newRecord(record, updatedSchema, updated, headers);
  }

  private movedSchema(input: Schema): Schema {
    const builder = copySchemaBasics(input, SchemaBuilder.struct());
    for (const field of input.fields) if (!this.fields.includes(field.name)) builder.field(field.name, field.schema);
    return builder.build();
  }

  close(): void {
    this.schemaUpdateCache.clear();
  }
}

/** `org.apache.kafka.connect.transforms.HeaderFrom$Key`. */
export class HeaderFromKey extends HeaderFrom {
  static readonly className = "org.apache.kafka.connect.transforms.HeaderFrom$Key";
  static readonly description = "Moves or copies fields of the key into headers.";
  protected readonly side = KEY_SIDE;
}

/** `org.apache.kafka.connect.transforms.HeaderFrom$Value`. */
export class HeaderFromValue extends HeaderFrom {
  static readonly className = "org.apache.kafka.connect.transforms.HeaderFrom$Value";
  static readonly description = "Moves or copies fields of the value into headers.";
  protected readonly side = VALUE_SIDE;
}
