import { CaseInsensitiveValidString, ConfigDef, ConfigType, Importance } from "@/server/plugins/api/config-def";
import { DataException } from "@/server/plugins/api/data/errors";
import type { ConnectRecord } from "@/server/plugins/api/records";
import type { Transformation } from "@/server/plugins/api/transformation";
import { KEY_SIDE, type OperatingSide, VALUE_SIDE } from "@/server/plugins/transforms/operating-side";
import { defineReplaceNullWithDefault, REPLACE_NULL_WITH_DEFAULT } from "@/server/plugins/transforms/replace-null-with-default";
import { requireMapOrNull, requireStructOrNull } from "@/server/plugins/transforms/requirements";
import { FIELD_SYNTAX_VERSION, fieldSyntaxVersion, SingleFieldPath } from "@/server/plugins/transforms/single-field-path";
import { SimpleConfig } from "@/server/plugins/transforms/transform-config";

const PURPOSE = "field extraction";

const CONFIG_DEF = defineReplaceNullWithDefault(
  new ConfigDef()
    .define({
      name: "field",
      type: ConfigType.STRING,
      importance: Importance.MEDIUM,
      documentation: "The field to extract. With field.syntax.version=V2, a dotted path to a nested field, with backticks around names that contain dots.",
    })
    .define({
      name: FIELD_SYNTAX_VERSION.name,
      type: ConfigType.STRING,
      default: FIELD_SYNTAX_VERSION.default,
      validator: CaseInsensitiveValidString.in(...FIELD_SYNTAX_VERSION.values),
      importance: Importance.HIGH,
      documentation: "How field paths are read: V1 takes the whole text as one top-level field name; V2 reads dotted paths to nested fields, with backticks quoting names that contain dots.",
    }),
);

/**
 * Kafka's ExtractField: replaces the key or value with one of its fields, from a Struct (the new
 * schema is that field's; a path the schema lacks is a DataException) or a schemaless map (a
 * missing entry gives null). A null key or value passes through as null.
 */
abstract class ExtractField implements Transformation {
  protected abstract readonly side: OperatingSide;
  private path = new SingleFieldPath("", "V1");
  private replaceNullWithDefault = true;

  config(): ConfigDef {
    return CONFIG_DEF;
  }

  configure(configs: Readonly<Record<string, string>>): void {
    const config = new SimpleConfig(CONFIG_DEF, configs);
    this.path = new SingleFieldPath(config.string("field")!, fieldSyntaxVersion(config.string(FIELD_SYNTAX_VERSION.name)!));
    this.replaceNullWithDefault = config.boolean(REPLACE_NULL_WITH_DEFAULT);
  }

  apply(record: ConnectRecord): ConnectRecord {
    const schema = this.side.schema(record);
    if (schema === null) {
      const map = requireMapOrNull(this.side.value(record), PURPOSE);
      return this.side.newRecord(record, null, map === null ? null : this.path.valueFromMap(map));
    }
    const struct = requireStructOrNull(this.side.value(record), PURPOSE);
    const field = schema.type === "STRUCT" ? this.path.fieldFrom(schema) : null;
    if (field === null) throw new DataException(`Unknown field: ${this.path.text}`);
    return this.side.newRecord(record, field.schema, struct === null ? null : this.path.valueFromStruct(struct, this.replaceNullWithDefault));
  }
}

/** `org.apache.kafka.connect.transforms.ExtractField$Key`. */
export class ExtractFieldKey extends ExtractField {
  static readonly className = "org.apache.kafka.connect.transforms.ExtractField$Key";
  static readonly description = "Replaces the key with one of its fields.";
  protected readonly side = KEY_SIDE;
}

/** `org.apache.kafka.connect.transforms.ExtractField$Value`. */
export class ExtractFieldValue extends ExtractField {
  static readonly className = "org.apache.kafka.connect.transforms.ExtractField$Value";
  static readonly description = "Replaces the value with one of its fields.";
  protected readonly side = VALUE_SIDE;
}
