import { ConfigDef, ConfigException, type ConfigKeyDefinition, ConfigType, Importance } from "@/server/plugins/api/config-def";
import { JavaHashMap } from "@/server/plugins/api/data/java-hash-map";
import { Timestamp } from "@/server/plugins/api/data/logical-types";
import { Schema } from "@/server/plugins/api/data/schema";
import { SchemaBuilder } from "@/server/plugins/api/data/schema-builder";
import { Struct } from "@/server/plugins/api/data/struct";
import type { ConnectRecord } from "@/server/plugins/api/records";
import type { Transformation } from "@/server/plugins/api/transformation";
import { KEY_SIDE, type OperatingSide, VALUE_SIDE } from "@/server/plugins/transforms/operating-side";
import { defineReplaceNullWithDefault, fieldValue, REPLACE_NULL_WITH_DEFAULT } from "@/server/plugins/transforms/replace-null-with-default";
import { requireMap, requireSinkRecord, requireStruct } from "@/server/plugins/transforms/requirements";
import { copySchemaBasics, SchemaUpdateCache } from "@/server/plugins/transforms/schema-update-cache";
import { SimpleConfig } from "@/server/plugins/transforms/transform-config";

const PURPOSE = "field insertion";
const OPTIONALITY = "Suffix the name with '!' to make the field required, or with '?' to keep it optional (the default).";
const OPTIONAL_TIMESTAMP_SCHEMA = Timestamp.builder().optional().build();

/** A field to insert: its name, and whether its schema is optional (`?`, the default) or required (`!`). */
interface InsertionSpec {
  readonly name: string;
  readonly optional: boolean;
}

function insertionSpec(text: string | null): InsertionSpec | null {
  if (text === null) return null;
  if (text.endsWith("!")) return { name: text.slice(0, -1), optional: false };
  if (text.endsWith("?")) return { name: text.slice(0, -1), optional: true };
  return { name: text, optional: true };
}

function fieldKey(name: string, what: string): ConfigKeyDefinition {
  return { name, type: ConfigType.STRING, default: null, importance: Importance.MEDIUM, documentation: `Name of the field that receives ${what}. ${OPTIONALITY}` };
}

const CONFIG_DEF = defineReplaceNullWithDefault(
  new ConfigDef()
    .define(fieldKey("topic.field", "the Kafka topic"))
    .define(fieldKey("partition.field", "the Kafka partition"))
    .define(fieldKey("offset.field", "the Kafka offset (sink connectors only)"))
    .define(fieldKey("timestamp.field", "the record timestamp"))
    .define(fieldKey("static.field", "static.value"))
    .define({ name: "static.value", type: ConfigType.STRING, default: null, importance: Importance.MEDIUM, documentation: "The value of the static field, when static.field is set." }),
);

/**
 * Kafka's InsertField: adds fields taken from the record's metadata (topic, partition, offset
 * for sink records, timestamp) and one static string field to a Struct (its schema extended,
 * optional or required per the `?`/`!` suffix) or to a schemaless map (timestamp as epoch
 * milliseconds). A null key or value passes through unchanged.
 */
abstract class InsertField implements Transformation {
  protected abstract readonly side: OperatingSide;
  private topicField: InsertionSpec | null = null;
  private partitionField: InsertionSpec | null = null;
  private offsetField: InsertionSpec | null = null;
  private timestampField: InsertionSpec | null = null;
  private staticField: InsertionSpec | null = null;
  private staticValue: string | null = null;
  private replaceNullWithDefault = true;
  private readonly schemaUpdateCache = new SchemaUpdateCache();

  config(): ConfigDef {
    return CONFIG_DEF;
  }

  configure(configs: Readonly<Record<string, string>>): void {
    const config = new SimpleConfig(this.config(), configs);
    this.topicField = insertionSpec(config.string("topic.field"));
    this.partitionField = insertionSpec(config.string("partition.field"));
    this.offsetField = insertionSpec(config.string("offset.field"));
    this.timestampField = insertionSpec(config.string("timestamp.field"));
    this.staticField = insertionSpec(config.string("static.field"));
    this.staticValue = config.string("static.value");
    this.replaceNullWithDefault = config.boolean(REPLACE_NULL_WITH_DEFAULT);
    if (!this.topicField && !this.partitionField && !this.offsetField && !this.timestampField && !this.staticField) {
      throw new ConfigException("No field insertion configured: set at least one of topic.field, partition.field, offset.field, timestamp.field or static.field");
    }
    if (this.staticField && this.staticValue === null) {
      throw ConfigException.invalid("static.value", null, `No value specified for static field: ${this.staticField.name}`);
    }
  }

