import { ConfigDef, ConfigType, Importance, NonNullValidator } from "@/server/plugins/api/config-def";
import type { SchemaAndValue } from "@/server/plugins/api/data/schema-and-value";
import { parseString } from "@/server/plugins/api/data/values";
import type { ConnectRecord } from "@/server/plugins/api/records";
import type { Transformation } from "@/server/plugins/api/transformation";
import { SimpleConfig } from "@/server/plugins/transforms/transform-config";

const CONFIG_DEF = new ConfigDef()
  .define({ name: "header", type: ConfigType.STRING, validator: new NonNullValidator(), importance: Importance.HIGH, documentation: "The name of the header to add." })
  .define({
    name: "value.literal",
    type: ConfigType.STRING,
    validator: new NonNullValidator(),
    importance: Importance.HIGH,
    documentation: "The header's value, as text; its type (number, boolean, date, list, map or string) is inferred the way the SimpleHeaderConverter reads headers.",
  });

/**
 * `org.apache.kafka.connect.transforms.InsertHeader`: appends a header with a fixed value to
 * every record (existing headers of that name are kept). The value's schema and type come from
 * `Values.parseString`, once, at configure time.
 */
export class InsertHeader implements Transformation {
  static readonly className = "org.apache.kafka.connect.transforms.InsertHeader";
  static readonly description = "Adds a header with a fixed value to every record.";

  private header = "";
  private literal: SchemaAndValue = { schema: null, value: null };

  config(): ConfigDef {
    return CONFIG_DEF;
  }

  configure(configs: Readonly<Record<string, string>>): void {
    const config = new SimpleConfig(CONFIG_DEF, configs);
    this.header = config.string("header")!;
    this.literal = parseString(config.string("value.literal")!);
  }

  apply(record: ConnectRecord): ConnectRecord {
    const headers = record.headers.duplicate().add(this.header, this.literal.value, this.literal.schema);
    return record.newRecord({ headers });
  }
}