  apply(record: ConnectRecord): ConnectRecord {
    const value = this.side.value(record);
    if (value === null || value === undefined) return record;
    const schema = this.side.schema(record);
    return schema === null ? this.applySchemaless(record, value) : this.applyWithSchema(record, value);
  }

  private applySchemaless(record: ConnectRecord, value: unknown): ConnectRecord {
    const updated = JavaHashMap.copyOf(requireMap(value, PURPOSE));
    if (this.topicField) updated.set(this.topicField.name, record.topic);
    if (this.partitionField && record.kafkaPartition !== null) updated.set(this.partitionField.name, BigInt(record.kafkaPartition));
    if (this.offsetField) updated.set(this.offsetField.name, requireSinkRecord(record, PURPOSE).kafkaOffset);
    if (this.timestampField && record.timestamp !== null) updated.set(this.timestampField.name, BigInt(record.timestamp));
    if (this.staticField && this.staticValue !== null) updated.set(this.staticField.name, this.staticValue);
    return this.side.newRecord(record, null, updated.toMap());
  }

  private applyWithSchema(record: ConnectRecord, value: unknown): ConnectRecord {
    const struct = requireStruct(value, PURPOSE);
    const updatedSchema = this.schemaUpdateCache.get(struct.schema, (schema) => this.updatedSchema(schema));
    const updated = new Struct(updatedSchema);
    for (const field of struct.schema.fields) updated.put(field.name, fieldValue(struct, field, this.replaceNullWithDefault));
    if (this.topicField) updated.put(this.topicField.name, record.topic);
    if (this.partitionField && record.kafkaPartition !== null) updated.put(this.partitionField.name, record.kafkaPartition);
    if (this.offsetField) updated.put(this.offsetField.name, requireSinkRecord(record, PURPOSE).kafkaOffset);
    if (this.timestampField && record.timestamp !== null) updated.put(this.timestampField.name, new Date(record.timestamp));
    if (this.staticField && this.staticValue !== null) updated.put(this.staticField.name, this.staticValue);
    return this.side.newRecord(record, updatedSchema, updated);
  }

  private updatedSchema(schema: Schema): Schema {
    const builder = copySchemaBasics(schema, SchemaBuilder.struct());
    for (const field of schema.fields) builder.field(field.name, field.schema);
    const add = (spec: InsertionSpec | null, optional: Schema, required: Schema) => {
      if (spec) builder.field(spec.name, spec.optional ? optional : required);
    };
    add(this.topicField, Schema.OPTIONAL_STRING_SCHEMA, Schema.STRING_SCHEMA);
    add(this.partitionField, Schema.OPTIONAL_INT32_SCHEMA, Schema.INT32_SCHEMA);
    add(this.offsetField, Schema.OPTIONAL_INT64_SCHEMA, Schema.INT64_SCHEMA);
    add(this.timestampField, OPTIONAL_TIMESTAMP_SCHEMA, Timestamp.SCHEMA);
    add(this.staticField, Schema.OPTIONAL_STRING_SCHEMA, Schema.STRING_SCHEMA);
    return builder.build();
  }

  close(): void {
    this.schemaUpdateCache.clear();
  }
}

/** `org.apache.kafka.connect.transforms.InsertField$Key`. */
export class InsertFieldKey extends InsertField {
  static readonly className = "org.apache.kafka.connect.transforms.InsertField$Key";
  static readonly description = "Inserts the record's topic, partition, offset, timestamp or a static value as fields of the key.";
  protected readonly side = KEY_SIDE;
}

/** `org.apache.kafka.connect.transforms.InsertField$Value`. */
export class InsertFieldValue extends InsertField {
  static readonly className = "org.apache.kafka.connect.transforms.InsertField$Value";
  static readonly description = "Inserts the record's topic, partition, offset, timestamp or a static value as fields of the value.";
  protected readonly side = VALUE_SIDE;
}
